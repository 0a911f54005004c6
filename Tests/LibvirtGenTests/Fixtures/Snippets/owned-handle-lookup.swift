// MARK: Libvirt/Connection.swift (extension Connection)
// virDomainLookupByName: method ownedHandle, failure rule nullPointer
// call plan: {"arguments":[{"receiver":{}},{"parameter":{"name":"name"}}],"outValues":[],"result":{"handle":{"retaining":false,"type":"Domain"}}}
/// Try to lookup a domain on the given hypervisor based on its name.
/// - Parameter name: name for the domain
/// - Returns: a new domain object.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainLookupByName`.
/// Available since libvirt 0.0.3.
public func domain(named name: String) throws -> Domain {
    try ensureOpen()
    let result = try checkPointer(name.withCString { name in virDomainLookupByName(pointer, name) })
    return Domain(owning: result)
}

/// Try to lookup a domain on the given hypervisor based on its name.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter name: name for the domain
/// - Returns: a new domain object.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainLookupByName`.
/// Available since libvirt 0.0.3.
public func domain(named name: String) async throws -> Domain {
    try await BlockingPool.current.run { try self.domain(named: name) }
}
