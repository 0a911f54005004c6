// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainAnnounceInterface: method status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"parameter":{"name":"alias"}},{"typedParameters":{"name":"parameters"}},{"typedParameterCount":{"cType":"Int32","name":"parameters"}},{"zero":{}}],"outValues":[],"result":{"outValues":{}}}
/// Names of the typed parameters of `Domain.announceInterface(alias:parameters:)`.
///
/// Any other name round-trips through `init(rawValue:)` or a string literal.
public struct AnnounceInterfaceParameter: TypedParameterKey {
    /// The libvirt field name.
    public let rawValue: String

    /// Creates a key from its libvirt field name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Number of announcements, as a uint.
    ///
    /// Typed: `parameters[.rounds]` reads and writes `UInt32` values (`VIR_TYPED_PARAM_UINT`).
    ///
    /// C symbol: `VIR_DOMAIN_ANNOUNCE_INTERFACE_ROUNDS`.
    /// Available since libvirt 12.0.0.
    public static var rounds: Self { "rounds" }

    /// Delay increase in milliseconds, as a ullong.
    ///
    /// Typed: `parameters[.step]` reads and writes `UInt64` values (`VIR_TYPED_PARAM_ULLONG`).
    ///
    /// C symbol: `VIR_DOMAIN_ANNOUNCE_INTERFACE_STEP`.
    /// Available since libvirt 12.0.0.
    public static var step: Self { "step" }
}

/// Announces the guest's network interfaces again (a newer release's function: its key family is inferred from the macros' prefix, with no overrides entry).
/// - Parameter alias: the interface alias, or NULL for every interface
/// - Parameter parameters: announcement parameters
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainAnnounceInterface`.
/// Available since libvirt 12.0.0.
public func announceInterface(alias: String? = nil, parameters: TypedParameters<Domain.AnnounceInterfaceParameter>) throws {
    let parametersArray = CTypedParameterArray(parameters)
    defer { parametersArray.deallocate() }
    try check(withOptionalCString(alias) { alias in virDomainAnnounceInterface(pointer, alias, parametersArray.pointer, Int32(truncatingIfNeeded: parametersArray.count), 0) })
}

/// Announces the guest's network interfaces again (a newer release's function: its key family is inferred from the macros' prefix, with no overrides entry).
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter alias: the interface alias, or NULL for every interface
/// - Parameter parameters: announcement parameters
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainAnnounceInterface`.
/// Available since libvirt 12.0.0.
public func announceInterface(alias: String? = nil, parameters: TypedParameters<Domain.AnnounceInterfaceParameter>) async throws {
    try await BlockingPool.current.run { try self.announceInterface(alias: alias, parameters: parameters) }
}

/// The names of `Domain.AnnounceInterfaceParameter` whose value type libvirt documents, each with that type:
/// `parameters[.rounds]` reads and writes `UInt32` values.
extension TypedKey where Key == Domain.AnnounceInterfaceParameter {
    /// `Domain.AnnounceInterfaceParameter.rounds` (`VIR_DOMAIN_ANNOUNCE_INTERFACE_ROUNDS`) with `UInt32` values.
    public static var rounds: TypedKey<Key, UInt32> { .init(Key.rounds) }

    /// `Domain.AnnounceInterfaceParameter.step` (`VIR_DOMAIN_ANNOUNCE_INTERFACE_STEP`) with `UInt64` values.
    public static var step: TypedKey<Key, UInt64> { .init(Key.step) }
}

// MARK: Libvirt/Types+Libvirt.swift
/// C symbol: `virTypedParameterType`.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum TypedParameterType: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// integer case
    ///
    /// C symbol: `VIR_TYPED_PARAM_INT`.
    case int
    /// unsigned integer case
    ///
    /// C symbol: `VIR_TYPED_PARAM_UINT`.
    case uint
    /// long long case
    ///
    /// C symbol: `VIR_TYPED_PARAM_LLONG`.
    case llong
    /// unsigned long long case
    ///
    /// C symbol: `VIR_TYPED_PARAM_ULLONG`.
    case ullong
    /// double case
    ///
    /// C symbol: `VIR_TYPED_PARAM_DOUBLE`.
    case double
    /// boolean(character) case
    ///
    /// C symbol: `VIR_TYPED_PARAM_BOOLEAN`.
    case boolean
    /// string case
    ///
    /// C symbol: `VIR_TYPED_PARAM_STRING`.
    case string
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 1: self = .int
        case 2: self = .uint
        case 3: self = .llong
        case 4: self = .ullong
        case 5: self = .double
        case 6: self = .boolean
        case 7: self = .string
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .int: return 1
        case .uint: return 2
        case .llong: return 3
        case .ullong: return 4
        case .double: return 5
        case .boolean: return 6
        case .string: return 7
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .int: return "int"
        case .uint: return "uint"
        case .llong: return "llong"
        case .ullong: return "ullong"
        case .double: return "double"
        case .boolean: return "boolean"
        case .string: return "string"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}
