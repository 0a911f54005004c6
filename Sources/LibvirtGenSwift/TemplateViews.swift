import LibvirtGenModel

/// Template-ready views where a template needs values the model does not store (signatures,
/// call expressions, rendered bodies).
/// They only reformat; every decision was made by the lowering.

/// The package manifest's view.
struct PackageView {
    /// One module row.
    struct Module {
        let name: String
        let cModule: String
        let pkgConfig: String
        let dependencyList: String
    }
    let header: String
    let modules: [Module]
    /// The typed XML modules, when the package has them.
    let xmlModule: XMLModules?

    /// The typed XML modules: the documents, and the typed functions over both.
    struct XMLModules {
        /// The documents' module (no libvirt dependency).
        let name: String
        /// The module of the typed functions (`domain.description()`).
        let functions: String
        /// The modules the functions' module depends on.
        let functionsDependencies: String
    }

    /// `cModule`, when given, is the one C module every Swift module uses (the dynamic link mode).
    init(_ package: BindingPackage, header: String, cModule: String? = nil) {
        self.header = header
        xmlModule = package.xmlDocuments.isEmpty || package.modules.isEmpty ? nil : XMLModules(
            name: XMLViewRenderer.moduleName, functions: XMLViewRenderer.functionsModuleName,
            functionsDependencies: "\"\(package.modules[0].name)\", \"\(XMLViewRenderer.moduleName)\"")
        modules = package.modules.map { module in
            Module(
                name: module.name, cModule: module.cModule, pkgConfig: module.pkgConfig,
                dependencyList: ([cModule ?? module.cModule] + module.dependencies).map { "\"\($0)\"" }
                    .joined(separator: ", "))
        }
    }
}

/// A bound function's view.
struct FunctionView {
    let name: String
    let isStatic: Bool
    let throwing: Bool
    /// The effects clause (` throws(LibvirtError)`), empty when the declaration cannot fail.
    let effects: String
    let returnType: String?
    let parameterList: String
    let prelude: [String]
    let call: String
    let failureValue: String?
    let resultExpression: String?
    let typedParameterKey: String?
    let countExpression: String?
    let elementType: String?
    let doc: [String]
    /// The deprecation message, where libvirt documents one.
    let deprecation: String?
    /// Whether the body first checks that the object's connection was not closed.
    let checksClosing: Bool
    /// The rendered body, filled in before the declaration frame is rendered.
    var body = ""

    init(_ function: BoundFunction) {
        name = function.name
        isStatic = function.kind == .staticMethod
        throwing = function.throwing
        effects = function.effects
        returnType = function.returnType
        parameterList = function.parameters.map(\.declaration).joined(separator: ", ")
        prelude = CallSpelling.prelude(of: function)
        let arguments = CallSpelling.arguments(of: function).joined(separator: ", ")
        call = Self.borrowing(function.cStrings, around: "\(function.cName)(\(arguments))")
        failureValue = function.failureValue.map(CallSpelling.spelling)
        resultExpression = CallSpelling.resultExpression(of: function)
        typedParameterKey = function.typedParameterKey
        countExpression = CallSpelling.countExpression(of: function)
        elementType = function.elementType
        doc = DocumentationComment.lines(function.doc)
        deprecation = function.deprecation.map(SwiftStringLiteral.contents)
        checksClosing = function.checksClosing
    }

    /// The call inside one `withCString` closure per borrowed string, the first outermost; each
    /// closure's parameter shadows the Swift string with its C string.
    static func borrowing(_ strings: [CStringArgument], around call: String) -> String {
        strings.reversed().reduce(call) { call, string in
            string.optional
                ? "withOptionalCString(\(string.name)) { \(string.name) in \(call) }"
                : "\(string.name).withCString { \(string.name) in \(call) }"
        }
    }

    /// The body template of a call shape.
    static func bodyTemplate(_ shape: CallShape) -> String {
        switch shape {
        case .ownedHandle, .borrowedHandle: return "body-handle"
        case .borrowedString, .plainValue: return "body-plainValue"
        default: return "body-\(shape.rawValue)"
        }
    }
}

/// A typed-parameter key type's view.
struct KeyFamilyView {
    /// A key's view.
    struct Key {
        let name: String
        let literal: String
        let isFormatted: Bool
        let parameterList: String
        let doc: [String]
    }
    let name: String
    let doc: [String]
    let keys: [Key]

    init(_ family: KeyFamily) {
        name = family.name
        doc = DocumentationComment.lines(family.doc)
        keys = family.keys.map {
            Key(name: $0.name, literal: SwiftStringLiteral.literal($0.nameParts), isFormatted: !$0.parameters.isEmpty,
                parameterList: $0.parameters.map(\.declaration).joined(separator: ", "), doc: DocumentationComment.lines($0.doc))
        }
    }
}

/// The view of a key type's typed keys: the `TypedKey` extension declaring each key whose value
/// type is known.
struct TypedKeysView {
    /// A typed key's view.
    struct Key {
        let name: String
        let bareName: String
        let cName: String
        let valueType: String
        let isFormatted: Bool
        let parameterList: String
        let argumentList: String
        let first: Bool
    }
    let qualifiedName: String
    let example: String
    let exampleType: String
    let typedKeys: [Key]

    /// The view of `family`'s typed keys (declared in `owner`); nil when none is typed.
    init?(_ family: KeyFamily, owner: String?) {
        let typed = family.keys.filter { $0.valueType != nil }
        guard let sample = typed.first(where: { $0.parameters.isEmpty }) ?? typed.first else { return nil }
        qualifiedName = owner.map { "\($0).\(family.name)" } ?? family.name
        example = sample.name.filter { $0 != "`" } + (sample.parameters.isEmpty ? "" : "(…)")
        exampleType = sample.valueType ?? ""
        typedKeys = typed.enumerated().map { index, key in
            Key(name: key.name, bareName: key.name.filter { $0 != "`" }, cName: key.cName, valueType: key.valueType ?? "",
                isFormatted: !key.parameters.isEmpty,
                parameterList: key.parameters.map(\.declaration).joined(separator: ", "),
                argumentList: key.parameters.map { $0.label == "_" ? $0.name : "\($0.label): \($0.name)" }
                    .joined(separator: ", "),
                first: index == 0)
        }
    }
}


/// A converted C struct's view: each field with the expression that reads it from the C value `c`.
struct StructView {
    /// A field's view.
    struct Field {
        let name: String
        let type: String
        let conversion: String
        let doc: [String]
    }
    let name: String
    let cName: String
    let doc: [String]
    let fields: [Field]

    init(_ s: StructType) {
        name = s.name
        cName = s.cName
        doc = DocumentationComment.lines(s.doc)
        fields = s.fields.map {
            Field(
                name: $0.name, type: $0.type, conversion: CallSpelling.reading($0.reading),
                doc: DocumentationComment.lines($0.doc))
        }
    }
}

/// A handle class's view: the class's names and functions, with its identity spelled as the
/// expression over `self` that `Hashable` compares.
struct HandleView {
    let name: String
    let cPointerType: String
    let freeFunction: String
    let refFunction: String?
    let abortFunction: String?
    let closable: Bool
    let objectsCheckClosing: Bool
    let connectionGetters: [String]
    let identityExpression: String
    let doc: [String]

    init(_ handle: HandleClass) {
        name = handle.name
        cPointerType = handle.cPointerType
        freeFunction = handle.freeFunction
        refFunction = handle.refFunction
        abortFunction = handle.abortFunction
        closable = handle.closable
        objectsCheckClosing = handle.objectsCheckClosing
        connectionGetters = handle.connectionGetters
        doc = DocumentationComment.lines(handle.doc)
        let identity = Self.expression(handle.identity)
        identityExpression = handle.identityConnectionGetter
            .map { "String(UInt(bitPattern: \($0)(pointer))) + \"/\" + (\(identity))" } ?? identity
    }

    /// The expression of an identity, over `pointer`.
    static func expression(_ identity: HandleIdentity) -> String {
        switch identity {
        case .uuid(let getter): "uuidIdentity(pointer, \(getter))"
        case .string(let getter): "\(getter)(pointer).map { String(cString: $0) } ?? \"\""
        case .number(let getter): "String(\(getter)(pointer))"
        case .child(let parent, let parentUUID, let name):
            "(\(parent)(pointer).map { uuidIdentity($0, \(parentUUID)) } ?? \"\") + \"/\" + "
                + "(\(name)(pointer).map { String(cString: $0) } ?? \"\")"
        case .address: "String(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(pointer))))"
        }
    }
}

/// An option set's view: each member with the expression of its bits (`[]` for zero).
struct OptionSetView {
    /// A member's view.
    struct Member {
        let name: String
        let initializer: String
        let doc: [String]
    }
    let name: String
    let rawType: String
    let doc: [String]
    let members: [Member]

    init(_ set: OptionSetType) {
        name = set.name
        rawType = set.rawType
        doc = DocumentationComment.lines(set.doc)
        members = set.members.map {
            Member(
                name: $0.name, initializer: $0.value == "0" ? "[]" : "Self(rawValue: \($0.value))",
                doc: DocumentationComment.lines($0.doc))
        }
    }
}

/// A value enum's view: its cases and aliases with their documentation as comment lines.
struct ValueEnumView {
    /// A case's or an alias's view.
    struct Case {
        let name: String
        let label: String
        let value: String
        let aliasOf: String?
        let doc: [String]

        init(_ item: EnumCase) {
            name = item.name
            label = item.label
            value = item.value
            aliasOf = item.aliasOf
            doc = DocumentationComment.lines(item.doc)
        }
    }
    let name: String
    let doc: [String]
    let cases: [Case]
    let aliases: [Case]
    let countsSeconds: Bool

    init(_ value: ValueEnum) {
        name = value.name
        doc = DocumentationComment.lines(value.doc)
        cases = value.cases.map(Case.init)
        aliases = value.aliases.map(Case.init)
        countsSeconds = value.countsSeconds
    }
}

/// A detail enum's view: its documentation as comment lines, the rest as the model has it.
struct DetailEnumView {
    let name: String
    let doc: [String]
    let selectorType: String
    let selectorLabel: String
    let valueLabel: String
    let initializerDoc: String
    let otherDoc: String
    let cases: [DetailCase]

    init(_ detail: DetailEnum) {
        name = detail.name
        doc = DocumentationComment.lines(detail.doc)
        selectorType = detail.selectorType
        selectorLabel = detail.selectorLabel
        valueLabel = detail.valueLabel
        initializerDoc = detail.initializerDoc
        otherDoc = detail.otherDoc
        cases = detail.cases
    }
}
