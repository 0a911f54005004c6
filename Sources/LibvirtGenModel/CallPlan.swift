// How a bound function passes its C arguments and builds its Swift result: decisions of the
// lowering, named by meaning. Only the Swift renderer spells them as code (`CallSpelling`).

/// How one C argument of a bound call is passed.
public enum ArgumentPassing: Sendable, Codable, Equatable {
    /// The receiver's handle (`pointer` inside the handle class).
    case receiver
    /// Zero: flags libvirt ignores.
    case zero
    /// A Swift parameter passed as it is (a number, a borrowed C string, raw `flags`).
    case parameter(name: String)
    /// A handle parameter: its C pointer.
    case handle(name: String)
    /// A `Bool` parameter, passed as 1 or 0.
    case boolean(name: String)
    /// An enum or option-set parameter, passed as its raw value converted to the C scalar type.
    case rawValue(name: String, cType: String)
    /// An `Int` count parameter, clamped to the C scalar type (libvirt rejects what is out of range).
    case clampedCount(name: String, cType: String)
    /// A `UUID` parameter, passed as libvirt's 16 bytes.
    case uuid(name: String)
    /// A `[String]` parameter, passed as a C string array (NULL when empty).
    case stringArray(name: String)
    /// A number-array parameter, passed as a pointer to a mutable copy.
    case numberArray(name: String)
    /// A typed-parameter list parameter, passed as a C array of `virTypedParameter`.
    case typedParameters(name: String)
    /// The length of the typed-parameter list parameter of that name, as the C scalar type.
    case typedParameterCount(name: String, cType: String)
    /// The length of an array parameter, as the C scalar type; the call first checks that the
    /// other arrays sharing the count (`sameLength`) are as long.
    case arrayCount(name: String, cType: String, sameLength: [String])
    /// The size of a C struct, for a call that takes the size of its out-struct.
    case structSize(cStruct: String)
    /// A value the call's shape supplies (its template's local, such as a buffer it grows).
    case shapeSupplied(local: ShapeLocal)
    /// The capacity the call's shape supplies, converted to the C scalar type.
    case shapeCapacity(cType: String)
    /// An out-argument: a local the call fills, read after it.
    case out(argument: OutArgument)
    /// The count of the typed-parameter list out-argument of that name, filled by the call.
    case typedParameterListCount(name: String)
}

/// A local a call shape's template supplies to the C call.
public enum ShapeLocal: String, Sendable, Codable, Equatable {
    /// The name or UUID buffer of the `nameList` shape.
    case names
    /// The ID buffer of the `idList` shape.
    case ids
    /// The buffer's capacity (`nameList`, `idList`).
    case capacity
    /// The struct buffer of the `structArray` and `structBuffer` shapes.
    case items
    /// The element count (`structArray`, `typedParameters`).
    case count
    /// The typed-parameter buffer of the `typedParameters` shape.
    case parameters
}

/// An out-argument: what the call fills and how its value is read afterwards.
public enum OutArgument: Sendable, Codable, Equatable {
    /// A caller buffer of as many bytes as the parameter `size` says, returned as `[UInt8]`.
    case bytes(name: String, size: String)
    /// A list of new handles libvirt allocates, of the Swift handle class given.
    case handles(name: String, handleType: String)
    /// A raw UUID buffer of `VIR_UUID_BUFLEN` bytes, read as `UUID`.
    case uuid(name: String)
    /// A UUID string buffer of `VIR_UUID_STRING_BUFLEN` characters.
    case uuidString(name: String)
    /// A list of C structs libvirt allocates, each freed with `<cStruct>Free`, converted to the Swift struct.
    case structList(name: String, cStruct: String, swiftStruct: String)
    /// One C struct the call fills, converted to the Swift struct.
    case structValue(name: String, cStruct: String, swiftStruct: String)
    /// A typed-parameter list libvirt allocates, counted by a C scalar of the type given.
    case typedParameters(name: String, countCType: String)
    /// A string libvirt allocates (the empty string for NULL).
    case string(name: String)
    /// A list of strings libvirt allocates.
    case strings(name: String)
    /// A list of numbers libvirt allocates.
    case numbers(name: String, swiftType: String)
    /// A caller buffer of as many numbers as the parameter `count` says; the result keeps those filled.
    case numberBuffer(name: String, swiftType: String, count: String)
    /// One number the call fills, converted as the conversion says.
    case number(name: String, swiftType: String, conversion: NumberConversion)
}

/// How a number from C becomes its Swift value.
public enum NumberConversion: Sendable, Codable, Equatable {
    /// As it is.
    case plain
    /// Nonzero is true.
    case boolean
    /// An `Int`.
    case count
    /// A `LibvirtVersion` from libvirt's encoded version.
    case version
    /// A Swift enum or option set of that name, from its raw value (`UInt32` for an option set).
    case enumeration(type: String, optionSet: Bool)
    /// A state reason typed by its state: the reason type, the state type, and the out-argument
    /// that holds the state.
    case stateReason(reasonType: String, stateType: String, stateArgument: String)
}

/// One value a call delivers through an out-argument.
public struct OutValue: Sendable, Codable, Equatable {
    /// The tuple label when there are several.
    public var name: String
    /// The Swift type.
    public var type: SwiftType
    /// The position of the C argument that delivers it.
    public var argument: Int

    /// Creates an out-value.
    public init(name: String, type: SwiftType, argument: Int) {
        self.name = name
        self.type = type
        self.argument = argument
    }
}

/// How a bound call's Swift result is made from the C result and the out-values.
public enum CallResult: Sendable, Codable, Equatable {
    /// The out-values: one as it is, several as a labelled tuple; nothing when there are none.
    case outValues
    /// The C number, converted as the conversion says; `nil` where the failure rule makes failure
    /// mean none.
    case number(conversion: NumberConversion)
    /// A handle of that Swift class: a new reference taken over, or a borrowed one retained.
    case handle(type: String, retaining: Bool)
    /// A string the caller frees, labelled as given, before the out-values.
    case ownedString(label: String)
    /// A string the object owns, copied.
    case borrowedString(reading: BorrowedString)
    /// What the call shape's template returns itself (lists, typed parameters, struct arrays, a Bool).
    case shapeDefined
}

/// How a borrowed C string result is read.
public enum BorrowedString: String, Sendable, Codable, Equatable {
    /// NULL is `nil`.
    case optional
    /// NULL throws.
    case checked
    /// NULL (never seen for a valid object) is the empty string.
    case orEmpty
}
