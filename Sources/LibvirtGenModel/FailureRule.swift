// The failure-detection rules: which one made a bound function throwing or not.

/// The failure-detection rule the lowering (`FunctionLowering`) applied to a bound function: it
/// decides whether the Swift declaration throws and on which C result. `coverage --details` and
/// `coverage --json` report it under the case's name.
public enum FailureRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An `int` status, 0 on success and -1 on failure (shape `status`): a negative result throws.
    case negativeStatus
    /// A count, or a list filled through arguments (shapes `count`, `nameList`, `idList`,
    /// `typedParameters`, `structArray`, `structBuffer`): a negative result throws.
    case negativeCount
    /// 1 for true, 0 for false, -1 on failure (shape `boolean`): a negative result throws.
    case negativeBoolean
    /// A number whose description names its failure value ("-1 on error", "0 on failure"): that
    /// value throws.
    case statedValue(value: FailureValue)
    /// A signed number whose description names no failure value: -1, libvirt's convention, throws.
    case signedDefaultMinusOne
    /// A pointer result (a new or borrowed handle, an opened connection, a string the caller
    /// frees): NULL throws.
    case nullPointer
    /// A connection's borrowed string, which the driver may deliver over RPC: NULL throws.
    case nullConnectionString
    /// An unsigned number whose description names no failure value: it cannot fail.
    case unsignedWithoutFailureValue
    /// An object's own borrowed string (name, key, MAC address): NULL only for an invalid object,
    /// which a Swift handle never is, so it cannot fail.
    case objectString
    /// A result listed in the overrides' `optionalResults`: its failure value (`-1`, `NULL`)
    /// means "none" and becomes `nil`; the call does not throw.
    case failureIsNil(value: FailureValue)

    /// Whether the C result can signal failure, so the Swift declaration throws.
    public var canFail: Bool {
        switch self {
        case .negativeStatus, .negativeCount, .negativeBoolean, .statedValue, .signedDefaultMinusOne, .nullPointer,
             .nullConnectionString:
            true
        case .unsignedWithoutFailureValue, .objectString, .failureIsNil:
            false
        }
    }

    /// The one C result that means failure, where the rule names one.
    public var value: FailureValue? {
        switch self {
        case .statedValue(let value), .failureIsNil(let value): value
        case .signedDefaultMinusOne: .minusOne
        case .negativeStatus, .negativeCount, .negativeBoolean, .nullPointer, .nullConnectionString,
             .unsignedWithoutFailureValue, .objectString:
            nil
        }
    }

    /// The case's name, as the coverage report prints it.
    public var name: String {
        switch self {
        case .negativeStatus: "negativeStatus"
        case .negativeCount: "negativeCount"
        case .negativeBoolean: "negativeBoolean"
        case .statedValue: "statedValue"
        case .signedDefaultMinusOne: "signedDefaultMinusOne"
        case .nullPointer: "nullPointer"
        case .nullConnectionString: "nullConnectionString"
        case .unsignedWithoutFailureValue: "unsignedWithoutFailureValue"
        case .objectString: "objectString"
        case .failureIsNil: "failureIsNil"
        }
    }

    /// The name with the value a case carries: `statedValue(0)`, `negativeStatus`.
    public var description: String {
        switch self {
        case .statedValue(let value), .failureIsNil(let value): "\(name)(\(value))"
        default: name
        }
    }
}

/// The one C result that means failure.
public enum FailureValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// -1 of a signed result.
    case minusOne
    /// 0.
    case zero
    /// -1 of an unsigned result: the largest value of its Swift type (`UInt64`).
    case maximum(of: String)
    /// A NULL pointer.
    case null

    /// The value as the coverage report prints it: `-1`, `0`, `UInt64.max`, `NULL`.
    public var description: String {
        switch self {
        case .minusOne: "-1"
        case .zero: "0"
        case .maximum(let type): "\(type).max"
        case .null: "NULL"
        }
    }
}
