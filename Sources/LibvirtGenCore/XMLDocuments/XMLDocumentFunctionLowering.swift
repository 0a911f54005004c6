import LibvirtGenModel

/// Finds, for each typed document kind, the bound functions its overrides entry names, and
/// gives each a typed counterpart: an object's own document is `description(...)`, another
/// document is named after its type (`connection.capabilitiesDescription()`,
/// `domain.domainBackupDescription()`), a definition takes the document in place of its XML text.
public enum XMLDocumentFunctionLowering {
    /// The typed counterparts of the describe and define functions of `specs` bound in `package`.
    public static func lower(_ specs: [XMLDocumentSpec], in package: BindingPackage) -> [XMLDocumentFunction] {
        var bound: [String: (owner: String, function: BoundFunction)] = [:]
        for file in package.modules.flatMap(\.files) {
            guard let owner = file.owner else { continue }
            for function in file.functions where bound[function.cName] == nil { bound[function.cName] = (owner, function) }
        }
        var functions: [XMLDocumentFunction] = []
        for spec in specs {
            if let describe = spec.describe, let (owner, function) = bound[describe] {
                let name = spec.type == owner + "Description" ? "description" : spec.type.prefix(1).lowercased() + spec.type.dropFirst()
                functions.append(counterpart(.describe, owner: owner, name: name, spec: spec, function: function, document: nil))
            }
            if let define = spec.define, let (owner, function) = bound[define],
               let document = function.parameters.first(where: { $0.type == .named("String") && $0.name.lowercased().contains("xml") }) {
                functions.append(counterpart(.define, owner: owner, name: function.name, spec: spec, function: function, document: document.name))
            }
        }
        return functions
    }

    /// The counterpart of `function`.
    private static func counterpart(
        _ role: XMLDocumentFunction.Role, owner: String, name: String, spec: XMLDocumentSpec, function: BoundFunction,
        document: String?
    ) -> XMLDocumentFunction {
        XMLDocumentFunction(
            role: role, owner: owner, name: name, documentType: spec.type, cName: function.cName, function: function.name,
            functionIsProperty: function.kind == .property, parameters: function.parameters, documentParameter: document,
            functionResult: function.returnType)
    }
}
