import LibvirtGenModel
import LibvirtGenTemplating

/// Template-ready views where a template needs values the model does not store (signatures,
/// call expressions, rendered bodies).
/// They only reformat; every decision was made by the lowering.

/// The package manifest's view.
struct PackageView: TemplateView {
    /// One module row.
    struct Module: TemplateView {
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
    struct XMLModules: TemplateView {
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

/// What the `file` and `xml-file` templates interpolate: a generated source file.
struct SourceFileView: TemplateView {
    /// The file's first line.
    let header: String
    /// The modules it imports.
    let imports: [String]
    /// The declarations, in order.
    let declarations: [String]
}

/// What the `extension` template interpolates: members of a type declared elsewhere.
struct ExtensionView: TemplateView {
    /// The extended type, qualified.
    let owner: String
    /// The members' text, indented, as one element.
    let members: [String]
}

/// A bound function's declaration frame: what the `decl-*` templates interpolate around the
/// rendered body.
struct FunctionView: TemplateView {
    let name: String
    let isStatic: Bool
    let throwing: Bool
    /// The effects clause (` throws(LibvirtError)`), empty when the declaration cannot fail.
    let effects: String
    let returnType: String?
    let parameterList: String
    let doc: [String]
    /// The deprecation message, where libvirt documents one.
    let deprecation: String?
    /// The rendered body, indented.
    let body: String

    init(_ function: BoundFunction, body: String) {
        name = function.name
        isStatic = function.kind == .staticMethod
        throwing = function.throwing
        effects = function.effects
        returnType = function.returnType?.spelling
        parameterList = function.parameters.declarationList
        doc = DocumentationComment.lines(function.doc)
        deprecation = function.deprecation.map(SwiftStringLiteral.contents)
        self.body = body
    }
}

/// A bound function's body: what the `body-*` templates interpolate, apart from the frame so that
/// neither view is handed to the engine twice.
struct FunctionBodyView: TemplateView {
    let prelude: [String]
    let call: String
    let failureValue: String?
    let resultExpression: String?
    let typedParameterKey: String?
    let countExpression: String?
    let elementType: String?
    /// Whether the body first checks that the object's connection was not closed.
    let checksClosing: Bool

    init(_ function: BoundFunction) {
        prelude = CallSpelling.prelude(of: function)
        let arguments = CallSpelling.arguments(of: function).joined(separator: ", ")
        call = Self.borrowing(function.cStrings, around: "\(function.cName)(\(arguments))")
        failureValue = function.failureValue.map(CallSpelling.spelling)
        resultExpression = CallSpelling.resultExpression(of: function)
        typedParameterKey = function.typedParameterKey
        countExpression = CallSpelling.countExpression(of: function)
        elementType = function.elementType
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
struct KeyFamilyView: TemplateView {
    /// A key's view.
    struct Key: TemplateView {
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
                parameterList: $0.parameters.declarationList, doc: DocumentationComment.lines($0.doc))
        }
    }
}

/// The view of a key type's typed keys: the `TypedKey` extension declaring each key whose value
/// type is known.
struct TypedKeysView: TemplateView {
    /// A typed key's view.
    struct Key: TemplateView {
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
                parameterList: key.parameters.declarationList,
                argumentList: key.parameters.map { $0.label == "_" ? $0.name : "\($0.label): \($0.name)" }
                    .joined(separator: ", "),
                first: index == 0)
        }
    }
}
