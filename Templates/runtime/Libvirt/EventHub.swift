/// Fans one libvirt callback registration out to every Swift stream subscribed to the same events.
///
/// libvirt refuses a second registration of the same callback for the same event and object on
/// one connection, and the generated trampolines are one function per event kind, so streams
/// that ask for the same events share a registration: the first subscriber registers, the last
/// one to end deregisters.
package final class EventHub<Event: Sendable>: Sendable {
    /// The subscribers' continuations by subscription number, and the next number.
    private let subscribers = Locked<(streams: [Int: AsyncStream<Event>.Continuation], next: Int)>(([:], 0))

    /// Creates a hub with no subscribers.
    package init() {}

    /// Adds a subscriber; returns its number.
    func add(_ continuation: AsyncStream<Event>.Continuation) -> Int {
        subscribers.withLock { state in
            state.next += 1
            state.streams[state.next] = continuation
            return state.next
        }
    }

    /// Removes a subscriber; returns whether none is left.
    func remove(_ number: Int) -> Bool {
        subscribers.withLock { state in
            state.streams[number] = nil
            return state.streams.isEmpty
        }
    }

    /// Delivers an event to every subscriber.
    package func yield(_ event: Event) {
        for continuation in subscribers.withLock({ Array($0.streams.values) }) { continuation.yield(event) }
    }

    /// A retained reference to pass as a callback's `opaque`; libvirt's free callback releases it.
    func retainedOpaque() -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }

    /// The hub behind an `opaque` pointer, not retained.
    package static func from(_ opaque: UnsafeMutableRawPointer) -> EventHub<Event> {
        Unmanaged<EventHub<Event>>.fromOpaque(opaque).takeUnretainedValue()
    }
}

/// What identifies one libvirt registration: the connection, the registering function, the event
/// kind, and the object the events are filtered to.
package struct EventRegistrationKey: Hashable, @unchecked Sendable {
    /// The connection's address.
    let connection: UInt
    /// The C registration function.
    let function: String
    /// The event kind.
    let id: Int32
    /// The filter object (compared by libvirt identity), or nil for all objects.
    let object: AnyHashable?

    /// Creates a key.
    package init(connection: OpaquePointer, function: String, id: Int32, object: AnyHashable?) {
        self.connection = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        self.function = function
        self.id = id
        self.object = object
    }
}

/// The live registrations of the process.
private struct EventRegistration: @unchecked Sendable {
    let hub: AnyObject
    let callbackID: Int32
    let deregister: @Sendable (Int32) -> Void
    /// The retained hub reference, when the bindings (not libvirt's free callback) release it.
    let ownedOpaque: UnsafeMutableRawPointer?
}

private let eventRegistrations = Locked<[EventRegistrationKey: EventRegistration]>([:])

/// Subscribes a new stream to libvirt events, registering the callback if no stream shares it yet.
///
/// - Parameter key: What identifies the registration.
/// - Parameter register: Registers the callback with the given `opaque` hub; returns libvirt's callback ID or -1.
/// - Parameter deregister: Deregisters a callback ID.
/// - Parameter libvirtReleases: Whether the registration passes ``releaseRetainedOpaque`` as the free
///   callback. Close callbacks do not: drivers without them accept the registration and never
///   call the free callback, so the bindings release the hub after deregistering instead.
/// - Returns: A stream of the events; ending it unsubscribes (and deregisters after the last subscriber).
package func subscribeToEvents<Event: Sendable>(
    _ type: Event.Type, key: EventRegistrationKey,
    register: (UnsafeMutableRawPointer) -> Int32,
    deregister: @escaping @Sendable (Int32) -> Void,
    libvirtReleases: Bool = true
) throws -> AsyncStream<Event> {
    let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .unbounded)
    let number = try eventRegistrations.withLock { registrations throws -> Int in
        if let existing = registrations[key]?.hub as? EventHub<Event> {
            return existing.add(continuation)
        }
        let hub = EventHub<Event>()
        let number = hub.add(continuation)
        let opaque = hub.retainedOpaque()
        let callbackID = register(opaque)
        if callbackID < 0 {
            let error = LibvirtError.last()
            // libvirt did not take the hub, so its free callback will not run: release it here.
            Unmanaged<EventHub<Event>>.fromOpaque(opaque).release()
            throw error
        }
        registrations[key] = EventRegistration(
            hub: hub, callbackID: callbackID, deregister: deregister, ownedOpaque: libvirtReleases ? nil : opaque)
        return number
    }
    continuation.onTermination = { _ in
        eventRegistrations.withLock { registrations in
            guard let registration = registrations[key], let hub = registration.hub as? EventHub<Event>,
                  hub.remove(number)
            else { return }
            registrations[key] = nil
            registration.deregister(registration.callbackID)
            if let opaque = registration.ownedOpaque { Unmanaged<EventHub<Event>>.fromOpaque(opaque).release() }
        }
    }
    return stream
}
