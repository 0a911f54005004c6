/// The binding model: what the Swift renderer emits, as plain values.
///
/// The lowering makes every decision (names, call shapes, conversions, documentation); the
/// renderer only interpolates these values into templates.

/// The whole generated package.
public struct BindingPackage: Sendable, Codable {
    /// The libvirt version the input describes (from `LIBVIR_VERSION_NUMBER`), e.g. `9.0.0`.
    public var libvirtVersion: String
    /// The four modules in dependency order.
    public var modules: [BindingModule]
    /// The status of every function, enum value and macro of the input.
    public var symbols: [SymbolStatus]
    /// The typed XML documents of the `LibvirtXML` module, empty when the input has no schemas.
    public var xmlDocuments: [XMLDocumentTypes]
    /// The typed counterparts of the functions that return or take those documents' XML text.
    public var xmlDocumentFunctions: [XMLDocumentFunction] = []

    /// Creates a package.
    public init(libvirtVersion: String, modules: [BindingModule], symbols: [SymbolStatus], xmlDocuments: [XMLDocumentTypes] = []) {
        self.libvirtVersion = libvirtVersion
        self.modules = modules
        self.symbols = symbols
        self.xmlDocuments = xmlDocuments
    }
}

/// One Swift module of the generated package (`Libvirt`, `LibvirtQemu`, ...).
public struct BindingModule: Sendable, Codable {
    /// The Swift module name.
    public var name: String
    /// The `<api name=...>` of the C model it was lowered from (`libvirt-qemu`), which links the
    /// module to its `CAPI`.
    public var apiName: String
    /// The system-library module that declares its C functions.
    public var cModule: String
    /// The pkg-config name of its C library.
    public var pkgConfig: String
    /// The library the module links (`virt`).
    public var linkLibrary: String
    /// The C headers its system-library module includes.
    public var headers: [String]
    /// The description file it was generated from.
    public var sourceFile: String
    /// Swift modules of this package it depends on.
    public var dependencies: [String]
    /// The generated source files, in a stable order.
    public var files: [BindingFile]
    /// For every C function of the module: what its dynamic-mode wrapper returns when the loaded
    /// libvirt lacks it.
    public var missingFunctionResults: [String: MissingFunctionResult] = [:]

    /// Creates a module.
    public init(
        name: String, apiName: String, cModule: String, pkgConfig: String, linkLibrary: String, headers: [String],
        sourceFile: String, dependencies: [String], files: [BindingFile]
    ) {
        self.name = name
        self.apiName = apiName
        self.cModule = cModule
        self.pkgConfig = pkgConfig
        self.linkLibrary = linkLibrary
        self.headers = headers
        self.sourceFile = sourceFile
        self.dependencies = dependencies
        self.files = files
    }
}

extension BindingModule {
    /// The C model this module was lowered from, among `apis`.
    public func api(in apis: [CAPI]) -> CAPI? {
        apis.first { $0.name == apiName }
    }
}

/// One generated Swift file: the declarations that belong to one Swift type (or the module's free ones).
public struct BindingFile: Sendable, Codable {
    /// The file name, e.g. `Domain.swift`.
    public var name: String
    /// The Swift type the file extends (`Domain`), or nil for the module-level file.
    public var owner: String?
    /// A handle class declared in this file.
    public var handle: HandleClass?
    /// Value enums declared in this file.
    public var enums: [ValueEnum]
    /// Enums whose cases carry a number typed by the case (`Domain.StateReason`).
    public var detailEnums: [DetailEnum]
    /// Option sets declared in this file.
    public var optionSets: [OptionSetType]
    /// Structs declared in this file.
    public var structs: [StructType]
    /// Typed-parameter key types declared in this file.
    public var keyFamilies: [KeyFamily]
    /// Numeric constants declared in this file.
    public var constants: [ConstantDeclaration]
    /// Static patterns matching an error type's codes in `catch` clauses (`LibvirtError.noDomain`).
    public var errorPatterns: [ErrorPattern]
    /// The event family this file declares, for event files.
    public var events: EventFamily?
    /// Functions bound in this file.
    public var functions: [BoundFunction]
    /// Typed views of the statistics record's key groups, for the record's file.
    public var statsViews: [StatsView]

    /// Creates a file.
    public init(
        name: String, owner: String?, handle: HandleClass?, enums: [ValueEnum], detailEnums: [DetailEnum] = [],
        optionSets: [OptionSetType], structs: [StructType], keyFamilies: [KeyFamily] = [],
        constants: [ConstantDeclaration] = [], errorPatterns: [ErrorPattern] = [], events: EventFamily? = nil,
        functions: [BoundFunction], statsViews: [StatsView] = []
    ) {
        self.statsViews = statsViews
        self.errorPatterns = errorPatterns
        self.detailEnums = detailEnums
        self.events = events
        self.keyFamilies = keyFamilies
        self.constants = constants
        self.name = name
        self.owner = owner
        self.handle = handle
        self.enums = enums
        self.optionSets = optionSets
        self.structs = structs
        self.functions = functions
    }
}

/// What a dynamic-mode wrapper returns when the loaded libvirt lacks its function: the C result
/// the bindings treat as failure, so the call throws `.noSupport`.
public enum MissingFunctionResult: String, Sendable, Codable {
    /// The function returns `void`.
    case nothing
    /// `NULL`, for a pointer result.
    case null
    /// -1, libvirt's usual failure value for numbers.
    case minusOne
    /// 0, where libvirt documents 0 as the failure value.
    case zero
}

/// What makes two handles of one class equal, from the overrides data's `handleIdentity`.
public enum HandleIdentity: Sendable, Codable, Equatable {
    /// The UUID the C getter fills (`virDomainGetUUID`).
    case uuid(getter: String)
    /// The string the C getter returns (`virInterfaceGetMACString`).
    case string(getter: String)
    /// The number the C getter returns.
    case number(getter: String)
    /// An object inside another (a snapshot in a domain): the parent's UUID, through the parent
    /// getter and the parent's UUID getter, and the name the name getter returns.
    case child(parentGetter: String, parentUUIDGetter: String, nameGetter: String)
    /// The object's address (objects libvirt gives no identity).
    case address
}

/// A self-freeing handle class wrapping one libvirt object pointer.
public struct HandleClass: Sendable, Codable {
    /// The Swift class name (`Domain`).
    public var name: String
    /// The C object type (`virDomain`).
    public var cType: String
    /// The C pointer typedef (`virDomainPtr`).
    public var cPointerType: String
    /// The function that drops the reference (`virDomainFree`, `virConnectClose`).
    public var freeFunction: String
    /// The function that takes an extra reference (`virDomainRef`), where the API has one.
    public var refFunction: String?
    /// What identifies the libvirt object, for `Hashable`.
    public var identity: HandleIdentity
    /// The C getter of the object's connection, where identity holds only on one connection (a
    /// domain with one UUID on two connections is two values); nil for identity by address.
    public var identityConnectionGetter: String?
    /// Whether the class checks, before each throwing call, that its connection was not closed
    /// with `close()`.
    public var checksClosing: Bool { closable || !connectionGetters.isEmpty }
    /// The function that must end an object's active transfer before its last reference goes
    /// (`virStreamAbort`), where the free function's documentation requires one.
    public var abortFunction: String?
    /// Whether the object is a connection users can close explicitly (`close()`), after which
    /// its calls throw instead of reaching libvirt.
    public var closable: Bool
    /// For a closable connection: whether objects of its module reach it through
    /// `connectionGetters`, so that closing it makes their calls throw too.
    public var objectsCheckClosing: Bool
    /// For an object of a closable connection: the borrowing C getters that lead from the object
    /// to its connection, applied in order (`virNetworkPortGetNetwork`, `virNetworkGetConnect`);
    /// empty where the object has no path to its connection (streams, filter bindings).
    public var connectionGetters: [String]
    /// Documentation.
    public var doc: Documentation

    /// Creates a handle class.
    public init(
        name: String, cType: String, cPointerType: String, freeFunction: String, refFunction: String?,
        identity: HandleIdentity, identityConnectionGetter: String? = nil, abortFunction: String? = nil, closable: Bool = false,
        objectsCheckClosing: Bool = false, connectionGetters: [String] = [], doc: Documentation
    ) {
        self.name = name
        self.cType = cType
        self.cPointerType = cPointerType
        self.freeFunction = freeFunction
        self.refFunction = refFunction
        self.identity = identity
        self.identityConnectionGetter = identityConnectionGetter
        self.abortFunction = abortFunction
        self.closable = closable
        self.objectsCheckClosing = objectsCheckClosing
        self.connectionGetters = connectionGetters
        self.doc = doc
    }
}

/// How the generated package reaches libvirt.
public enum LinkMode: String, Sendable, Codable, CaseIterable {
    /// System-library targets over libvirt's installed headers, linked at build time.
    case direct
    /// Its own C declarations; each function resolved from libvirt's shared library on first use.
    case dynamic
}
