import Synchronization

/// Carries an async stream's continuation through libvirt's `void *opaque` callback argument.
///
/// The registration passes a retained reference as `opaque`; libvirt hands it back to every
/// callback and releases it through the free callback when the registration ends, so the box
/// lives exactly as long as libvirt may call back. When libvirt lets go of it first (the callback
/// was removed another way, for example by closing a stream), the box ends the stream, whose
/// consumers would otherwise wait forever.
package final class EventStreamBox<Event: Sendable>: @unchecked Sendable {
    /// The stream's continuation (itself thread-safe).
    package let continuation: AsyncStream<Event>.Continuation
    /// Set when libvirt has released the box: the callback is gone, nothing is left to deregister.
    let released = ReleaseFlag()

    /// Wraps a continuation.
    package init(_ continuation: AsyncStream<Event>.Continuation) {
        self.continuation = continuation
    }

    /// Ends the stream once libvirt has released the box. The flag is set first, so the stream's
    /// termination handler does not call back into libvirt, which may still hold its own lock
    /// while it runs the free callback.
    deinit {
        released.set()
        continuation.finish()
    }

    /// A retained reference to pass as `opaque`.
    package func retainedOpaque() -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }

    /// The box behind an `opaque` pointer, not retained.
    package static func from(_ opaque: UnsafeMutableRawPointer) -> EventStreamBox<Event> {
        Unmanaged<EventStreamBox<Event>>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// Releases the reference `retainedOpaque()` took; libvirt calls this through the free callback.
    package static func release(_ opaque: UnsafeMutableRawPointer) {
        Unmanaged<EventStreamBox<Event>>.fromOpaque(opaque).release()
    }
}

/// A flag set once, when libvirt releases an ``EventStreamBox``, and read by its stream's
/// termination handler.
final class ReleaseFlag: Sendable {
    /// Whether the flag is set.
    private let value = Atomic<Bool>(false)

    /// Sets the flag.
    func set() {
        value.store(true, ordering: .releasing)
    }

    /// Whether the flag is set.
    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// Registers a callback with libvirt and returns the stream its events arrive on; ending the
/// stream (or dropping its iterator) deregisters the callback, unless libvirt has already
/// released it (which ends the stream).
///
/// - Parameter bufferingPolicy: Which events the stream keeps while its reader falls behind.
/// - Parameter register: Registers with the retained `opaque` box; returns libvirt's callback ID or -1.
/// - Parameter deregister: Deregisters a callback ID.
package func registeredEventStream<Event: Sendable>(
    _ type: Event.Type, bufferingPolicy: AsyncStream<Event>.Continuation.BufferingPolicy,
    register: (UnsafeMutableRawPointer) -> Int32,
    deregister: @escaping @Sendable (Int32) -> Void
) throws -> AsyncStream<Event> {
    let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: bufferingPolicy)
    let box = EventStreamBox(continuation)
    let opaque = box.retainedOpaque()
    let callbackID = register(opaque)
    if callbackID < 0 {
        let error = LibvirtError.last()
        // libvirt did not take the box, so its free callback will not run: release it here.
        EventStreamBox<Event>.release(opaque)
        continuation.finish()
        throw error
    }
    let released = box.released
    continuation.onTermination = { _ in
        if !released.isSet { deregister(callbackID) }
    }
    return stream
}

/// The free callback passed with every registration: releases the box or hub passed, retained, as `opaque`.
package let releaseRetainedOpaque: @convention(c) (UnsafeMutableRawPointer?) -> Void = { opaque in
    if let opaque { Unmanaged<AnyObject>.fromOpaque(opaque).release() }
}
