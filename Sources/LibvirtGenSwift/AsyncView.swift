import LibvirtGenModel
import LibvirtGenTemplating

/// The view of a bound function's `async` counterpart, for the `decl-async` template: the
/// synchronous declaration's signature with `async throws`, and the call a pool thread makes.
struct AsyncView: TemplateView {
    let name: String
    let isInitializer: Bool
    let parameterList: String
    let returnType: String?
    let deprecation: String?
    let doc: [String]
    let abortFunction: String?
    /// The synchronous declaration, called with every parameter (`self.info(options: options)`,
    /// `self.isActive`, `AdminConnection(uri: uri, options: options)`); inside the closure the
    /// pool runs, which is not `async`, it names the synchronous overload.
    let syncCall: String

    /// The view of `function`'s counterpart; nil when it has none.
    init?(_ function: BoundFunction) {
        guard let counterpart = function.asyncCounterpart else { return nil }
        name = function.name
        isInitializer = function.kind == .initializer
        parameterList = function.parameters.declarationList
        returnType = function.returnType?.spelling
        deprecation = function.deprecation.map(SwiftStringLiteral.contents)
        doc = DocumentationComment.lines(counterpart.doc)
        abortFunction = counterpart.abortFunction
        let arguments = function.parameters.map { $0.label == "_" ? $0.name : "\($0.label): \($0.name)" }
            .joined(separator: ", ")
        switch function.kind {
        case .property: syncCall = "self.\(function.name)"
        case .initializer: syncCall = "\(function.swiftSymbol.prefix { $0 != "(" })(\(arguments))"
        case .method, .staticMethod: syncCall = "self.\(function.name)(\(arguments))"
        }
    }
}
