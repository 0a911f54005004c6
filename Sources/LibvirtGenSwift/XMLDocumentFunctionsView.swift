import LibvirtGenModel

/// What the `xml-document-functions` template interpolates: the typed counterparts grouped by
/// the type they extend, each with its declaration and the call it makes.
struct XMLDocumentFunctionsView {
    /// One extension.
    struct Owner {
        let owner: String
        let functions: [Function]
    }

    /// One counterpart.
    struct Function {
        let first: Bool
        let summary: String
        let parses: Bool
        let cName: String
        let name: String
        let parameters: String
        let result: String
        let body: String
    }

    let header: String
    let owners: [Owner]

    /// The view of `functions`, in the order of their first owner.
    init(_ functions: [XMLDocumentFunction], header: String) {
        self.header = header
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
