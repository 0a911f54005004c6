import LibvirtGenModel

/// Turns the element tree of one description file into a ``CAPI``.
struct APIReader {
    /// The file's path, for locations.
    let path: String

    /// Reads the `<api>` root.
    func read(root: XMLNode) throws -> CAPI {
        guard root.name == "api" else {
            throw DiagnosticError("expected an <api> root element, found <\(root.name)>", at: at(root))
        }
        var api = CAPI(name: try attribute("name", of: root), location: at(root))
        for section in root.children {
            switch section.name {
            case "files":
                api.files = try section.children.map(readFile)
            case "symbols":
                try readSymbols(section, into: &api)
            default:
                throw unknown(section, in: "api")
            }
        }
        return api
    }

    private func readFile(_ node: XMLNode) throws -> CHeaderFile {
        try expect(node, "file")
        var exports: [CExport] = []
        var summary = "", description = ""
        for child in node.children {
            switch child.name {
            case "summary": summary = child.text.trimmed
            case "description": description = child.text.trimmed
            case "exports":
                try expectChildren(of: child, in: [])
                exports.append(CExport(symbol: try attribute("symbol", of: child), kind: try attribute("type", of: child)))
            default: throw unknown(child, in: "file")
            }
        }
        return CHeaderFile(name: try attribute("name", of: node), summary: summary, description: description, exports: exports)
    }

    private func readSymbols(_ section: XMLNode, into api: inout CAPI) throws {
        for node in section.children {
            switch node.name {
            case "function": api.functions.append(try readFunction(node))
            case "functype": api.functypes.append(try readFunction(node))
            case "enum": api.enumValues.append(try readEnum(node))
            case "macro": api.macros.append(try readMacro(node))
            case "typedef": api.typedefs.append(try readTypedDeclaration(node))
            case "struct": api.structs.append(try readStruct(node))
            case "variable": api.variables.append(try readTypedDeclaration(node))
            default:
                throw unknown(node, in: "symbols")
            }
        }
    }

    private func readTypedDeclaration(_ node: XMLNode) throws -> CTypedDeclaration {
        try expectChildren(of: node, in: ["info"])
        return CTypedDeclaration(
            name: try identifier("name", of: node), file: node.attributes["file"] ?? "",
            type: try typeAttribute(of: node),
            version: try version(of: node), info: info(of: node), location: at(node))
    }

    private func readFunction(_ node: XMLNode) throws -> CFunction {
        var args: [CArg] = []
        var returnType = "void", returnInfo = ""
        var acls: [CACLCheck] = []
        for child in node.children {
            switch child.name {
            case "info": break
            case "return":
                try expectChildren(of: child, in: [])
                returnType = try typeAttribute(of: child)
                returnInfo = child.attributes["info"] ?? ""
            case "arg":
                try expectChildren(of: child, in: [])
                let name = try identifier("name", of: child)
                if args.contains(where: { $0.name == name }) {
                    throw DiagnosticError("duplicate argument '\(name)'", at: at(child))
                }
                args.append(CArg(name: name, type: try typeAttribute(of: child), info: child.attributes["info"] ?? ""))
            case "acls":
                acls = try child.children.map { check in
                    guard check.name == "check" || check.name == "filter" else { throw unknown(check, in: "acls") }
                    try expectChildren(of: check, in: [])
                    return CACLCheck(
                        kind: check.name, object: try attribute("object", of: check),
                        permission: try attribute("perm", of: check), flags: check.attributes["flags"])
                }
            default: throw unknown(child, in: node.name)
            }
        }
        return CFunction(
            name: try identifier("name", of: node), file: node.attributes["file"] ?? "",
            module: node.attributes["module"] ?? "", version: try version(of: node), info: info(of: node),
            returnType: returnType, returnInfo: returnInfo, args: args, acls: acls, location: at(node))
    }

    private func readEnum(_ node: XMLNode) throws -> CEnumValue {
        try expectChildren(of: node, in: [])
        let raw = try attribute("value", of: node)
        let bitshift = try node.attributes["value_bitshift"].map { text -> Int in
            guard let value = Int(text) else {
                throw DiagnosticError("invalid value_bitshift '\(text)'", at: at(node))
            }
            return value
        }
        return CEnumValue(
            name: try identifier("name", of: node), file: node.attributes["file"] ?? "", rawValue: raw,
            value: Int64(raw) ?? 0, bitshift: bitshift, type: try identifier("type", of: node),
            version: try version(of: node), info: node.attributes["info"] ?? "", location: at(node))
    }

    private func readMacro(_ node: XMLNode) throws -> CMacro {
        var params = node.attributes["params"].map { $0.split(separator: ",").map { String($0).trimmed } }
        for child in node.children {
            switch child.name {
            case "info": break
            case "arg":
                try expectChildren(of: child, in: [])
                let name = try identifier("name", of: child)
                if params == nil { params = [] }
                if !(params!.contains(name)) { params!.append(name) }
            default: throw unknown(child, in: "macro")
            }
        }
        return CMacro(
            name: try identifier("name", of: node), file: node.attributes["file"] ?? "",
            version: try version(of: node), info: info(of: node), stringValue: node.attributes["string"],
            rawValue: node.attributes["raw"], params: params, location: at(node))
    }

    private func readStruct(_ node: XMLNode) throws -> CStruct {
        var fields: [CField] = []
        for child in node.children {
            switch child.name {
            case "info": break
            case "field":
                let field = try readField(child)
                if fields.contains(where: { $0.name == field.name }) {
                    throw DiagnosticError("duplicate field '\(field.name)'", at: at(child))
                }
                fields.append(field)
            default: throw unknown(child, in: "struct")
            }
        }
        return CStruct(
            name: try identifier("name", of: node), file: node.attributes["file"] ?? "",
            type: try typeAttribute(of: node), version: try version(of: node), info: info(of: node),
            fields: fields, location: at(node))
    }

    private func readField(_ node: XMLNode) throws -> CField {
        var members: [CField]?
        for child in node.children {
            guard child.name == "union" else { throw unknown(child, in: "field") }
            members = try child.children.map { member in
                guard member.name == "field" else { throw unknown(member, in: "union") }
                return try readField(member)
            }
        }
        return CField(
            name: try identifier("name", of: node), type: try typeAttribute(of: node),
            info: node.attributes["info"] ?? "", unionMembers: members)
    }

    // MARK: helpers

    private func at(_ node: XMLNode) -> SourceLocation { SourceLocation(file: path, line: node.line) }

    private func info(of node: XMLNode) -> String { node.child(named: "info")?.text.trimmed ?? "" }

    private func expect(_ node: XMLNode, _ name: String) throws {
        guard node.name == name else { throw unknown(node, in: name + "s") }
    }

    private func attribute(_ name: String, of node: XMLNode) throws -> String {
        guard let value = node.attributes[name], !value.isEmpty else {
            throw DiagnosticError("<\(node.name)> lacks the '\(name)' attribute", at: at(node))
        }
        return value
    }

    /// An attribute naming a C declaration, checked to be a C identifier (letters, digits and `_`, not
    /// starting with a digit, not a keyword): the name is used in generated Swift and C code.
    private func identifier(_ name: String, of node: XMLNode) throws -> String {
        let value = try attribute(name, of: node)
        guard CTypeSyntax.isIdentifier(value), !CTypeSyntax.keywords.contains(value) else {
            throw DiagnosticError("invalid C identifier '\(value)' as the \(name) of <\(node.name)>", at: at(node))
        }
        return value
    }

    /// The `version` attribute, when there is one: numbers separated by dots (`9.0.0`); it is written
    /// into generated documentation and C string literals.
    private func version(of node: XMLNode) throws -> String? {
        guard let version = node.attributes["version"] else { return nil }
        // Dot-separated runs of one to nine ASCII digits, checked as bytes: a digit or a dot joined
        // to a combining mark is a byte that is neither, so it fails here as it fails as a character.
        let parts = version.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.count < 10 && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw DiagnosticError("invalid version '\(version)' of <\(node.name)>", at: at(node))
        }
        return version
    }

    /// Throws unless every child of `node` is one of the elements named.
    private func expectChildren(of node: XMLNode, in allowed: Set<String>) throws {
        if let other = node.children.first(where: { !allowed.contains($0.name) }) {
            throw unknown(other, in: node.name)
        }
    }

    /// A `type` attribute, checked to be a C type expression.
    private func typeAttribute(of node: XMLNode) throws -> String {
        let type = try attribute("type", of: node)
        guard CTypeSyntax.isValid(type) else {
            throw DiagnosticError("invalid C type '\(type)' in <\(node.name)>", at: at(node))
        }
        return type
    }

    private func unknown(_ node: XMLNode, in parent: String) -> DiagnosticError {
        DiagnosticError("unexpected element <\(node.name)> in <\(parent)>", at: at(node))
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
