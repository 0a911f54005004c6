// MARK: Libvirt/Connection.swift (extension Connection)
// virConnectGetType: property borrowedString, failure rule nullConnectionString
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"borrowedString":{"reading":"checked"}}}
/// Get the name of the Hypervisor driver used.
/// - Returns: a static zero terminated string otherwise.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virConnectGetType`.
/// Available since libvirt 0.0.3.
public var hypervisorType: String {
    get throws {
        try ensureOpen()
        let result = virConnectGetType(pointer)
        return String(cString: try checkPointer(result))
    }
}

/// Get the name of the Hypervisor driver used.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: a static zero terminated string otherwise.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virConnectGetType`.
/// Available since libvirt 0.0.3.
public func hypervisorType() async throws -> String {
    try await BlockingPool.current.run { try self.hypervisorType }
}
