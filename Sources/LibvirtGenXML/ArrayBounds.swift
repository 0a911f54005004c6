import LibvirtGenModel

/// Checks that every array bound in a type (`char field[VIR_UUID_BUFLEN]`) is a number or a macro the
/// file set defines: the generated C declarations use the bound as written.
enum ArrayBounds {
    /// Throws at the declaration whose type names a bound nothing defines.
    static func check(_ apis: [CAPI]) throws {
        let macros = Set(apis.flatMap(\.macros).map(\.name))
        func check(_ type: String, of what: String, at location: SourceLocation) throws {
            guard let open = type.firstIndex(of: "["), type.last == "]" else { return }
            let bound = String(type[type.index(after: open)..<type.index(before: type.endIndex)])
            guard Int(bound) != nil || macros.contains(bound) else {
                throw DiagnosticError("array bound '\(bound)' of \(what) is neither a number nor a macro", at: location)
            }
        }
        func check(_ fields: [CField], in owner: CStruct) throws {
            for field in fields {
                try check(field.type, of: "field '\(field.name)' of '\(owner.name)'", at: owner.location)
                try check(field.unionMembers ?? [], in: owner)
            }
        }
        for api in apis {
            for function in api.functions + api.functypes {
                for arg in function.args {
                    try check(arg.type, of: "argument '\(arg.name)' of '\(function.name)'", at: function.location)
                }
            }
            for s in api.structs { try check(s.fields, in: s) }
            for declaration in api.typedefs + api.variables {
                try check(declaration.type, of: "'\(declaration.name)'", at: declaration.location)
            }
        }
    }
}
