/// Renders parsed templates into one UTF-8 buffer.
///
/// The rules are swift-mustache 2's, which the templates were written against, so that the output
/// is the same byte for byte (`TemplateEngineTests` renders both ways): a name is looked up from
/// the innermost value outwards, and a value that is nil counts as missing, so the lookup goes on
/// outwards; a list section repeats per element, a Boolean section shows or hides, another present
/// value is entered; a partial starts in HTML and indents, by its standalone tag's whitespace, each
/// piece of output that starts a line within one rendering of a template or section body.
struct TemplateRenderer {
    /// Where a section over a list is, for `first()` and `last()`.
    struct SequencePosition {
        /// Whether the element is the first.
        var first: Bool
        /// Whether the element is the last.
        var last: Bool
    }

    /// The state one template or section body renders in.
    struct Context {
        /// The values entered, outermost first.
        var stack: [TemplateValue]
        /// The position in the list being repeated, when the innermost value is its element.
        var sequence: SequencePosition?
        /// The indentation of the partials being rendered (empty for none).
        var indentation: [UInt8]
        /// Whether variables are HTML-escaped.
        var html: Bool

        /// The context with `value` entered.
        func entering(_ value: TemplateValue, at sequence: SequencePosition? = nil) -> Context {
            var context = self
            context.stack.append(value)
            context.sequence = sequence
            return context
        }
    }

    /// The templates partials name.
    let templates: [String: [TemplateNode]]

    /// Renders `nodes` with `context` at the end of `output`.
    func render(_ nodes: [TemplateNode], _ context: Context, into output: inout [UInt8]) {
        var context = context
        let start = output.count
        for node in nodes {
            let mark = output.count
            render(node, &context, into: &output)
            if !context.indentation.isEmpty, output.count > mark, Self.endsLine(output, from: start, to: mark) {
                output.insert(contentsOf: context.indentation, at: mark)
            }
        }
    }

    /// Whether `output[start..<end]` ends with a line feed (not a CR LF pair, which is one
    /// character of its own).
    private static func endsLine(_ output: [UInt8], from start: Int, to end: Int) -> Bool {
        guard end > start, output[end - 1] == .newline else { return false }
        return end - 1 == start || output[end - 2] != UInt8(ascii: "\r")
    }

    /// Renders one node.
    private func render(_ node: TemplateNode, _ context: inout Context, into output: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookUp(name, in: context) else { return }
            let text = value.text
            if escaped && context.html { Self.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .section(let name, let inverted, let body):
            let value = lookUp(name, in: context)
            switch value {
            case .list(let elements)?:
                if inverted {
                    if elements.isEmpty { render(body, context.entering(value!), into: &output) }
                } else {
                    for (index, element) in elements.enumerated() {
                        let position = SequencePosition(first: index == 0, last: index == elements.count - 1)
                        render(body, context.entering(element, at: position), into: &output)
                    }
                }
            case .bool(let shown)?:
                if shown != inverted { render(body, context, into: &output) }
            case nil:
                if inverted { render(body, context, into: &output) }
            case let present?:
                if !inverted { render(body, context.entering(present), into: &output) }
            }
        case .partial(let name, let indentation):
            guard let nodes = templates[name] else { return }
            var partial = context
            partial.indentation += indentation ?? []
            partial.html = true
            partial.sequence = nil
            render(nodes, partial, into: &output)
        case .contentType(let html):
            context.html = html
        }
    }

    /// The value a name refers to, with its transforms applied; nil when missing.
    private func lookUp(_ name: TemplateName, in context: Context) -> TemplateValue? {
        if name.path.isEmpty {
            // `first()`, `last()`: the position in the list being repeated.
            guard let position = context.sequence, let transform = name.transforms.last, name.transforms.count == 1 else { return nil }
            switch transform {
            case "first": return .bool(position.first)
            case "last": return .bool(position.last)
            default: return nil
            }
        }
        var value: TemplateValue?
        if name.path.count == 1 && name.path[0] == "." {
            value = context.stack.last
        } else if name.anchored {
            value = context.stack.last.flatMap { follow(name.path[...], from: $0) }
        } else {
            for frame in context.stack.reversed() {
                if let found = frame.child(named: name.path[0]) {
                    value = follow(name.path.dropFirst(), from: found)
                    break
                }
            }
        }
        for transform in name.transforms.reversed() {
            guard let current = value else { return nil }
            value = Self.apply(transform, to: current)
        }
        return value
    }

    /// The value at `path` inside `value`.
    private func follow(_ path: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for component in path {
            guard let child = value.child(named: component) else { return nil }
            value = child
        }
        return value
    }

    /// A transform's result: `empty` of a string, list or dictionary; `first` and `last` of a
    /// list; nil for any other.
    private static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        switch (transform, value) {
        case ("empty", .string(let string)): .bool(string.isEmpty)
        case ("empty", .list(let elements)): .bool(elements.isEmpty)
        case ("empty", .dictionary(let dictionary)): .bool(dictionary.isEmpty)
        case ("first", .list(let elements)): elements.first
        case ("last", .list(let elements)): elements.last
        default: nil
        }
    }

    /// Appends `text` with `<`, `>`, `&`, `"` and `'` as HTML entities.
    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}
