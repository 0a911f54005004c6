import LibvirtGenModel

/// Checks array types (`char field[VIR_UUID_BUFLEN]`): only fields and arguments have them, the name
/// written in the type is the declaration's own, and the bound is a number of sensible size or a
/// macro the file set defines. The generated C declarations use the type as written.
enum ArrayBounds {
    /// The largest numeric bound accepted (libvirt's largest is 256).
    static let maximumBound = 1 << 20

    /// Throws at the declaration whose array type is not one C could declare.
    static func check(_ apis: [CAPI]) throws {
        let macros = Set(apis.flatMap(\.macros).map(\.name))
        func check(_ type: String, name: String?, of what: String, at location: SourceLocation) throws {
            // Most types hold no bracket: a byte search rules them out before the character search.
            guard type.containsByte(UInt8(ascii: "[")), let open = type.firstIndex(of: "[") else { return }
            guard let name else {
                throw DiagnosticError("\(what) cannot have an array type ('\(type)')", at: location)
            }
            let declared = type[..<open].split(whereSeparator: { $0 == " " || $0 == "*" }).last.map(String.init)
            guard declared == name else {
                throw DiagnosticError("the type '\(type)' of \(what) declares '\(declared ?? "")'", at: location)
            }
            let bound = String(type[type.index(after: open)..<type.index(before: type.endIndex)])
            guard Int(bound).map({ (1...maximumBound).contains($0) }) ?? macros.contains(bound) else {
                throw DiagnosticError(
                    "array bound '\(bound)' of \(what) is neither a number up to \(maximumBound) nor a macro",
                    at: location)
            }
        }
        func check(_ fields: [CField], in owner: CStruct) throws {
            for field in fields {
                try check(field.type, name: field.name, of: "field '\(field.name)' of '\(owner.name)'", at: owner.location)
                try check(field.unionMembers ?? [], in: owner)
            }
        }
        for api in apis {
            for function in api.functions + api.functypes {
                try check(function.returnType, name: nil, of: "the result of '\(function.name)'", at: function.location)
                for arg in function.args {
                    try check(arg.type, name: arg.name, of: "argument '\(arg.name)' of '\(function.name)'",
                              at: function.location)
                }
            }
            for s in api.structs { try check(s.fields, in: s) }
            for declaration in api.typedefs + api.variables {
                try check(declaration.type, name: nil, of: "'\(declaration.name)'", at: declaration.location)
            }
        }
    }
}
