extension Connection {
    /// Opens a connection to a hypervisor on a thread of the blocking pool (``BlockingPool``), so
    /// the calling task waits without blocking its thread: opening a remote connection can take
    /// seconds, and never ends against a host that accepts and does not answer.
    ///
    /// A task cancelled before a pool thread takes the call throws `CancellationError` and opens
    /// nothing; once the open runs, libvirt cannot interrupt it and the task waits for it.
    ///
    /// - Parameter uri: The connection URI, or nil for libvirt's default.
    /// - Parameter readOnly: Whether to open the connection read-only.
    /// - Throws: ``LibvirtError`` when libvirt cannot open the connection, `CancellationError`.
    ///
    /// C symbols: `virConnectOpen`, `virConnectOpenReadOnly`.
    public convenience init(uri: String? = nil, readOnly: Bool = false) async throws {
        let opened = try await BlockingPool.current.run { try Connection(uri: uri, readOnly: readOnly) }
        self.init(retaining: opened.pointer)
    }

    /// Opens a connection that may ask for credentials on a thread of the blocking pool
    /// (``BlockingPool``); `credentials` answers libvirt's requests on that thread.
    ///
    /// A task cancelled before a pool thread takes the call throws `CancellationError` and opens
    /// nothing; once the open runs, libvirt cannot interrupt it and the task waits for it.
    ///
    /// - Parameter uri: The connection URI, or nil for libvirt's default.
    /// - Parameter readOnly: Whether to open the connection read-only.
    /// - Parameter credentialTypes: The kinds of credential `credentials` can answer.
    /// - Parameter credentials: Given libvirt's requests, returns one answer per request, in order
    ///   (nil for none); an error it throws fails the open and is rethrown.
    /// - Throws: ``LibvirtError`` (for example `.authFailed`) when the connection cannot be opened,
    ///   `CancellationError`.
    ///
    /// C symbol: `virConnectOpenAuth`.
    public convenience init(
        uri: String?, readOnly: Bool = false, credentialTypes: [Connection.CredentialType],
        credentials: @escaping @Sendable ([Connection.Credential]) throws -> [String?]
    ) async throws {
        let opened = try await BlockingPool.current.run {
            try Connection(uri: uri, readOnly: readOnly, credentialTypes: credentialTypes, credentials: credentials)
        }
        self.init(retaining: opened.pointer)
    }
}
