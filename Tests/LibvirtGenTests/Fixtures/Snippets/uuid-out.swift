// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetUUID: property status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"out":{"argument":{"uuid":{"name":"uuid"}}}}],"outValues":[{"argument":1,"name":"uuid","type":{"named":"UUID"}}],"result":{"outValues":{}}}
/// Get the UUID for a domain
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainGetUUID`.
/// Available since libvirt 0.0.5.
public var uuid: UUID {
    get throws {
        var uuid = [UInt8](repeating: 0, count: Int(VIR_UUID_BUFLEN))
        try check(virDomainGetUUID(pointer, &uuid))
        return UUID(libvirtBytes: uuid)
    }
}

/// Get the UUID for a domain
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainGetUUID`.
/// Available since libvirt 0.0.5.
public func uuid() async throws -> UUID {
    try await BlockingPool.current.run { try self.uuid }
}
