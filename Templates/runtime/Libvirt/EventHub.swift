/// Fans one libvirt callback registration out to every Swift stream subscribed to the same events.
///
/// libvirt refuses a second registration of the same callback for the same event and object on
/// one connection, and the generated trampolines are one function per event kind, so streams
/// that ask for the same events share a registration: the first subscriber registers, the last
/// one to end deregisters.
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

    /// Removes a subscriber; returns whether none is left.
    func remove(_ queue: EventQueue<Event>) -> Bool {
        subscribers.withLock { queues in
            queues.removeAll { $0 === queue }
            return queues.isEmpty
        }
    }

    /// Delivers an event to every subscriber.
    package func yield(_ event: Event) {
        for queue in subscribers.withLock({ $0 }) { queue.yield(event) }
    }

    /// Whether no subscriber is left.
    var isEmpty: Bool { subscribers.withLock { $0.isEmpty } }

    /// Ends every subscriber's stream (outside the lock: ending runs the streams' end handlers,
    /// which remove them from this hub).
    func finishAll() {
        for queue in subscribers.withLock({ $0 }) { queue.finish() }
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
    /// Ends every subscriber's stream.
    func finishAll()
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
        self.init(
            address: UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))), function: function, id: id,
            object: object)
    }

    /// Creates a key from the connection's address.
    init(address: UInt, function: String, id: Int32, object: AnyHashable?) {
        connection = address
        self.function = function
        self.id = id
        self.object = object
    }

    /// Whether the events come through a libvirt connection's (`virConnectPtr`) registration other
    /// than its close callback: such streams end when the connection closes, which the bindings
    /// learn from the close callback (see ``watchClose(of:in:)``).
    var endsWithConnection: Bool {
        function.hasPrefix("virConnect") && function != connectionCloseFunction
    }
}

/// One live libvirt registration.
struct EventRegistration: @unchecked Sendable {
    /// The hub its callbacks deliver to.
    let hub: any EndableHub
    /// libvirt's callback ID.
    let callbackID: Int32
    /// Deregisters the callback.
    let deregister: @Sendable (Int32) -> Void
    /// The retained hub reference, when the bindings (not libvirt's free callback) release it.
    let ownedOpaque: UnsafeMutableRawPointer?
    /// For a close callback: how many other registrations of the connection keep it, so that
    /// their streams end when the connection closes.
    var watchers = 0
    /// Whether this registration counts as a watcher of its connection's close callback.
    var watchesClose = false
}

/// The live registrations of the process.
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
    let queue = EventQueue<Event>()
    try eventRegistrations.withLock { registrations throws in
        if let existing = registrations[key]?.hub as? EventHub<Event> {
            existing.add(queue)
            return
        }
        let hub = EventHub<Event>()
        hub.add(queue)
        let opaque = hub.retainedOpaque()
        let callbackID = register(opaque)
        if callbackID < 0 {
            let error = LibvirtError.last()
            // libvirt did not take the hub, so its free callback will not run: release it here.
            Unmanaged<EventHub<Event>>.fromOpaque(opaque).release()
            throw error
        }
        var registration = EventRegistration(
            hub: hub, callbackID: callbackID, deregister: deregister, ownedOpaque: libvirtReleases ? nil : opaque)
        registration.watchesClose = key.endsWithConnection && watchClose(of: key.connection, in: &registrations)
        registrations[key] = registration
    }
    queue.onEnd {
        eventRegistrations.withLock { registrations in
            guard let registration = registrations[key], let hub = registration.hub as? EventHub<Event>,
                  hub.remove(queue), registration.watchers == 0
            else { return }
            end(key, in: &registrations)
            if registration.watchesClose { unwatchClose(of: key.connection, in: &registrations) }
        }
    }
    return AsyncStream(reading: queue)
}

/// Deregisters the registration under `key` and forgets it.
private func end(_ key: EventRegistrationKey, in registrations: inout [EventRegistrationKey: EventRegistration]) {
    guard let registration = registrations.removeValue(forKey: key) else { return }
    registration.deregister(registration.callbackID)
    if let opaque = registration.ownedOpaque { Unmanaged<AnyObject>.fromOpaque(opaque).release() }
}

/// Makes sure the connection at `address` has a close callback while it has event streams: the
/// first event registration of a connection registers one (unless the user's close-event stream
/// already did), later ones count themselves as its watchers.
///
/// - Returns: Whether the caller now watches the close callback (false when libvirt refused it).
private func watchClose(
    of address: UInt, in registrations: inout [EventRegistrationKey: EventRegistration]
) -> Bool {
    let key = EventRegistrationKey.closeCallback(of: address)
    if registrations[key] != nil {
        registrations[key]?.watchers += 1
        return true
    }
    guard var registration = registerCloseWatch(of: address) else { return false }
    registration.watchers = 1
    registrations[key] = registration
    return true
}

/// Undoes one ``watchClose(of:in:)`` that returned true: the close callback ends with its last
/// watcher, unless close-event streams still use it.
private func unwatchClose(of address: UInt, in registrations: inout [EventRegistrationKey: EventRegistration]) {
    let key = EventRegistrationKey.closeCallback(of: address)
    guard var registration = registrations[key] else { return }
    registration.watchers -= 1
    registrations[key] = registration
    if registration.watchers == 0 && registration.hub.isEmpty { end(key, in: &registrations) }
}

/// Ends every event stream of the connection at `address` (its close-event streams included):
/// called when libvirt reports the connection closed, after which no event can come.
package func endEventStreams(ofConnection address: UInt) {
    let hubs = eventRegistrations.withLock { registrations in
        registrations.filter { $0.key.connection == address }.map(\.value.hub)
    }
    for hub in hubs { hub.finishAll() }
}
