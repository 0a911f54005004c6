// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainSuspend: method status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"outValues":{}}}
/// Suspends an active domain.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainSuspend`.
/// Available since libvirt 0.0.3.
public func suspend() throws {
    try check(virDomainSuspend(pointer))
}

/// Suspends an active domain.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainSuspend`.
/// Available since libvirt 0.0.3.
public func suspend() async throws {
    try await BlockingPool.current.run { try self.suspend() }
}
