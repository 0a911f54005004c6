/// Fans one libvirt callback registration out to every Swift stream subscribed to the same events.
///
/// libvirt refuses a second registration of the same callback for the same event and object on
/// one connection, and the generated trampolines are one function per event kind, so streams
/// that ask for the same events share a registration: the first subscriber registers, the last
/// one to end deregisters (see ``subscribeToEvents(_:_:buffering:)``).
package final class EventHub<Event: Sendable>: EndableHub {
    /// The subscribers' queues. Delivering an event copies the array (a reference) under the lock
    /// and yields outside it; a subscriber coming or going meanwhile changes a copy.
    private let subscribers = Locked<[EventQueue<Event>]>([])

    /// Creates a hub with no subscribers.
    package init() {}

    /// Adds a subscriber.
    func add(_ queue: EventQueue<Event>) {
        subscribers.withLock { $0.append(queue) }
    }

    /// Removes a subscriber.
    func remove(_ queue: EventQueue<Event>) {
        subscribers.withLock { queues in queues.removeAll { $0 === queue } }
    }

    /// Delivers an event to every subscriber.
    package func yield(_ event: Event) {
        for queue in subscribers.withLock({ $0 }) { queue.yield(event) }
    }

    /// Whether no subscriber is left.
    var isEmpty: Bool { subscribers.withLock { $0.isEmpty } }

    /// Ends every subscriber's stream after the events queued so far (outside the lock: ending
    /// runs the streams' end handlers, which remove them from this hub).
    func finishAll(throwing failure: any Error) {
        for queue in subscribers.withLock({ $0 }) { queue.finish(throwing: failure) }
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

/// A hub of any event type, seen from code that ends streams without knowing their events.
protocol EndableHub: AnyObject, Sendable {
    /// Whether no subscriber is left.
    var isEmpty: Bool { get }
    /// Ends every subscriber's stream, giving throwing readers `failure`.
    func finishAll(throwing failure: any Error)
}
