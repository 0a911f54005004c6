// MARK: Libvirt/Connection.swift (extension Connection)
// virDomainCreateLinux: method ownedHandle, failure rule nullPointer
// call plan: {"arguments":[{"receiver":{}},{"parameter":{"name":"xml"}},{"zero":{}}],"outValues":[],"result":{"handle":{"retaining":false,"type":"Domain"}}}
/// Deprecated after 0.4.6. Renamed to virDomainCreateXML() providing identical functionality. This existing name will be left indefinitely for API compatibility.
/// - Parameter xml: string containing an XML description of the domain
/// - Returns: a new domain object
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainCreateLinux`.
/// Available since libvirt 0.0.3.
@available(*, deprecated, message: "Deprecated after 0.4.6. Renamed to virDomainCreateXML() providing identical functionality. This existing name will be left indefinitely for API compatibility.")
public func createLinuxDomain(xml: String) throws -> Domain {
    try ensureOpen()
    let result = try checkPointer(xml.withCString { xml in virDomainCreateLinux(pointer, xml, 0) })
    return Domain(owning: result)
}

/// Deprecated after 0.4.6. Renamed to virDomainCreateXML() providing identical functionality. This existing name will be left indefinitely for API compatibility.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter xml: string containing an XML description of the domain
/// - Returns: a new domain object
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainCreateLinux`.
/// Available since libvirt 0.0.3.
@available(*, deprecated, message: "Deprecated after 0.4.6. Renamed to virDomainCreateXML() providing identical functionality. This existing name will be left indefinitely for API compatibility.")
public func createLinuxDomain(xml: String) async throws -> Domain {
    try await BlockingPool.current.run { try self.createLinuxDomain(xml: xml) }
}
