import LibvirtGenModel
import LibvirtGenTemplating

/// What the `xml-document-functions` template interpolates: the typed counterparts grouped by
/// the type they extend, each with its declaration and the call it makes.
struct XMLDocumentFunctionsView: TemplateView {
    /// One extension.
    struct Owner: TemplateView {
        /// The type extended.
        let owner: String
        /// Its functions.
        let functions: [Function]
    }

    /// One counterpart.
    struct Function: TemplateView {
        /// Whether it is the extension's first (no blank line before it).
        var first: Bool
        /// The documentation's summary.
        let summary: String
        /// Whether it is the `async` form (its documentation says where the call runs).
        let asyncNote: Bool
        /// The `- Throws:` text.
        let throwsText: String
        /// The C symbol of the function it calls.
        let cName: String
        /// Its name.
        let name: String
        /// Its parameter list.
        let parameters: String
        /// Its effects clause (` throws`, ` async throws`).
        let effects: String
        /// Its result type.
        let result: String
        /// Its one statement.
        let body: String
    }

    /// The file's first line.
    let header: String
    /// The bindings module the functions extend (re-exported with the documents' module).
    let module: String
    /// The extensions.
    let owners: [Owner]

    /// The view of `functions` extending `module`, in the order of their first owner.
    init(_ functions: [XMLDocumentFunction], header: String, module: String) {
        self.header = header
        self.module = module
        var order: [String] = []
        var byOwner: [String: [XMLDocumentFunction]] = [:]
        for function in functions {
            if byOwner[function.owner] == nil { order.append(function.owner) }
            byOwner[function.owner, default: []].append(function)
        }
        owners = order.map { owner in
            var functions = byOwner[owner, default: []].flatMap(Self.functions)
            functions[0].first = true
            return Owner(owner: owner, functions: functions)
        }
    }

    /// The declarations of one counterpart: the synchronous one, and its `async` form, which
    /// calls the bound function's `async` form (off the cooperative pool).
    private static func functions(_ function: XMLDocumentFunction) -> [Function] {
        let arguments = function.parameters.map { parameter in
            let value = parameter.name == function.documentParameter ? "description.xmlString()" : parameter.name
            return parameter.label == "_" ? value : "\(parameter.label): \(value)"
        }.joined(separator: ", ")
        let call = function.functionIsProperty ? function.function : "\(function.function)(\(arguments))"
        // A throwing property's `async` form is a method.
        let asyncCall = function.functionIsProperty ? "\(function.function)()" : call
        let parameters = function.parameters.map { parameter in
            parameter.name == function.documentParameter ? "_ description: \(function.documentType)" : parameter.declaration
        }.joined(separator: ", ")
        let labels = function.parameters.map { "\($0.label):" }.joined()
        let symbol = "`\(function.owner).\(function.function)\(function.functionIsProperty ? "" : "(\(labels))")`"
        let summary: String
        let result: String
        let bodies: (String, String)
        var failures = "`LibvirtError` when libvirt reports a failure"
        switch function.role {
        case .describe:
            summary = "The document \(symbol) returns, typed as a `\(function.documentType)`."
            result = function.documentType
            bodies = ("try \(function.documentType)(xml: \(call))", "try await \(function.documentType)(xml: \(asyncCall))")
            failures += ", or `LibvirtXMLError` when the document is not well-formed"
        case .define:
            summary = "\(symbol) with a typed document."
            result = function.functionResult?.spelling ?? "Void"
            bodies = ("try \(call)", "try await \(call)")
        }
        let synchronous = Function(
            first: false, summary: summary, asyncNote: false, throwsText: failures + ".", cName: function.cName,
            name: function.name, parameters: parameters, effects: " throws", result: result, body: bodies.0)
        let asynchronous = Function(
            first: false, summary: summary, asyncNote: true,
            throwsText: failures + ", or `CancellationError` when the task is cancelled before the call starts.",
            cName: function.cName, name: function.name, parameters: parameters, effects: " async throws", result: result,
            body: bodies.1)
        return [synchronous, asynchronous]
    }
}
