// MARK: Libvirt/Domain.swift (extension Domain)
/// C symbol: `virDomainSnippetState`.
/// Available since libvirt 12.0.0.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum SnippetState: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// up
    ///
    /// C symbol: `VIR_DOMAIN_SNIPPET_STATE_UP`.
    /// Available since libvirt 12.0.0.
    case up
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 1: self = .up
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .up: return 1
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .up: return "up"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}

/// The values of this C structure, copied into Swift.
///
/// C symbol: `virDomainSnippetAddress`.
/// Available since libvirt 12.0.0.
public struct SnippetAddress: Hashable, Sendable {
    /// the address
    public var address: String
    /// the prefix length
    public var prefix: UInt32

    /// Copies the values out of the C struct.
    package init(_ c: virDomainSnippetAddress) {
        self.address = c.addr.map { String(cString: $0) } ?? ""
        self.prefix = c.prefix
    }
}

/// The values of this C structure, copied into Swift.
///
/// C symbol: `virDomainSnippetCard`.
/// Available since libvirt 12.0.0.
public struct SnippetCard: Hashable, Sendable {
    /// a fixed-size name
    public var id: String
    /// the card name
    public var name: String
    /// the addresses
    public var addresses: [Domain.SnippetAddress]
    /// the keys
    public var keys: [String]
    /// the secret bytes
    public var secret: [UInt8]
    /// the number of ports
    public var portsCount: Int
    /// the state, one of `Domain.SnippetState`
    public var state: Domain.SnippetState

    /// Copies the values out of the C struct.
    package init(_ c: virDomainSnippetCard) {
        self.id = String(cCharTuple: c.id)
        self.name = c.name.map { String(cString: $0) } ?? ""
        self.addresses = c.addrs.map { p in (0..<Int(c.naddrs)).map { Domain.SnippetAddress(p[$0]) } } ?? []
        self.keys = c.keys.map { p in (0..<Int(c.nkeys)).map { p[$0].map { String(cString: $0) } ?? "" } } ?? []
        self.secret = c.secret.map { Array(UnsafeBufferPointer(start: $0, count: Int(c.secretlen))) } ?? []
        self.portsCount = Int(c.nrPorts)
        self.state = Domain.SnippetState(rawValue: Int32(truncatingIfNeeded: c.state))
    }
}
