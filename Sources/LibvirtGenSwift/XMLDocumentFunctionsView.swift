import LibvirtGenModel

/// What the `xml-document-functions` template interpolates: the typed counterparts grouped by
/// the type they extend, each with its declaration and the call it makes.
struct XMLDocumentFunctionsView {
    /// One extension.
    struct Owner {
        /// The type extended.
        let owner: String
        /// Its functions.
        let functions: [Function]
    }

    /// One counterpart.
    struct Function {
        /// Whether it is the extension's first (no blank line before it).
        let first: Bool
        /// The documentation's summary.
        let summary: String
        /// Whether it parses a document (and can throw `LibvirtXMLError`).
        let parses: Bool
        /// The C symbol of the function it calls.
        let cName: String
        /// Its name.
        let name: String
        /// Its parameter list.
        let parameters: String
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
            Owner(owner: owner, functions: byOwner[owner, default: []].enumerated().map { Self.function($1, first: $0 == 0) })
        }
    }

    /// The declaration and body of one counterpart.
    private static func function(_ function: XMLDocumentFunction, first: Bool) -> Function {
        let arguments = function.parameters.map { parameter in
            let value = parameter.name == function.documentParameter ? "description.xmlString()" : parameter.name
            return parameter.label == "_" ? value : "\(parameter.label): \(value)"
        }.joined(separator: ", ")
        let call = function.functionIsProperty ? function.function : "\(function.function)(\(arguments))"
        let parameters = function.parameters.map { parameter in
            parameter.name == function.documentParameter ? "_ description: \(function.documentType)" : parameter.declaration
        }.joined(separator: ", ")
        let symbol = function.functionIsProperty ? function.function : "\(function.function)(\(function.parameters.map { "\($0.label):" }.joined()))"
        switch function.role {
        case .describe:
            return Function(
                first: first, summary: "The document ``\(symbol)`` returns, typed as a `\(function.documentType)`.",
                parses: true, cName: function.cName, name: function.name, parameters: parameters,
                result: function.documentType, body: "try \(function.documentType)(xml: \(call))")
        case .define:
            return Function(
                first: first, summary: "``\(symbol)`` with a typed document.",
                parses: false, cName: function.cName, name: function.name, parameters: parameters,
                result: function.functionResult ?? "Void", body: "try \(call)")
        }
    }
}
