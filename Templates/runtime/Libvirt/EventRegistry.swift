import Dispatch

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
    /// Whether this registration counts as a watcher of its connection's close callback.
    var watchesClose = false
    /// For a close callback: how many other registrations of the connection keep it, so that
    /// their streams end when the connection closes.
    var watchers = 0

    /// Whether no stream and no other registration uses it any more.
    var isUnused: Bool { watchers == 0 && hub.isEmpty }
}

/// A registration as the registry holds it.
private enum RegistryEntry {
    /// Registered, delivering to its hub.
    case live(EventRegistration)
    /// Being registered or deregistered by one thread; the group is left when that is done.
    case changing(DispatchGroup)
}

/// The libvirt registrations of the process.
///
/// Its lock guards the bookkeeping only: registering and deregistering, which are RPCs on a remote
/// connection, happen outside it while the key is marked `changing`, so a slow or hung connection
/// delays no other connection's subscriptions, and a second subscriber to the same registration
/// waits for the first one's outcome instead of registering twice (which libvirt refuses).
private let eventRegistry = Locked<[EventRegistrationKey: RegistryEntry]>([:])

/// Subscribes a new queue to libvirt events: joins the registrations other streams already share,
/// and registers the others. Asking for one registration twice counts once.
///
/// - Parameter requests: The registrations the stream's events come from.
/// - Parameter buffering: Which events the queue keeps while its reader falls behind.
/// - Returns: The queue the events arrive in; ending it unsubscribes (and deregisters each
///   registration after its last subscriber).
/// - Throws: ``LibvirtError`` when libvirt refuses a registration (the others are undone).
package func subscribeToEvents<Event: Sendable>(
    _ type: Event.Type, _ requests: [EventRegistrationRequest], buffering: EventBuffering
) throws -> EventQueue<Event> {
    let queue = EventQueue<Event>(buffering: buffering)
    /// Removes the queue from the registration under `key`.
    @Sendable func leave(_ key: EventRegistrationKey) {
        releaseRegistration(key) { ($0.hub as? EventHub<Event>)?.remove(queue) }
    }
    var joined: [EventRegistrationKey] = []
    do {
        for request in requests where !joined.contains(request.key) {
            _ = try acquireRegistration(request.key, join: { ($0.hub as? EventHub<Event>)?.add(queue) }) {
                try register(request, delivering: queue)
            }
            joined.append(request.key)
        }
    } catch {
        for key in joined { leave(key) }
        throw error
    }
    let keys = joined
    queue.onEnd { for key in keys { leave(key) } }
    return queue
}

/// Registers `request`'s callback with a new hub holding `queue`, and watches the connection's
/// close callback if the events end with the connection.
private func register<Event: Sendable>(
    _ request: EventRegistrationRequest, delivering queue: EventQueue<Event>
) throws -> EventRegistration {
    let hub = EventHub<Event>()
    hub.add(queue)
    let opaque = hub.retainedOpaque()
    let callbackID = request.register(opaque)
    if callbackID < 0 {
        let error = LibvirtError.last()
        // libvirt did not take the hub, so its free callback will not run: release it here.
        Unmanaged<EventHub<Event>>.fromOpaque(opaque).release()
        throw error
    }
    return EventRegistration(
        hub: hub, callbackID: callbackID, deregister: request.deregister,
        ownedOpaque: request.libvirtReleases ? nil : opaque,
        watchesClose: request.key.endsWithConnection && acquireCloseWatch(of: request.key.connection))
}

/// Uses the live registration under `key` (`join` changes it under the lock) or, when there is
/// none, makes it with `create`, outside the lock, the key marked `changing` meanwhile; waits
/// while another thread registers or deregisters the same key.
///
/// - Returns: Whether the registration exists now (false when `create` returned nil).
private func acquireRegistration(
    _ key: EventRegistrationKey, join: (inout EventRegistration) -> Void,
    create: () throws -> EventRegistration?
) rethrows -> Bool {
    /// What the caller does after looking.
    enum Step {
        /// It joined the live registration.
        case joined
        /// It waits for another thread's change, then looks again.
        case wait(DispatchGroup)
        /// It makes the registration, then leaves the group.
        case create(DispatchGroup)
    }
    while true {
        let step = eventRegistry.withLock { entries -> Step in
            switch entries[key] {
            case .live(var registration)?:
                join(&registration)
                entries[key] = .live(registration)
                return .joined
            case .changing(let group)?:
                return .wait(group)
            case nil:
                let group = DispatchGroup()
                group.enter()
                entries[key] = .changing(group)
                return .create(group)
            }
        }
        switch step {
        case .joined:
            return true
        case .wait(let group):
            group.wait()
        case .create(let group):
            defer { group.leave() }
            do {
                let created = try create()
                eventRegistry.withLock { $0[key] = created.map(RegistryEntry.live) }
                return created != nil
            } catch {
                eventRegistry.withLock { $0[key] = nil }
                throw error
            }
        }
    }
}

/// Changes the live registration under `key` with `leave`, under the lock; when nothing uses it
/// any more, deregisters it outside the lock, the key marked `changing` meanwhile, and releases
/// the close callback it watched.
private func releaseRegistration(_ key: EventRegistrationKey, leave: (inout EventRegistration) -> Void) {
    let ending = eventRegistry.withLock { entries -> (EventRegistration, DispatchGroup)? in
        guard case .live(var registration)? = entries[key] else { return nil }
        leave(&registration)
        guard registration.isUnused else {
            entries[key] = .live(registration)
            return nil
        }
        let group = DispatchGroup()
        group.enter()
        entries[key] = .changing(group)
        return (registration, group)
    }
    guard let (registration, group) = ending else { return }
    registration.deregister(registration.callbackID)
    if let opaque = registration.ownedOpaque { Unmanaged<AnyObject>.fromOpaque(opaque).release() }
    eventRegistry.withLock { $0[key] = nil }
    group.leave()
    if registration.watchesClose { releaseCloseWatch(of: key.connection) }
}

/// Makes sure the connection at `address` has a close callback while it has event streams: the
/// first event registration of a connection registers one (unless the user's close-event stream
/// already did), later ones count themselves as its watchers.
///
/// - Returns: Whether the caller now watches the close callback (false when libvirt refused it).
func acquireCloseWatch(of address: UInt) -> Bool {
    acquireRegistration(.closeCallback(of: address), join: { $0.watchers += 1 }) {
        var registration = registerCloseWatch(of: address)
        registration?.watchers = 1
        return registration
    }
}

/// Undoes one ``acquireCloseWatch(of:)`` that returned true: the close callback ends with its last
/// watcher, unless close-event streams still use it.
func releaseCloseWatch(of address: UInt) {
    releaseRegistration(.closeCallback(of: address)) { $0.watchers -= 1 }
}

/// Ends every event stream of the connection at `address` (its close-event streams included):
/// called when libvirt reports the connection closed, after which no event can come. Throwing
/// streams end with a ``ConnectionClosedError`` carrying `reason`.
package func endEventStreams(ofConnection address: UInt, reason: Connection.CloseReason) {
    let hubs = eventRegistry.withLock { entries in
        entries.compactMap { key, entry -> (any EndableHub)? in
            guard key.connection == address, case .live(let registration) = entry else { return nil }
            return registration.hub
        }
    }
    let error = ConnectionClosedError(reason: reason)
    for hub in hubs { hub.finishAll(throwing: error) }
}
