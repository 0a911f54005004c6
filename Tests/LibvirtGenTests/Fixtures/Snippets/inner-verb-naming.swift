// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainBlockJobAbort: method status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"parameter":{"name":"disk"}},{"zero":{}}],"outValues":[],"result":{"outValues":{}}}
/// Cancel the active block job on the given disk.
/// - Parameter disk: path to the block device, or device shorthand
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainBlockJobAbort`.
/// Available since libvirt 0.9.4.
public func abortBlockJob(disk: String) throws {
    try check(disk.withCString { disk in virDomainBlockJobAbort(pointer, disk, 0) })
}

/// Cancel the active block job on the given disk.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter disk: path to the block device, or device shorthand
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainBlockJobAbort`.
/// Available since libvirt 0.9.4.
public func abortBlockJob(disk: String) async throws {
    try await BlockingPool.current.run { try self.abortBlockJob(disk: disk) }
}
