/// The binding model: what the Swift renderer emits, as plain values.
///
/// The lowering makes every decision (names, call shapes, conversions, documentation); the
/// renderer only interpolates these values into templates.

/// The whole generated package.
public struct BindingPackage: Sendable {
    /// The libvirt version the input describes (from `LIBVIR_VERSION_NUMBER`), e.g. `9.0.0`.
    public var libvirtVersion: String
    /// The four modules in dependency order.
    public var modules: [BindingModule]
    /// The status of every function, enum value and macro of the input.
    public var symbols: [SymbolStatus]

    /// Creates a package.
    public init(libvirtVersion: String, modules: [BindingModule], symbols: [SymbolStatus]) {
        self.libvirtVersion = libvirtVersion
        self.modules = modules
        self.symbols = symbols
    }
}

/// One Swift module of the generated package (`Libvirt`, `LibvirtQemu`, ...).
public struct BindingModule: Sendable {
    /// The Swift module name.
    public var name: String
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

    /// Creates a module.
    public init(
        name: String, cModule: String, pkgConfig: String, linkLibrary: String, headers: [String],
        sourceFile: String, dependencies: [String], files: [BindingFile]
    ) {
        self.name = name
        self.cModule = cModule
        self.pkgConfig = pkgConfig
        self.linkLibrary = linkLibrary
        self.headers = headers
        self.sourceFile = sourceFile
        self.dependencies = dependencies
        self.files = files
    }
}

/// One generated Swift file: the declarations that belong to one Swift type (or the module's free ones).
public struct BindingFile: Sendable {
    /// The file name, e.g. `Domain.swift`.
    public var name: String
    /// The Swift type the file extends (`Domain`), or nil for the module-level file.
    public var owner: String?
    /// A handle class declared in this file.
    public var handle: HandleClass?
    /// Value enums declared in this file.
    public var enums: [ValueEnum]
    /// Option sets declared in this file.
    public var optionSets: [OptionSetType]
    /// Structs declared in this file.
    public var structs: [StructType]
    /// Typed-parameter key types declared in this file.
    public var keyFamilies: [KeyFamily]
    /// Numeric constants declared in this file.
    public var constants: [ConstantDeclaration]
    /// The event family this file declares, for event files.
    public var events: EventFamily?
    /// Functions bound in this file.
    public var functions: [BoundFunction]

    /// Creates a file.
    public init(
        name: String, owner: String?, handle: HandleClass?, enums: [ValueEnum], optionSets: [OptionSetType],
        structs: [StructType], keyFamilies: [KeyFamily] = [], constants: [ConstantDeclaration] = [],
        events: EventFamily? = nil, functions: [BoundFunction]
    ) {
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

/// A self-freeing handle class wrapping one libvirt object pointer.
public struct HandleClass: Sendable {
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
    /// The expression, over `self`, that identifies the libvirt object, for `Hashable`.
    public var identityExpression: String
    /// Documentation lines (without `///`).
    public var doc: [String]

    /// Creates a handle class.
    public init(
        name: String, cType: String, cPointerType: String, freeFunction: String, refFunction: String?,
        identityExpression: String, doc: [String]
    ) {
        self.name = name
        self.cType = cType
        self.cPointerType = cPointerType
        self.freeFunction = freeFunction
        self.refFunction = refFunction
        self.identityExpression = identityExpression
        self.doc = doc
    }
}

/// An open Swift enum over a C enum, with an `unrecognized` fallback.
public struct ValueEnum: Sendable {
    /// The Swift name, unqualified (`State`).
    public var name: String
    /// The C typedef.
    public var cName: String
    /// Documentation lines.
    public var doc: [String]
    /// The distinct cases.
    public var cases: [EnumCase]
    /// Constants that alias a case with the same value.
    public var aliases: [EnumCase]

    /// Creates an enum.
    public init(name: String, cName: String, doc: [String], cases: [EnumCase], aliases: [EnumCase]) {
        self.name = name
        self.cName = cName
        self.doc = doc
        self.cases = cases
        self.aliases = aliases
    }
}

/// One case of a ``ValueEnum`` or member of an ``OptionSetType``.
public struct EnumCase: Sendable {
    /// The Swift name, escaped when it is a keyword.
    public var name: String
    /// The C constant.
    public var cName: String
    /// The numeric value as Swift source.
    public var value: String
    /// The Swift expression of the member (`[]` for an option set's zero member, `Self(rawValue: 4)`).
    public var initializer: String
    /// For aliases: the case it stands for.
    public var aliasOf: String?
    /// Documentation lines.
    public var doc: [String]

    /// Creates a case.
    public init(name: String, cName: String, value: String, initializer: String? = nil, aliasOf: String? = nil, doc: [String]) {
        self.name = name
        self.cName = cName
        self.value = value
        self.initializer = initializer ?? value
        self.aliasOf = aliasOf
        self.doc = doc
    }
}

/// An `OptionSet` over a C flags enum.
public struct OptionSetType: Sendable {
    /// The Swift name, unqualified (`XMLOptions`).
    public var name: String
    /// The C typedef.
    public var cName: String
    /// The raw value type (`UInt32`).
    public var rawType: String
    /// Documentation lines.
    public var doc: [String]
    /// The members.
    public var members: [EnumCase]

    /// Creates an option set.
    public init(name: String, cName: String, rawType: String, doc: [String], members: [EnumCase]) {
        self.name = name
        self.cName = cName
        self.rawType = rawType
        self.doc = doc
        self.members = members
    }
}

/// A Swift value struct converted from a C struct.
public struct StructType: Sendable {
    /// The Swift name, unqualified (`Info`).
    public var name: String
    /// The C struct typedef.
    public var cName: String
    /// Documentation lines.
    public var doc: [String]
    /// The stored properties.
    public var fields: [StructField]

    /// Creates a struct.
    public init(name: String, cName: String, doc: [String], fields: [StructField]) {
        self.name = name
        self.cName = cName
        self.doc = doc
        self.fields = fields
    }
}

/// One stored property of a ``StructType``.
public struct StructField: Sendable {
    /// The Swift property name.
    public var name: String
    /// The Swift type.
    public var type: String
    /// The expression that reads it from the C value `c`.
    public var conversion: String
    /// Documentation lines.
    public var doc: [String]

    /// Creates a field.
    public init(name: String, type: String, conversion: String, doc: [String]) {
        self.name = name
        self.type = type
        self.conversion = conversion
        self.doc = doc
    }
}

/// A typed-parameter key type: the documented names one libvirt API's typed parameters use.
public struct KeyFamily: Sendable {
    /// The Swift name, unqualified (`MemoryParameter`).
    public var name: String
    /// Documentation lines.
    public var doc: [String]
    /// The named keys.
    public var keys: [KeyConstant]

    /// Creates a key family.
    public init(name: String, doc: [String], keys: [KeyConstant]) {
        self.name = name
        self.doc = doc
        self.keys = keys
    }
}

/// One typed-parameter name (a string macro such as `VIR_DOMAIN_MEMORY_SOFT_LIMIT` = `soft_limit`).
public struct KeyConstant: Sendable {
    /// The Swift name.
    public var name: String
    /// The C macro.
    public var cName: String
    /// The Swift string literal of the name (with interpolations for formatted names such as `vcpupin%u`).
    public var literal: String
    /// Parameters for formatted names (empty for plain ones).
    public var parameters: [SwiftParameter]
    /// Documentation lines.
    public var doc: [String]

    /// Creates a key.
    public init(name: String, cName: String, literal: String, parameters: [SwiftParameter], doc: [String]) {
        self.name = name
        self.cName = cName
        self.literal = literal
        self.parameters = parameters
        self.doc = doc
    }
}

/// A numeric constant from a C macro.
public struct ConstantDeclaration: Sendable {
    /// The Swift name.
    public var name: String
    /// The C macro.
    public var cName: String
    /// The Swift type.
    public var type: String
    /// The value as Swift source.
    public var value: String
    /// Documentation lines.
    public var doc: [String]

    /// Creates a constant.
    public init(name: String, cName: String, type: String, value: String, doc: [String]) {
        self.name = name
        self.cName = cName
        self.type = type
        self.value = value
        self.doc = doc
    }
}

/// The events of one kind of object, delivered as an `AsyncStream` from a connection.
public struct EventFamily: Sendable {
    /// The Swift class of the object the events are about (`Domain`).
    public var objectType: String
    /// The C function that registers a callback (`virConnectDomainEventRegisterAny`).
    public var registerFunction: String
    /// The C function that deregisters it.
    public var deregisterFunction: String
    /// The C type every callback is cast to for registration (`virConnectDomainEventGenericCallback`).
    public var genericCallbackType: String
    /// The Swift type of the event IDs (`Domain.EventID`).
    public var idType: String
    /// The connection method's name (`domainEvents`).
    public var methodName: String
    /// The label of the optional object filter (`domain`).
    public var objectLabel: String
    /// One case per event ID.
    public var cases: [EventCase]
    /// Typed lifecycle details, where the object's events have detail enums.
    public var detail: DetailEnum?
    /// Documentation of the method.
    public var doc: [String]

    /// Creates a family.
    public init(
        objectType: String, registerFunction: String, deregisterFunction: String, genericCallbackType: String,
        idType: String, methodName: String, objectLabel: String, cases: [EventCase], detail: DetailEnum? = nil,
        doc: [String]
    ) {
        self.detail = detail
        self.objectType = objectType
        self.registerFunction = registerFunction
        self.deregisterFunction = deregisterFunction
        self.genericCallbackType = genericCallbackType
        self.idType = idType
        self.methodName = methodName
        self.objectLabel = objectLabel
        self.cases = cases
        self.doc = doc
    }
}

/// Typed lifecycle details: which detail enum a lifecycle event's `detail` number belongs to
/// depends on the event (`started` → `Domain.EventStartedDetailType`).
public struct DetailEnum: Sendable {
    /// The Swift name, unqualified (`LifecycleDetail`).
    public var name: String
    /// The Swift type of the event enum (`Domain.EventType`).
    public var eventType: String
    /// One case per event that has a detail enum.
    public var cases: [DetailCase]

    /// Creates a detail enum.
    public init(name: String, eventType: String, cases: [DetailCase]) {
        self.name = name
        self.eventType = eventType
        self.cases = cases
    }
}

/// One case of a ``DetailEnum``: an event case and the detail enum it carries.
public struct DetailCase: Sendable {
    /// The case name, equal to the event case (`started`).
    public var name: String
    /// The detail enum's Swift type.
    public var detailType: String

    /// Creates a case.
    public init(name: String, detailType: String) {
        self.name = name
        self.detailType = detailType
    }
}

/// One kind of event: its ID, its C callback, and the Swift case its arguments become.
public struct EventCase: Sendable {
    /// The Swift case name (`lifecycle`).
    public var name: String
    /// The case of the event-ID enum (`lifecycle`).
    public var idCase: String
    /// The C callback type (`virConnectDomainEventCallback`).
    public var callback: String
    /// The Swift name of the C-convention trampoline.
    public var trampoline: String
    /// The trampoline as the generic callback type registration takes (cast where the types differ).
    public var registeredCallback: String
    /// The trampoline's closure type.
    public var closureType: String
    /// The trampoline's parameter names.
    public var closureParameters: String
    /// The case's associated values (`domain: Domain, event: Domain.EventType, detail: Int32`).
    public var payload: String
    /// The expression that builds the case from the trampoline's parameters.
    public var construction: String
    /// The statement that ends the trampoline when the callback returns a value.
    public var returnStatement: String?
    /// Documentation lines.
    public var doc: [String]

    /// Creates a case.
    public init(
        name: String, idCase: String, callback: String, trampoline: String, registeredCallback: String,
        closureType: String,
        closureParameters: String, payload: String, construction: String, returnStatement: String?, doc: [String]
    ) {
        self.name = name
        self.idCase = idCase
        self.callback = callback
        self.trampoline = trampoline
        self.registeredCallback = registeredCallback
        self.closureType = closureType
        self.closureParameters = closureParameters
        self.payload = payload
        self.construction = construction
        self.returnStatement = returnStatement
        self.doc = doc
    }
}

/// The call shapes: each C function is sorted into one, and each shape has one template.
public enum CallShape: String, Sendable, Codable, CaseIterable {
    /// Returns 0 on success and -1 on failure; out-parameters become the Swift result.
    case status
    /// Returns a count on success (lists filled through out-parameters), -1 on failure.
    case count
    /// Returns 1, 0, or -1 on failure: a Swift `Bool`.
    case boolean
    /// Returns a number, with one value meaning failure.
    case value
    /// Returns a number that is never a failure.
    case plainValue
    /// Returns a new reference to a libvirt object, NULL on failure.
    case ownedHandle
    /// Returns a libvirt object without a new reference: the wrapper takes one.
    case borrowedHandle
    /// Returns a string the caller frees, NULL on failure.
    case ownedString
    /// Returns a string owned by the object, valid while it lives.
    case borrowedString
    /// Fills a caller-supplied name array of a given capacity: called with growing capacity.
    case nameList
    /// Fills a caller-supplied ID array of a given capacity: called with growing capacity.
    case idList
    /// Fills a caller-allocated typed-parameter array: asks for the count, allocates, fills.
    case typedParameters
    /// Fills a caller-allocated struct array: asks for the count, allocates, fills.
    case structArray
    /// Fills a caller-allocated struct array of a given capacity: called with growing capacity.
    case structBuffer
    /// Opens a handle: a convenience initializer of the handle class.
    case initializer
}

/// How a bound function is declared in Swift.
public enum DeclarationKind: String, Sendable, Codable {
    /// An instance method.
    case method
    /// A computed instance property (`get throws` when it can fail).
    case property
    /// A static method of a type.
    case staticMethod
    /// A convenience initializer.
    case initializer
}

/// One parameter of a Swift declaration.
public struct SwiftParameter: Sendable {
    /// The argument label (`_` for none).
    public var label: String
    /// The local name.
    public var name: String
    /// The Swift type.
    public var type: String
    /// The default value as Swift source, if any.
    public var defaultValue: String?
    /// Documentation for the `- Parameter` line.
    public var doc: String

    /// Creates a parameter.
    public init(label: String, name: String, type: String, defaultValue: String?, doc: String) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
    }

    /// The declaration text, e.g. `named name: String` or `options: XMLOptions = []`.
    public var declaration: String {
        let head = label == name ? name : "\(label) \(name)"
        return "\(head): \(type)" + (defaultValue.map { " = \($0)" } ?? "")
    }
}

/// A C function bound as a Swift declaration.
public struct BoundFunction: Sendable {
    /// The C function.
    public var cName: String
    /// The call shape, which names the template.
    public var shape: CallShape
    /// How it is declared.
    public var kind: DeclarationKind
    /// The Swift base name (`info`, `domain`).
    public var name: String
    /// The Swift parameters.
    public var parameters: [SwiftParameter]
    /// The Swift result type; nil for `Void`.
    public var returnType: String?
    /// Whether the declaration throws.
    public var throwing: Bool
    /// Statements before the call.
    public var prelude: [String]
    /// The C call's argument expressions.
    public var arguments: [String]
    /// The value that means failure, for the `value` shape.
    public var failureValue: String?
    /// The expression returned after a successful call (over `result` where the shape binds it).
    public var resultExpression: String?
    /// The key type of typed parameters the call reads, for the `typedParameters` shape.
    public var typedParameterKey: String?
    /// The expression that gives the number of typed parameters, where libvirt cannot be asked for it.
    public var countExpression: String?
    /// The Swift struct the elements of a struct-array shape convert to.
    public var elementType: String?
    /// Documentation lines.
    public var doc: [String]
    /// The Swift declaration as users name it, e.g. `Domain.info()`.
    public var swiftSymbol: String

    /// Creates a bound function.
    public init(
        cName: String, shape: CallShape, kind: DeclarationKind, name: String, parameters: [SwiftParameter],
        returnType: String?, throwing: Bool, prelude: [String], arguments: [String], failureValue: String?,
        resultExpression: String?, typedParameterKey: String? = nil, countExpression: String? = nil,
        elementType: String? = nil, doc: [String], swiftSymbol: String
    ) {
        self.elementType = elementType
        self.typedParameterKey = typedParameterKey
        self.countExpression = countExpression
        self.cName = cName
        self.shape = shape
        self.kind = kind
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.throwing = throwing
        self.prelude = prelude
        self.arguments = arguments
        self.failureValue = failureValue
        self.resultExpression = resultExpression
        self.doc = doc
        self.swiftSymbol = swiftSymbol
    }
}

/// The status of one C symbol in the bindings (coverage).
public struct SymbolStatus: Sendable, Codable, Equatable {
    /// What the status means.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Emitted from the model end to end.
        case generated
        /// Hand-written code declared in the overrides data file.
        case override
        /// Used by the runtime, not exposed.
        case `internal`
        /// Deliberately not exposed, with a reason.
        case excluded
        /// A shape the generator will bind but does not yet.
        case notYetBound
        /// The generator could not place it.
        case unaccounted
    }

    /// The kind of symbol.
    public enum Kind: String, Sendable, Codable {
        /// A function.
        case function
        /// One enum value.
        case enumValue
        /// A macro.
        case macro
    }

    /// The C name.
    public var name: String
    /// Its kind.
    public var kind: Kind
    /// The Swift module it belongs to.
    public var module: String
    /// Its status.
    public var status: Status
    /// The Swift declaration, where there is one.
    public var swift: String?
    /// The version that introduced it, where the description says.
    public var since: String?
    /// Why it has this status, for every status but `generated`.
    public var reason: String?

    /// Creates a status entry.
    public init(
        name: String, kind: Kind, module: String, status: Status, swift: String?, since: String?, reason: String?
    ) {
        self.name = name
        self.kind = kind
        self.module = module
        self.status = status
        self.swift = swift
        self.since = since
        self.reason = reason
    }
}
