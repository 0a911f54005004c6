import LibvirtGenModel

/// Template-ready views of the binding model: documentation as `///` lines, signatures as text.
/// They only reformat; every decision was made by the lowering.

/// `///` comment lines for documentation lines.
func docComment(_ lines: [String]) -> [String] {
    lines.drop(while: \.isEmpty).map { $0.isEmpty ? "///" : "/// \($0)" }
}

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

    init(_ package: BindingPackage, header: String) {
        self.header = header
        modules = package.modules.map { module in
            Module(
                name: module.name, cModule: module.cModule, pkgConfig: module.pkgConfig,
                dependencyList: ([module.cModule] + module.dependencies).map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }
}

/// A handle class's view.
struct HandleView {
    let name: String
    let cPointerType: String
    let freeFunction: String
    let refFunction: String?
    let identityExpression: String
    let doc: [String]

    init(_ handle: HandleClass) {
        name = handle.name
        cPointerType = handle.cPointerType
        freeFunction = handle.freeFunction
        refFunction = handle.refFunction
        identityExpression = handle.identityExpression
        doc = docComment(handle.doc)
    }
}

/// An enum case's or option's view.
struct CaseView {
    let name: String
    let value: String
    let initializer: String
    let aliasOf: String?
    let outer: String
    let doc: [String]

    init(_ value: EnumCase, outer: String) {
        name = value.name
        self.value = value.value
        initializer = value.initializer
        aliasOf = value.aliasOf
        self.outer = outer
        doc = docComment(value.doc)
    }
}

/// An open enum's view.
struct EnumView {
    let name: String
    let doc: [String]
    let cases: [CaseView]
    let aliases: [CaseView]

    init(_ value: ValueEnum) {
        name = value.name
        doc = docComment(value.doc)
        cases = value.cases.map { CaseView($0, outer: value.name) }
        aliases = value.aliases.map { CaseView($0, outer: value.name) }
    }
}

/// An option set's view.
struct OptionSetView {
    let name: String
    let rawType: String
    let doc: [String]
    let members: [CaseView]

    init(_ set: OptionSetType) {
        name = set.name
        rawType = set.rawType
        doc = docComment(set.doc)
        members = set.members.map { CaseView($0, outer: set.name) }
    }
}

/// A struct's view.
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
        doc = docComment(s.doc)
        fields = s.fields.map { Field(name: $0.name, type: $0.type, conversion: $0.conversion, doc: docComment($0.doc)) }
    }
}

/// A bound function's view.
struct FunctionView {
    let name: String
    let isStatic: Bool
    let throwing: Bool
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
    /// The rendered body, filled in before the declaration frame is rendered.
    var body = ""

    init(_ function: BoundFunction) {
        name = function.name
        isStatic = function.kind == .staticMethod
        throwing = function.throwing
        returnType = function.returnType
        parameterList = function.parameters.map(\.declaration).joined(separator: ", ")
        prelude = function.prelude
        call = "\(function.cName)(\(function.arguments.joined(separator: ", ")))"
        failureValue = function.failureValue
        resultExpression = function.resultExpression
        typedParameterKey = function.typedParameterKey
        countExpression = function.countExpression
        elementType = function.elementType
        doc = docComment(function.doc)
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
        doc = docComment(family.doc)
        keys = family.keys.map {
            Key(name: $0.name, literal: $0.literal, isFormatted: !$0.parameters.isEmpty,
                parameterList: $0.parameters.map(\.declaration).joined(separator: ", "), doc: docComment($0.doc))
        }
    }
}

/// A numeric constant's view.
struct ConstantView {
    let name: String
    let type: String
    let value: String
    let doc: [String]

    init(_ constant: ConstantDeclaration) {
        name = constant.name
        type = constant.type
        value = constant.value
        doc = docComment(constant.doc)
    }
}

/// An event family's view: the same values with documentation as `///` lines.
struct EventFamilyView {
    /// A case's view.
    struct Case {
        let name: String
        let idCase: String
        let callback: String
        let trampoline: String
        let registeredCallback: String
        let closureType: String
        let closureParameters: String
        let payload: String
        let construction: String
        let returnStatement: String?
        let doc: [String]
    }
    let objectType: String
    let registerFunction: String
    let deregisterFunction: String
    let genericCallbackType: String
    let idType: String
    let methodName: String
    let objectLabel: String
    let cases: [Case]
    let detail: DetailEnum?
    let doc: [String]

    init(_ family: EventFamily) {
        detail = family.detail
        objectType = family.objectType
        registerFunction = family.registerFunction
        deregisterFunction = family.deregisterFunction
        genericCallbackType = family.genericCallbackType
        idType = family.idType
        methodName = family.methodName
        objectLabel = family.objectLabel
        doc = docComment(family.doc)
        cases = family.cases.map {
            Case(name: $0.name, idCase: $0.idCase, callback: $0.callback, trampoline: $0.trampoline,
                 registeredCallback: $0.registeredCallback, closureType: $0.closureType, closureParameters: $0.closureParameters, payload: $0.payload,
                 construction: $0.construction, returnStatement: $0.returnStatement, doc: docComment($0.doc))
        }
    }
}
