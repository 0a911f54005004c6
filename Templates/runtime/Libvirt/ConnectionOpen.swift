import CLibvirt

extension Connection {
    /// Opens a connection to a hypervisor.
    ///
    /// `uri` selects the driver and host (`test:///default`, `qemu:///system`, ...); nil lets libvirt
    /// choose its default. A read-only connection allows only operations that do not change anything.
    /// The first connection also sets up the process-wide event loop the bindings run.
    ///
    /// - Parameter uri: The connection URI, or nil for libvirt's default.
    /// - Parameter readOnly: Whether to open the connection read-only.
    /// - Throws: ``LibvirtError`` when libvirt cannot open the connection.
    ///
    /// C symbols: `virConnectOpen`, `virConnectOpenReadOnly`.
    public convenience init(uri: String? = nil, readOnly: Bool = false) throws {
        LibvirtRuntime.prepare()
        let pointer = readOnly ? virConnectOpenReadOnly(uri) : virConnectOpen(uri)
        self.init(opened: try checkPointer(pointer))
    }
}

extension Connection {
    /// Takes ownership of a connection libvirt has just opened, which a connection closed with
    /// `close()` and since freed may have left its address to.
    convenience init(opened pointer: OpaquePointer) {
        ClosedConnections.opened(pointer)
        self.init(owning: pointer)
    }
}
