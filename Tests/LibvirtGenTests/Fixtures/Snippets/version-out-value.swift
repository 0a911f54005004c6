// MARK: Libvirt/Connection.swift (extension Connection)
// virConnectGetLibVersion: property status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"out":{"argument":{"number":{"conversion":{"version":{}},"name":"libraryVersion","swiftType":"UInt"}}}}],"outValues":[{"argument":1,"name":"libraryVersion","type":{"named":"LibvirtVersion"}}],"result":{"outValues":{}}}
/// Provides `libraryVersion`, which is the version of libvirt used by the daemon running on the `connection` host
/// - Returns: the libvirt library version used on the connection
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virConnectGetLibVersion`.
/// Available since libvirt 0.7.3.
public var libraryVersion: LibvirtVersion {
    get throws {
        try ensureOpen()
        var libraryVersionValue: UInt = 0
        try check(virConnectGetLibVersion(pointer, &libraryVersionValue))
        return LibvirtVersion(encoded: UInt64(libraryVersionValue))
    }
}

/// Provides `libraryVersion`, which is the version of libvirt used by the daemon running on the `connection` host
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: the libvirt library version used on the connection
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virConnectGetLibVersion`.
/// Available since libvirt 0.7.3.
public func libraryVersion() async throws -> LibvirtVersion {
    try await BlockingPool.current.run { try self.libraryVersion }
}
