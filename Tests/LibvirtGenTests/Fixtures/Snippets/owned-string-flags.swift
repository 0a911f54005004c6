// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetXMLDesc: method ownedString, failure rule nullPointer
// call plan: {"arguments":[{"receiver":{}},{"rawValue":{"cType":"UInt32","name":"options"}}],"outValues":[],"result":{"ownedString":{"label":"xmlDescription"}}}
/// C symbol: `virDomainXMLFlags`.
public struct XMLOptions: OptionSet, Hashable, Sendable {
    /// The C bit mask.
    public let rawValue: UInt32

    /// Creates a set from a C bit mask.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// dump security sensitive information too
    ///
    /// C symbol: `VIR_DOMAIN_XML_SECURE`.
    public static var secure: Self { Self(rawValue: 1) }

    /// dump inactive domain information
    ///
    /// C symbol: `VIR_DOMAIN_XML_INACTIVE`.
    public static var inactive: Self { Self(rawValue: 2) }
}

/// Provides an XML description of the domain.
/// - Parameter options: any combination of `Domain.XMLOptions`
/// - Returns: a 0 terminated UTF-8 encoded XML instance.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainGetXMLDesc`.
/// Available since libvirt 0.0.3.
public func xmlDescription(options: Domain.XMLOptions = []) throws -> String {
    let result = try takeString(checkPointer(virDomainGetXMLDesc(pointer, UInt32(truncatingIfNeeded: options.rawValue))))
    return result
}

/// Provides an XML description of the domain.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter options: any combination of `Domain.XMLOptions`
/// - Returns: a 0 terminated UTF-8 encoded XML instance.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainGetXMLDesc`.
/// Available since libvirt 0.0.3.
public func xmlDescription(options: Domain.XMLOptions = []) async throws -> String {
    try await BlockingPool.current.run { try self.xmlDescription(options: options) }
}
