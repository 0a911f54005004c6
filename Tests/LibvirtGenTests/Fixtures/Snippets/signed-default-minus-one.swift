// MARK: Libvirt/Connection.swift (extension Connection)
// virConnectNumOfSecrets: property value, failure rule signedDefaultMinusOne
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"number":{"conversion":{"count":{}}}}}
/// Fetch number of currently defined secrets.
/// - Returns: the number currently defined secrets.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virConnectNumOfSecrets`.
/// Available since libvirt 0.7.1.
public var numberOfSecrets: Int {
    get throws {
        try ensureOpen()
        let result = virConnectNumOfSecrets(pointer)
        if result == -1 { throw LibvirtError.last() }
        return Int(result)
    }
}

/// Fetch number of currently defined secrets.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: the number currently defined secrets.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virConnectNumOfSecrets`.
/// Available since libvirt 0.7.1.
public func numberOfSecrets() async throws -> Int {
    try await BlockingPool.current.run { try self.numberOfSecrets }
}
