import LibvirtGenModel

/// Reads a `#define` from its source text: parameters, string value or raw replacement text, and
/// the `Since:` tag of the comment before it. Include guards, reserved names (`__…`) and libvirt's
/// attribute macros are not API and give nil.
struct MacroReader {
    /// The headers' text.
    let text: HeaderText

    /// The macro `node` defines, or nil when it is not part of the API.
    func macro(_ node: ClangNode, group: String) -> CMacro? {
        guard !node.name.hasPrefix("__"), !CTypeSpelling.attributeMacros.contains(node.name), !isIncludeGuard(node)
        else { return nil }
        let nameEnd = node.nameOffset + node.name.utf8.count
        var body = Substring(definition(after: nameEnd, in: node.file))
        var params: [String]?
        // A function-like macro's `(` follows its name directly; `VIR_UUID_BUFLEN (16)` is a value.
        if text.text(node.file, nameEnd..<(nameEnd + 1)) == "(", let close = body.firstIndex(of: ")") {
            params = body[body.index(after: body.startIndex)..<close].split(separator: ",").map { $0.trimmingSpaces }
            body = body[body.index(after: close)...]
        }
        let value = body.trimmingSpaces
        let isString = value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"")
        let lineStart = text.lineStart(node.file, node.nameOffset)
        let doc = DocComment(text.commentBefore(node.file, lineStart)?.text)
        return CMacro(
            name: node.name, file: group, version: doc.version, info: doc.text,
            stringValue: isString ? String(value.dropFirst().dropLast()) : nil, rawValue: isString ? nil : value,
            params: params, location: SourceLocation(file: node.file, line: node.line))
    }

    /// The text from `offset` to the end of the definition, continued lines joined with one space.
    private func definition(after offset: Int, in file: String) -> String {
        var lines: [String] = []
        var start = offset
        while true {
            let end = text.lineEnd(file, start)
            let line = text.text(file, start..<end).trimmingSpaces
            guard line.hasSuffix("\\"), end > start else {
                lines.append(line)
                break
            }
            lines.append(String(line.dropLast()).trimmingSpaces)
            start = end + 1
        }
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Whether the macro is defined empty right after an `#ifndef` of its own name.
    private func isIncludeGuard(_ node: ClangNode) -> Bool {
        let lineStart = text.lineStart(node.file, node.nameOffset)
        let definition = text.text(node.file, node.nameOffset..<text.lineEnd(node.file, node.nameOffset))
        guard definition.trimmingSpaces == node.name, lineStart > 0 else { return false }
        let previous = text.text(node.file, text.lineStart(node.file, lineStart - 1)..<(lineStart - 1))
        return previous.filter { !$0.isWhitespace } == "#ifndef" + node.name
    }
}
