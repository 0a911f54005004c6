import CLibvirtAdmin
import Libvirt

extension AdminConnection {
    /// Reports why the connection to the daemon closed. Ending the iteration unregisters the callback.
    ///
    /// - Returns: The close reasons libvirt reports (at most one per connection).
    /// - Throws: `LibvirtError` when libvirt cannot register the callback.
    ///
    /// C symbols: `virAdmConnectRegisterCloseCallback`, `virAdmConnectUnregisterCloseCallback`.
    public func closeEvents() throws -> AsyncStream<Connection.CloseReason> {
        let key = EventRegistrationKey(
            connection: pointer, function: "virAdmConnectRegisterCloseCallback", id: 0, object: nil)
        return AsyncStream(reading: try subscribeToEvents(Connection.CloseReason.self, [
            EventRegistrationRequest(key: key, register: { [self] opaque in
                virAdmConnectRegisterCloseCallback(pointer, adminConnectionClosed, opaque, nil)
            }, deregister: { [self] _ in
                _ = virAdmConnectUnregisterCloseCallback(pointer, adminConnectionClosed)
            }, libvirtReleases: false),
        ], buffering: .unbounded))
    }
}

/// Receives `virAdmConnectCloseFunc` calls and forwards the reason to the hub passed as `opaque`.
private let adminConnectionClosed: @convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?) -> Void = {
    _, reason, opaque in
    guard let opaque else { return }
    EventHub<Connection.CloseReason>.from(opaque).yield(Connection.CloseReason(rawValue: reason))
}
