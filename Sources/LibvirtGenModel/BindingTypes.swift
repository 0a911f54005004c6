// The binding model's type declarations: open enums, option sets, structs, typed-parameter keys, constants.

/// An open Swift enum over a C enum, with an `unrecognized` fallback.
public struct ValueEnum: Sendable, Codable {
    /// The Swift name, unqualified (`State`).
    public var name: String
    /// The C typedef.
    public var cName: String
    /// Documentation.
    public var doc: Documentation
    /// The distinct cases.
    public var cases: [EnumCase]
    /// Constants that alias a case with the same value.
    public var aliases: [EnumCase]
    /// Whether the cases are special values of a number of seconds, which any other positive
    /// value is (`Domain.AgentResponseTimeout`: `.block`, `.default`, `.seconds(30)`).
    public var countsSeconds: Bool

    /// Creates an enum.
    public init(
        name: String, cName: String, doc: Documentation, cases: [EnumCase], aliases: [EnumCase], countsSeconds: Bool = false
    ) {
        self.name = name
        self.cName = cName
        self.doc = doc
        self.cases = cases
        self.aliases = aliases
        self.countsSeconds = countsSeconds
    }
}

/// One case of a ``ValueEnum`` or member of an ``OptionSetType``.
public struct EnumCase: Sendable, Codable {
    /// The Swift name, escaped when it is a keyword.
    public var name: String
    /// The Swift name as a value prints it (without a keyword's backticks).
    public var label: String
    /// The C constant.
    public var cName: String
    /// The C value, in decimal (an option set's as the unsigned bit pattern).
    public var value: String
    /// For aliases: the case it stands for.
    public var aliasOf: String?
    /// Documentation.
    public var doc: Documentation

    /// Creates a case.
    public init(name: String, cName: String, value: String, aliasOf: String? = nil, doc: Documentation) {
        self.name = name
        self.label = name.filter { $0 != "`" }
        self.cName = cName
        self.value = value
        self.aliasOf = aliasOf
        self.doc = doc
    }
}

/// An `OptionSet` over a C flags enum.
public struct OptionSetType: Sendable, Codable {
    /// The Swift name, unqualified (`XMLOptions`).
    public var name: String
    /// The C typedef.
    public var cName: String
    /// The raw value type (`UInt32`).
    public var rawType: String
    /// Documentation.
    public var doc: Documentation
    /// The members.
    public var members: [EnumCase]

    /// Creates an option set.
    public init(name: String, cName: String, rawType: String, doc: Documentation, members: [EnumCase]) {
        self.name = name
        self.cName = cName
        self.rawType = rawType
        self.doc = doc
        self.members = members
    }
}

/// A Swift value struct converted from a C struct.
public struct StructType: Sendable, Codable {
    /// The Swift name, unqualified (`Info`).
    public var name: String
    /// The C struct typedef.
    public var cName: String
    /// Documentation.
    public var doc: Documentation
    /// The stored properties.
    public var fields: [StructField]

    /// Creates a struct.
    public init(name: String, cName: String, doc: Documentation, fields: [StructField]) {
        self.name = name
        self.cName = cName
        self.doc = doc
        self.fields = fields
    }
}

/// One stored property of a ``StructType``.
public struct StructField: Sendable, Codable {
    /// The Swift property name.
    public var name: String
    /// The Swift type.
    public var type: SwiftType
    /// How it is read from the C struct.
    public var reading: FieldReading
    /// Documentation.
    public var doc: Documentation

    /// Creates a field.
    public init(name: String, type: SwiftType, reading: FieldReading, doc: Documentation) {
        self.name = name
        self.type = type
        self.reading = reading
        self.doc = doc
    }
}

/// How a ``StructField`` is read from its C struct. Field names are the C fields' names as Swift
/// imports them.
public enum FieldReading: Sendable, Codable, Equatable {
    /// A number field, converted as the conversion says (plain, count or enumeration).
    case number(cField: String, conversion: NumberConversion)
    /// A fixed-size `char` array holding a NUL-terminated string.
    case characterArray(cField: String)
    /// A borrowed `char *`, empty where it is NULL.
    case string(cField: String)
    /// A `char **` array and the field that counts it.
    case strings(cField: String, count: String)
    /// An array of C structs converted to the Swift struct, and the field that counts it.
    case structs(cField: String, count: String, swiftStruct: String)
    /// An `unsigned char *` byte buffer and the field that holds its length.
    case bytes(cField: String, count: String)
}

/// A typed-parameter key type: the documented names one libvirt API's typed parameters use.
public struct KeyFamily: Sendable, Codable {
    /// The Swift name, unqualified (`MemoryParameter`).
    public var name: String
    /// Documentation.
    public var doc: Documentation
    /// The named keys.
    public var keys: [KeyConstant]

    /// Creates a key family.
    public init(name: String, doc: Documentation, keys: [KeyConstant]) {
        self.name = name
        self.doc = doc
        self.keys = keys
    }
}

/// One typed-parameter name (a string macro such as `VIR_DOMAIN_MEMORY_SOFT_LIMIT` = `soft_limit`).
public struct KeyConstant: Sendable, Codable {
    /// The Swift name.
    public var name: String
    /// The C macro.
    public var cName: String
    /// The name as libvirt spells it (the macro's string, with printf conversions for formatted
    /// names such as `cputune.vcpupin%u`).
    public var cValue: String
    /// The name in pieces: text, and the parameters that fill the conversions.
    public var nameParts: [KeyNamePart]
    /// Parameters for formatted names (empty for plain ones).
    public var parameters: [SwiftParameter]
    /// The Swift type of the key's value (`UInt32`), where libvirt states it; nil where it does not.
    public var valueType: String?
    /// Documentation.
    public var doc: Documentation

    /// Creates a key.
    public init(
        name: String, cName: String, cValue: String, nameParts: [KeyNamePart], parameters: [SwiftParameter],
        valueType: String?, doc: Documentation
    ) {
        self.name = name
        self.cName = cName
        self.cValue = cValue
        self.nameParts = nameParts
        self.parameters = parameters
        self.valueType = valueType
        self.doc = doc
    }
}

/// One piece of a typed-parameter name.
public enum KeyNamePart: Sendable, Codable, Equatable {
    /// Text as libvirt spells it.
    case text(content: String)
    /// The value of the key's parameter of that name (a printf conversion in the C name, `%u`).
    case parameter(name: String)
}

/// A static pattern on an error type matching one code in `catch` clauses and `switch` cases
/// (`LibvirtError.noDomain`).
public struct ErrorPattern: Sendable, Codable {
    /// The Swift name, the code's case name.
    public var name: String
    /// The C constant of the code.
    public var cName: String
    /// The runtime's pattern type (`CodePattern`), created from a case of the code enum.
    public var patternType: String
    /// The case of the code enum it matches.
    public var code: String
    /// Documentation.
    public var doc: Documentation

    /// Creates a pattern.
    public init(name: String, cName: String, patternType: String, code: String, doc: Documentation) {
        self.name = name
        self.cName = cName
        self.patternType = patternType
        self.code = code
        self.doc = doc
    }
}

/// A numeric constant from a C macro.
public struct ConstantDeclaration: Sendable, Codable {
    /// The Swift name.
    public var name: String
    /// The C macro.
    public var cName: String
    /// The Swift type.
    public var type: String
    /// The value, in decimal.
    public var value: String
    /// Documentation.
    public var doc: Documentation

    /// Creates a constant.
    public init(name: String, cName: String, type: String, value: String, doc: Documentation) {
        self.name = name
        self.cName = cName
        self.type = type
        self.value = value
        self.doc = doc
    }
}
