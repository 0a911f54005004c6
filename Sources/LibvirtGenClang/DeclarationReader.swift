import Foundation
import LibvirtGenModel

/// Turns the declarations libclang found in one header into model values, reading types and
/// comments from the text as written.
struct DeclarationReader {
    /// The headers' text.
    let text: HeaderText
    /// Struct definitions by tag (`_virDomainInfo`), from every header.
    let structDefinitions: [String: ClangNode]
    /// Enum definitions, for typedefs whose enum libclang reports beside them.
    let enumDefinitions: [ClangNode]

    /// Adds what `node` declares to `api`.
    func read(_ node: ClangNode, into api: inout CAPI) {
        let group = Self.group(of: node.file)
        switch node.kind {
        case .function:
            api.functions.append(function(node, returnType: spell(node, upTo: node.nameOffset), group: group))
        case .typedef:
            readTypedef(node, group: group, into: &api)
        case .variable:
            let doc = comment(before: node)
            api.variables.append(CVariable(
                name: node.name, file: group, type: spell(node, upTo: node.nameOffset), version: doc.version,
                info: doc.text, location: location(node)))
        case .macro:
            if let macro = MacroReader(text: text).macro(node, group: group) { api.macros.append(macro) }
        case .structDeclaration, .unionDeclaration, .enumDeclaration, .field, .enumConstant, .parameter:
            break  // read through the typedefs that name them
        }
    }

    /// The header group a file belongs to: its name without `.h`.
    static func group(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    private func readTypedef(_ node: ClangNode, group: String, into api: inout CAPI) {
        let doc = comment(before: node)
        let aliased = spell(node, upTo: node.nameOffset).dropPrefix("typedef ")
        if let definition = enumDefinition(in: node) {
            api.typedefs.append(CTypedef(
                name: node.name, file: group, type: "enum", version: doc.version, info: doc.text, location: location(node)))
            api.enumValues += enumValues(definition, type: node.name, group: group)
        } else if node.children.contains(where: { $0.kind == .parameter }) || aliased.contains("(") {
            let returnType = String(aliased.prefix { $0 != "(" }).trimmingSpaces
            var functype = function(node, returnType: returnType, group: group)
            functype.version = doc.version
            functype.info = doc.text
            api.functypes.append(functype)
        } else if aliased.hasPrefix("struct "), !aliased.contains("*") {
            let tag = String(aliased.dropFirst("struct ".count))
            api.structs.append(CStruct(
                name: node.name, file: group, type: aliased, version: doc.version, info: doc.text,
                fields: structDefinitions[tag].map(fields) ?? [], location: location(node)))
        } else {
            api.typedefs.append(CTypedef(
                name: node.name, file: group, type: aliased, version: doc.version, info: doc.text, location: location(node)))
        }
    }

    private func function(_ node: ClangNode, returnType: String, group: String) -> CFunction {
        let args = node.children.filter { $0.kind == .parameter }.enumerated().map { index, parameter in
            CArg(
                name: parameter.name.isEmpty ? "arg\(index + 1)" : parameter.name,
                type: spell(parameter, upTo: parameter.name.isEmpty ? parameter.end : parameter.nameOffset), info: "")
        }
        return CFunction(
            name: node.name, file: group, module: group, version: nil, info: "", returnType: returnType,
            returnInfo: "", args: args, acls: [], location: location(node))
    }

    /// The enum a typedef names: its child, or the definition libclang reports beside it within its extent.
    private func enumDefinition(in node: ClangNode) -> ClangNode? {
        node.children.first { $0.kind == .enumDeclaration }
            ?? enumDefinitions.first { $0.file == node.file && $0.start >= node.start && $0.end <= node.end }
    }

    private func enumValues(_ definition: ClangNode, type: String, group: String) -> [CEnumValue] {
        let constants = definition.children.filter { $0.kind == .enumConstant }
        return constants.enumerated().map { index, constant in
            let next = index + 1 < constants.count ? constants[index + 1].start : definition.end
            let doc = DocComment(comment(of: constant, after: index > 0 ? constants[index - 1] : nil, before: next))
            let bitshift = bitshift(of: constant)
            // Written `1 << 31`, the value is 2^31 as libvirt's XML says, not the `int` clang computes.
            let value = bitshift.map { Int64(1) << $0 } ?? constant.value ?? 0
            return CEnumValue(
                name: constant.name, file: group, rawValue: String(value), value: value,
                bitshift: bitshift, type: type, version: doc.version, info: doc.text,
                location: location(constant))
        }
    }

    /// An enum constant's comment: the one starting on its line after it, else the one on the lines
    /// just before it (unless that one trails the previous constant), else the first before `limit`.
    private func comment(of constant: ClangNode, after previous: ClangNode?, before limit: Int) -> String? {
        let file = constant.file
        if let trailing = text.firstComment(file, in: constant.end..<min(text.lineEnd(file, constant.end), limit)) {
            return trailing
        }
        if let leading = text.commentBefore(file, text.lineStart(file, constant.start)),
           previous.map({ text.lineStart(file, leading.start) != text.lineStart(file, $0.end) }) ?? true {
            return leading.text
        }
        return text.firstComment(file, in: constant.end..<limit)
    }

    /// N when the constant is written `1 << N` (parentheses, spaces and an unsigned suffix aside).
    private func bitshift(of constant: ClangNode) -> Int? {
        let written = text.text(constant.file, (constant.nameOffset + constant.name.utf8.count)..<constant.end)
        let compact = written.filter { !$0.isWhitespace && !"()=uU".contains($0) }
        guard compact.hasPrefix("1<<") else { return nil }
        return Int(compact.dropFirst(3))
    }

    private func fields(_ definition: ClangNode) -> [CField] {
        var unions: [ClangNode] = []
        return definition.children.compactMap { child in
            switch child.kind {
            case .unionDeclaration:
                unions.append(child)
                return nil
            case .field:
                let info = DocComment(text.firstComment(child.file, in: child.end..<text.lineEnd(child.file, child.end))).text
                if let union = unions.first(where: { $0.start >= child.start && $0.end <= child.end }) {
                    return CField(name: child.name, type: "union", info: info, unionMembers: fields(union))
                }
                return CField(name: child.name, type: fieldType(child), info: info)
            default:
                return nil
            }
        }
    }

    /// A field's type; arrays keep the name and bound as written (`char field[VIR_TYPED_PARAM_FIELD_LENGTH]`).
    private func fieldType(_ field: ClangNode) -> String {
        let type = spell(field, upTo: field.nameOffset)
        let rest = text.text(field.file, (field.nameOffset + field.name.utf8.count)..<field.end)
        guard let open = rest.firstIndex(of: "["), let close = rest.lastIndex(of: "]") else { return type }
        return "\(type) \(field.name)[\(rest[rest.index(after: open)..<close].filter { !$0.isWhitespace })]"
    }

    private func spell(_ node: ClangNode, upTo offset: Int) -> String {
        CTypeSpelling.spell(text.text(node.file, node.start..<max(offset, node.start)))
    }

    private func comment(before node: ClangNode) -> DocComment {
        DocComment(text.commentBefore(node.file, text.lineStart(node.file, node.start))?.text)
    }

    private func location(_ node: ClangNode) -> SourceLocation { SourceLocation(file: node.file, line: node.line) }
}

extension String {
    /// The string without `prefix`, when it starts with it.
    func dropPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
