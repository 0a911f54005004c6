/// The C-level model: what one libvirt API description file declares, as plain values.
///
/// Both frontends (the API XML reader and the libclang reader) produce this model; the lowering
/// turns it into the binding model. Nothing here knows about Swift.

/// A position in an input file, for diagnostics.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input file's path as given to the frontend.
    public var file: String
    /// The 1-based line number, or 0 when unknown.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or just `file` when the line is unknown.
    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// One API description file (`libvirt-api.xml`, `libvirt-qemu-api.xml`, ...).
public struct CAPI: Sendable, Equatable {
    /// The API's name from the root element (`libvirt`, `libvirt-qemu`, `libvirt-lxc`, `libvirt-admin`).
    public var name: String
    /// Where the description was read from.
    public var location: SourceLocation
    /// The header groups with their summaries and exported symbols.
    public var files: [CHeaderFile] = []
    /// Public functions.
    public var functions: [CFunction] = []
    /// Function-pointer types (callbacks).
    public var functypes: [CFunction] = []
    /// Enum values, one per `<enum>` element.
    public var enumValues: [CEnumValue] = []
    /// Preprocessor macros.
    public var macros: [CMacro] = []
    /// Typedefs (enum typedefs, pointer typedefs, ...).
    public var typedefs: [CTypedef] = []
    /// Structs, opaque ones included.
    public var structs: [CStruct] = []
    /// Exported variables.
    public var variables: [CVariable] = []

    /// Creates an empty API description.
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// A header group (`libvirt-domain`, ...) with its documentation and exported symbols.
public struct CHeaderFile: Sendable, Equatable {
    /// The group's name.
    public var name: String
    /// One-line summary.
    public var summary: String
    /// Longer description.
    public var description: String
    /// The symbols the group exports, with their kinds.
    public var exports: [CExport]

    /// Creates a header group.
    public init(name: String, summary: String, description: String, exports: [CExport]) {
        self.name = name
        self.summary = summary
        self.description = description
        self.exports = exports
    }
}

/// One `<exports>` entry of a header group.
public struct CExport: Sendable, Equatable {
    /// The exported symbol.
    public var symbol: String
    /// Its kind (`function`, `enum`, `macro`, `typedef`, `struct`, `variable`).
    public var kind: String

    /// Creates an export entry.
    public init(symbol: String, kind: String) {
        self.symbol = symbol
        self.kind = kind
    }
}

/// An access-control check libvirt performs for a function (11.x descriptions carry them).
public struct CACLCheck: Sendable, Equatable {
    /// `check` or `filter`.
    public var kind: String
    /// The object the permission applies to (`domain`, `connect`, ...).
    public var object: String
    /// The permission (`read`, `write`, ...).
    public var permission: String
    /// The flags under which the check applies, if restricted.
    public var flags: String?

    /// Creates a check.
    public init(kind: String, object: String, permission: String, flags: String?) {
        self.kind = kind
        self.object = object
        self.permission = permission
        self.flags = flags
    }
}

/// A C function or function-pointer type.
public struct CFunction: Sendable, Equatable {
    /// The C name.
    public var name: String
    /// The header group it is declared in.
    public var file: String
    /// The module attribute of the description.
    public var module: String
    /// The libvirt version that introduced it, where the description says.
    public var version: String?
    /// The description text.
    public var info: String
    /// The C return type.
    public var returnType: String { didSet { returnCType = CType.parse(returnType) } }
    /// The return type, parsed.
    public private(set) var returnCType: CType
    /// What the return value means.
    public var returnInfo: String
    /// The parameters in order.
    public var args: [CArg]
    /// Access-control checks (empty when the description carries none).
    public var acls: [CACLCheck]
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates a function.
    public init(
        name: String, file: String, module: String, version: String?, info: String,
        returnType: String, returnInfo: String, args: [CArg], acls: [CACLCheck], location: SourceLocation
    ) {
        self.name = name
        self.file = file
        self.module = module
        self.version = version
        self.info = info
        self.returnType = returnType
        returnCType = CType.parse(returnType)
        self.returnInfo = returnInfo
        self.args = args
        self.acls = acls
        self.location = location
    }
}

/// One parameter of a C function.
public struct CArg: Sendable, Equatable {
    /// The parameter name.
    public var name: String
    /// The C type as written.
    public var type: String { didSet { cType = CType.parse(type) } }
    /// The type, parsed.
    public private(set) var cType: CType
    /// What the parameter means.
    public var info: String

    /// Creates a parameter.
    public init(name: String, type: String, info: String) {
        self.name = name
        self.type = type
        cType = CType.parse(type)
        self.info = info
    }
}

/// One enum constant (`VIR_DOMAIN_RUNNING`), with the typedef it belongs to.
public struct CEnumValue: Sendable, Equatable {
    /// The constant's C name.
    public var name: String
    /// The header group.
    public var file: String
    /// The value as written: a number, or the name of another constant.
    public var rawValue: String
    /// The resolved numeric value.
    public var value: Int64
    /// The bit position, for flag values the description marks as such.
    public var bitshift: Int?
    /// The enum typedef it belongs to (`virDomainState`).
    public var type: String
    /// The version that introduced it.
    public var version: String?
    /// Its documentation.
    public var info: String
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates an enum value.
    public init(
        name: String, file: String, rawValue: String, value: Int64, bitshift: Int?, type: String,
        version: String?, info: String, location: SourceLocation
    ) {
        self.name = name
        self.file = file
        self.rawValue = rawValue
        self.value = value
        self.bitshift = bitshift
        self.type = type
        self.version = version
        self.info = info
        self.location = location
    }
}

/// A preprocessor macro.
public struct CMacro: Sendable, Equatable {
    /// The macro's name.
    public var name: String
    /// The header group.
    public var file: String
    /// The version that introduced it.
    public var version: String?
    /// Its documentation.
    public var info: String
    /// The string value, for string macros (typed-parameter field names and the like).
    public var stringValue: String?
    /// The raw replacement text, for other macros.
    public var rawValue: String?
    /// Parameter names, for function-like macros.
    public var params: [String]?
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates a macro.
    public init(
        name: String, file: String, version: String?, info: String, stringValue: String?, rawValue: String?,
        params: [String]?, location: SourceLocation
    ) {
        self.name = name
        self.file = file
        self.version = version
        self.info = info
        self.stringValue = stringValue
        self.rawValue = rawValue
        self.params = params
        self.location = location
    }
}

/// A declaration that names a type: a typedef (`virDomainPtr` = `virDomain *`, `virDomainState` =
/// `enum`) or an exported variable (`virConnectAuthPtrDefault` of type `virConnectAuthPtr`).
public struct CTypedDeclaration: Sendable, Equatable {
    /// The declared name.
    public var name: String
    /// The header group.
    public var file: String
    /// The type: the aliased type for a typedef (`enum` for enum typedefs), the variable's type.
    public var type: String { didSet { cType = CType.parse(type) } }
    /// The type, parsed.
    public private(set) var cType: CType
    /// The version that introduced it.
    public var version: String?
    /// Its documentation.
    public var info: String
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates a declaration.
    public init(name: String, file: String, type: String, version: String?, info: String, location: SourceLocation) {
        self.name = name
        self.file = file
        self.type = type
        cType = CType.parse(type)
        self.version = version
        self.info = info
        self.location = location
    }
}

/// A typedef.
public typealias CTypedef = CTypedDeclaration

/// An exported variable.
public typealias CVariable = CTypedDeclaration

/// A struct; opaque handle structs have no fields.
public struct CStruct: Sendable, Equatable {
    /// The struct's typedef name (`virDomainInfo`).
    public var name: String
    /// The header group.
    public var file: String
    /// The C type it names (`struct _virDomainInfo`).
    public var type: String
    /// The version that introduced it.
    public var version: String?
    /// Its documentation.
    public var info: String
    /// Its fields; empty for opaque structs.
    public var fields: [CField]
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates a struct.
    public init(
        name: String, file: String, type: String, version: String?, info: String, fields: [CField],
        location: SourceLocation
    ) {
        self.name = name
        self.file = file
        self.type = type
        self.version = version
        self.info = info
        self.fields = fields
        self.location = location
    }
}

/// A struct field; a union field carries its members.
public struct CField: Sendable, Equatable {
    /// The field's name.
    public var name: String
    /// The C type as written (`union` for unions).
    public var type: String { didSet { cType = CType.parse(type) } }
    /// The type, parsed.
    public private(set) var cType: CType
    /// Its documentation.
    public var info: String
    /// The members, when the field is a union.
    public var unionMembers: [CField]?

    /// Creates a field.
    public init(name: String, type: String, info: String, unionMembers: [CField]? = nil) {
        self.name = name
        self.type = type
        cType = CType.parse(type)
        self.info = info
        self.unionMembers = unionMembers
    }
}
