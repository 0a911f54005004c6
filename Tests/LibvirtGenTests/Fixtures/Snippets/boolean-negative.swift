// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainIsActive: property boolean, failure rule negativeBoolean
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"shapeDefined":{}}}
/// Determines if the domain is currently running.
/// - Returns: `true` if running, `false` if inactive
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainIsActive`.
/// Available since libvirt 0.7.3.
public var isActive: Bool {
    get throws {
        return try checkBool(virDomainIsActive(pointer))
    }
}

/// Determines if the domain is currently running.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: `true` if running, `false` if inactive
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainIsActive`.
/// Available since libvirt 0.7.3.
public func isActive() async throws -> Bool {
    try await BlockingPool.current.run { try self.isActive }
}
