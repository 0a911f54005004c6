// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetMaxMemory: property value, failure rule statedValue(0)
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"number":{"conversion":{"plain":{}}}}}
/// Retrieves the maximum amount of physical memory allocated to a domain.
/// - Returns: the memory size in kibibytes.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainGetMaxMemory`.
/// Available since libvirt 0.0.3.
public var maxMemory: UInt {
    get throws {
        let result = virDomainGetMaxMemory(pointer)
        if result == 0 { throw LibvirtError.last() }
        return result
    }
}

/// Retrieves the maximum amount of physical memory allocated to a domain.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: the memory size in kibibytes.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainGetMaxMemory`.
/// Available since libvirt 0.0.3.
public func maxMemory() async throws -> UInt {
    try await BlockingPool.current.run { try self.maxMemory }
}
