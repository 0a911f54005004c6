// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainSetVcpus: method status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"clampedCount":{"cType":"UInt32","name":"vcpuCount"}}],"outValues":[],"result":{"outValues":{}}}
/// Dynamically change the number of virtual CPUs used by the domain.
/// - Parameter vcpuCount: the new number of virtual CPUs for this domain
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainSetVcpus`.
/// Available since libvirt 0.1.4.
public func setVCPUs(vcpuCount: Int) throws {
    try check(virDomainSetVcpus(pointer, UInt32(clamping: vcpuCount)))
}

/// Dynamically change the number of virtual CPUs used by the domain.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter vcpuCount: the new number of virtual CPUs for this domain
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainSetVcpus`.
/// Available since libvirt 0.1.4.
public func setVCPUs(vcpuCount: Int) async throws {
    try await BlockingPool.current.run { try self.setVCPUs(vcpuCount: vcpuCount) }
}
