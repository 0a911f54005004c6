// MARK: Libvirt/Connection.swift (extension Connection)
// virConnectListDefinedDomains: property nameList, failure rule negativeCount
// call plan: {"arguments":[{"receiver":{}},{"shapeSupplied":{"local":"names"}},{"shapeSupplied":{"local":"capacity"}}],"outValues":[],"result":{"shapeDefined":{}}}
/// List the defined but inactive domains.
/// - Returns: the names.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virConnectListDefinedDomains`.
/// Available since libvirt 0.1.1.
public var definedDomainNames: [String] {
    get throws {
        try ensureOpen()
        return try collectNames { names, capacity in
            virConnectListDefinedDomains(pointer, names, capacity)
        }
    }
}

/// List the defined but inactive domains.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: the names.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virConnectListDefinedDomains`.
/// Available since libvirt 0.1.1.
public func definedDomainNames() async throws -> [String] {
    try await BlockingPool.current.run { try self.definedDomainNames }
}
