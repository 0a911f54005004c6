/// A Swift type a typed parameter's value can have: `Int32` (`VIR_TYPED_PARAM_INT`), `UInt32`
/// (`UINT`), `Int64` (`LLONG`), `UInt64` (`ULLONG`), `Double`, `Bool` (`BOOLEAN`) or `String`.
public protocol TypedParameterValueConvertible: Sendable, Hashable {
    /// The value `value` holds, when it is of this type; nil for any other type (no conversion).
    init?(typedParameterValue value: TypedParameterValue)
    /// The value as libvirt is passed it.
    var typedParameterValue: TypedParameterValue { get }
}

extension Int32: TypedParameterValueConvertible {
    /// The value of an `.int`.
    public init?(typedParameterValue value: TypedParameterValue) {
        guard case .int(let v) = value else { return nil }
        self = v
    }

    /// `.int(self)`.
    public var typedParameterValue: TypedParameterValue { .int(self) }
}

extension UInt32: TypedParameterValueConvertible {
    /// The value of a `.uint`.
    public init?(typedParameterValue value: TypedParameterValue) {
        guard case .uint(let v) = value else { return nil }
        self = v
    }

    /// `.uint(self)`.
    public var typedParameterValue: TypedParameterValue { .uint(self) }
}

extension Int64: TypedParameterValueConvertible {
    /// The value of an `.llong`.
    public init?(typedParameterValue value: TypedParameterValue) {
        guard case .llong(let v) = value else { return nil }
        self = v
    }

    /// `.llong(self)`.
    public var typedParameterValue: TypedParameterValue { .llong(self) }
}

extension UInt64: TypedParameterValueConvertible {
    /// The value of a `.ullong`.
    public init?(typedParameterValue value: TypedParameterValue) {
        guard case .ullong(let v) = value else { return nil }
        self = v
    }

    /// `.ullong(self)`.
    public var typedParameterValue: TypedParameterValue { .ullong(self) }
}

extension Double: TypedParameterValueConvertible {
    /// The value of a `.double`.
    public init?(typedParameterValue value: TypedParameterValue) {
        guard case .double(let v) = value else { return nil }
        self = v
    }

    /// `.double(self)`.
    public var typedParameterValue: TypedParameterValue { .double(self) }
}

extension Bool: TypedParameterValueConvertible {
    /// The value of a `.boolean`.
    public init?(typedParameterValue value: TypedParameterValue) {
        guard case .boolean(let v) = value else { return nil }
        self = v
    }

    /// `.boolean(self)`.
    public var typedParameterValue: TypedParameterValue { .boolean(self) }
}

extension String: TypedParameterValueConvertible {
    /// The value of a `.string`.
    public init?(typedParameterValue value: TypedParameterValue) {
        guard case .string(let v) = value else { return nil }
        self = v
    }

    /// `.string(self)`.
    public var typedParameterValue: TypedParameterValue { .string(self) }
}

/// A typed-parameter name together with the type of its value.
///
/// The bindings declare one for every name whose value type libvirt documents, as a static member
/// of the same name (`TypedKey<Domain.SchedulerParameter, UInt32>.weight`), so that
/// `let weight: UInt32? = parameters[.weight]` and `parameters[.weight] = 50` type-check while a
/// `String` or `UInt64` does not compile. Make one with ``init(_:)`` for a name the bindings leave
/// untyped.
public struct TypedKey<Key: TypedParameterKey, Value: TypedParameterValueConvertible>: Sendable, Hashable {
    /// The name.
    public let key: Key

    /// Types a name's value as `Value`.
    public init(_ key: Key) {
        self.key = key
    }
}

extension TypedParameters {
    /// The first value with this name as a `Value`: nil when there is none or it has another type.
    /// Setting stores the value as its libvirt type (`UInt32` as `.uint`), replacing the first value
    /// with this name (or appending); setting nil removes every value with it.
    public subscript<Value>(key: TypedKey<Key, Value>) -> Value? {
        get { self[key.key].flatMap(Value.init(typedParameterValue:)) }
        set { self[key.key] = newValue?.typedParameterValue }
    }
}
