// MARK: Libvirt/Connection.swift (extension Connection)
// virConnectNumOfDomains: property value, failure rule statedValue(-1)
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"number":{"conversion":{"count":{}}}}}
/// Provides the number of active domains.
/// - Returns: the number of domain found
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virConnectNumOfDomains`.
/// Available since libvirt 0.0.3.
public var numberOfActiveDomains: Int {
    get throws {
        try ensureOpen()
        let result = virConnectNumOfDomains(pointer)
        if result == -1 { throw LibvirtError.last() }
        return Int(result)
    }
}

/// Provides the number of active domains.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: the number of domain found
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virConnectNumOfDomains`.
/// Available since libvirt 0.0.3.
public func numberOfActiveDomains() async throws -> Int {
    try await BlockingPool.current.run { try self.numberOfActiveDomains }
}
