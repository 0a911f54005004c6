import CLibvirt
import Dispatch

extension Connection {
    /// Reports why the connection closed (end of file, keepalive timeout, error, or client
    /// request), for remote connections. Ending the iteration unregisters the callback.
    ///
    /// The stream ends after the reason, as do the connection's event streams: no event can come
    /// on a closed connection.
    ///
    /// - Returns: The close reasons libvirt reports (at most one per connection).
    /// - Throws: ``LibvirtError`` when libvirt cannot register the callback.
    ///
    /// C symbols: `virConnectRegisterCloseCallback`, `virConnectUnregisterCloseCallback`.
    public func closeEvents() throws -> AsyncStream<Connection.CloseReason> {
        try ensureOpen()
        let key = EventRegistrationKey(connection: pointer, function: connectionCloseFunction, id: 0, object: nil)
        return AsyncStream(reading: try subscribeToEvents(Connection.CloseReason.self, [
            EventRegistrationRequest(key: key, register: { [self] opaque in
                virConnectRegisterCloseCallback(pointer, connectionClosed, opaque, nil)
            }, deregister: { [self] _ in
                _ = virConnectUnregisterCloseCallback(pointer, connectionClosed)
            }, libvirtReleases: false),
        ], buffering: .unbounded))
    }
}

/// The C function behind close-event registrations, which names them in registration keys.
let connectionCloseFunction = "virConnectRegisterCloseCallback"

extension EventRegistrationKey {
    /// The key of the close callback of the connection at `address`.
    static func closeCallback(of address: UInt) -> EventRegistrationKey {
        EventRegistrationKey(address: address, function: connectionCloseFunction, id: 0, object: nil)
    }
}

/// Registers a close callback for the connection at `address` on behalf of its event streams,
/// so that they end when the connection closes; nil when libvirt refuses (a driver that cannot
/// report closing: its streams then end only when their readers stop).
///
/// The connection stays open meanwhile: the event registrations that watch it hold it.
func registerCloseWatch(of address: UInt) -> EventRegistration? {
    guard let pointer = OpaquePointer(bitPattern: address) else { return nil }
    let hub = EventHub<Connection.CloseReason>()
    let opaque = hub.retainedOpaque()
    guard virConnectRegisterCloseCallback(pointer, connectionClosed, opaque, nil) >= 0 else {
        virResetLastError()
        Unmanaged<EventHub<Connection.CloseReason>>.fromOpaque(opaque).release()
        return nil
    }
    return EventRegistration(hub: hub, callbackID: 0, deregister: { _ in
        _ = virConnectUnregisterCloseCallback(OpaquePointer(bitPattern: address), connectionClosed)
    }, ownedOpaque: opaque)
}

/// Receives `virConnectCloseFunc` calls: forwards the reason to the hub passed as `opaque`, then
/// ends the connection's streams on another thread (ending them deregisters callbacks, which
/// must not happen inside libvirt's close callback: it holds the callback's lock meanwhile).
private let connectionClosed: @convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?) -> Void = {
    connection, reason, opaque in
    guard let opaque else { return }
    let closeReason = Connection.CloseReason(rawValue: reason)
    EventHub<Connection.CloseReason>.from(opaque).yield(closeReason)
    guard let connection else { return }
    let address = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
    DispatchQueue.global().async { endEventStreams(ofConnection: address, reason: closeReason) }
}
