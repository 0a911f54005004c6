import CLibvirt

extension Connection {
    /// Reports why the connection closed (end of file, keepalive timeout, error, or client
    /// request), for remote connections. Ending the iteration unregisters the callback.
    ///
    /// - Returns: The close reasons libvirt reports (at most one per connection).
    /// - Throws: ``LibvirtError`` when libvirt cannot register the callback.
    ///
    /// C symbols: `virConnectRegisterCloseCallback`, `virConnectUnregisterCloseCallback`.
    public func closeEvents() throws -> AsyncStream<Connection.CloseReason> {
        let key = EventRegistrationKey(connection: pointer, function: "virConnectRegisterCloseCallback", id: 0, object: nil)
        return try subscribeToEvents(Connection.CloseReason.self, key: key, register: { opaque in
            virConnectRegisterCloseCallback(pointer, connectionClosed, opaque, nil)
        }, deregister: { [self] _ in
            _ = virConnectUnregisterCloseCallback(pointer, connectionClosed)
        }, libvirtReleases: false)
    }
}

/// Receives `virConnectCloseFunc` calls and forwards the reason to the hub passed as `opaque`.
private let connectionClosed: @convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?) -> Void = { _, reason, opaque in
    guard let opaque else { return }
    EventHub<Connection.CloseReason>.from(opaque).yield(Connection.CloseReason(rawValue: reason))
}
