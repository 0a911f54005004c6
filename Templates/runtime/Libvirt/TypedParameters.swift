/// A typed parameter's value, as libvirt's `virTypedParameter` union holds it.
public enum TypedParameterValue: Sendable, Hashable, CustomStringConvertible {
    /// `VIR_TYPED_PARAM_INT`.
    case int(Int32)
    /// `VIR_TYPED_PARAM_UINT`.
    case uint(UInt32)
    /// `VIR_TYPED_PARAM_LLONG`.
    case llong(Int64)
    /// `VIR_TYPED_PARAM_ULLONG`.
    case ullong(UInt64)
    /// `VIR_TYPED_PARAM_DOUBLE`.
    case double(Double)
    /// `VIR_TYPED_PARAM_BOOLEAN`.
    case boolean(Bool)
    /// `VIR_TYPED_PARAM_STRING`.
    case string(String)

    /// The value as written by libvirt's tools.
    public var description: String {
        switch self {
        case .int(let v): "\(v)"
        case .uint(let v): "\(v)"
        case .llong(let v): "\(v)"
        case .ullong(let v): "\(v)"
        case .double(let v): "\(v)"
        case .boolean(let v): "\(v)"
        case .string(let v): v
        }
    }

    /// The value as an unsigned 64-bit number, when it is any integer type that fits.
    public var unsignedValue: UInt64? {
        switch self {
        case .int(let v): UInt64(exactly: v)
        case .uint(let v): UInt64(v)
        case .llong(let v): UInt64(exactly: v)
        case .ullong(let v): v
        case .boolean(let v): v ? 1 : 0
        case .double, .string: nil
        }
    }

    /// The value as a signed 64-bit number, when it is any integer type that fits.
    public var signedValue: Int64? {
        switch self {
        case .int(let v): Int64(v)
        case .uint(let v): Int64(v)
        case .llong(let v): v
        case .ullong(let v): Int64(exactly: v)
        case .boolean(let v): v ? 1 : 0
        case .double, .string: nil
        }
    }

    /// The string, for `.string` values.
    public var stringValue: String? {
        if case .string(let v) = self { return v }
        return nil
    }
}

/// The name of a typed parameter. Each libvirt API that takes typed parameters has its own key
/// type with documented constants (`Domain.MemoryParameter.softLimit`); any other name still
/// round-trips through `init(rawValue:)` or a string literal.
public protocol TypedParameterKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral
where RawValue == String {
    /// Creates a key from its libvirt field name.
    init(rawValue: String)
}

extension TypedParameterKey {
    /// Creates a key from a string literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }
}

/// A key for typed parameters of an API the bindings have no key constants for.
public struct AnyTypedParameterKey: TypedParameterKey {
    /// The libvirt field name.
    public let rawValue: String

    /// Creates a key from its libvirt field name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// An ordered list of typed parameters, as libvirt passes them: names with typed values. Names
/// may repeat (some APIs accept a list of values under one name); the subscript reads the first.
public struct TypedParameters<Key: TypedParameterKey>: Sendable, Hashable, RandomAccessCollection,
    ExpressibleByDictionaryLiteral, CustomStringConvertible
{
    /// One parameter.
    public struct Entry: Sendable, Hashable {
        /// Its name.
        public var key: Key
        /// Its value.
        public var value: TypedParameterValue

        /// Creates an entry.
        public init(key: Key, value: TypedParameterValue) {
            self.key = key
            self.value = value
        }
    }

    /// The parameters in order.
    public var entries: [Entry]

    /// Creates a list from entries.
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Creates a list from a dictionary literal, in the literal's order.
    public init(dictionaryLiteral elements: (Key, TypedParameterValue)...) {
        entries = elements.map { Entry(key: $0.0, value: $0.1) }
    }

    /// The first value with this name; setting replaces it (or appends), setting nil removes every value with it.
    public subscript(key: Key) -> TypedParameterValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let newValue {
                if let index = entries.firstIndex(where: { $0.key == key }) {
                    entries[index].value = newValue
                } else {
                    entries.append(Entry(key: key, value: newValue))
                }
            } else {
                entries.removeAll { $0.key == key }
            }
        }
    }

    /// The parameters as `[name: value, ...]`.
    public var description: String {
        "[" + entries.map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", ") + "]"
    }

    /// The first index.
    public var startIndex: Int { entries.startIndex }
    /// The index past the last.
    public var endIndex: Int { entries.endIndex }
    /// The entry at an index.
    public subscript(position: Int) -> Entry { entries[position] }
}
