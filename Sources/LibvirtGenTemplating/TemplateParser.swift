// Reads a Mustache template into nodes, once, when the template set loads.
//
// The dialect is the part of Mustache (as swift-mustache 2 reads it) the repository's templates
// use: variables (`{{name}}`, `{{{name}}}`, `{{&name}}`), sections and inverted sections with the
// `empty(name)` and sequence (`first()`, `last()`) transforms, comments, partials and the
// `{{% CONTENT_TYPE: TEXT}}` pragma. Lines holding only a section tag, a comment, a partial or the
// pragma ("standalone") vanish with their line break; a standalone partial indents the lines it
// renders by the whitespace before it. Anything else is an error naming the template and line.

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text copied as it is.
    case text([UInt8])
    /// A value looked up by name; HTML-escaped where the content type is HTML and `escaped`.
    case variable(TemplateName, escaped: Bool)
    /// A section (rendered for a true, non-empty or present value; once per element of a list) or
    /// an inverted section (rendered for a false, empty or missing value).
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// Another template of the set, with the indentation of a standalone partial tag.
    case partial(name: String, indentation: [UInt8]?)
    /// Switches the rest of the template to text (no escaping) or HTML.
    case contentType(html: Bool)
}

/// A name as a tag spells it: the dotted path and the transforms applied to its value.
struct TemplateName: Sendable, Equatable {
    /// The path's components (`["doc", "lines"]`); `["."]` for the current value, empty for the
    /// sequence position of `first()` and `last()`.
    var path: [String]
    /// Whether the path starts with a dot, which looks in the current value only.
    var anchored: Bool
    /// The transforms, outermost first (`empty`, `last`).
    var transforms: [String]
}

/// Why a template does not parse, with the 1-based line.
struct TemplateSyntaxError: Error {
    /// What is wrong.
    var message: String
    /// The line it is on.
    var line: Int
}

/// Parses one template.
struct TemplateParser {
    /// The transforms the renderer knows, by the values they apply to.
    static let transforms: Set<String> = ["empty", "first", "last"]

    /// The template's UTF-8 bytes.
    private let bytes: [UInt8]
    /// The read position.
    private var position = 0

    /// Parses `text` into nodes.
    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.block(closing: nil, atLineStart: true)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads nodes up to the end, or up to the closing tag of the section `closing`.
    private mutating func block(closing: TemplateName?, atLineStart: Bool) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var lineStart = atLineStart
        var indentation: [UInt8] = []
        while position < bytes.count {
            if lineStart { indentation = read(while: { $0 == .space || $0 == .tab }) }
            let text = readText()
            if position < bytes.count, bytes[position] == .newline {
                position += 1
                nodes.append(.text(indentation + text + [.newline]))
                lineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(indentation + text))
                indentation = []
                lineStart = false
            }
            guard position < bytes.count else { break }
            position += 2   // the opening braces
            /// Emits the indentation before a tag that is not alone on its line.
            func keepIndentation() {
                if !indentation.isEmpty { nodes.append(.text(indentation)) }
                indentation = []
            }
            var standalone = false
            switch bytes.at(position) {
            case .hash, .caret:
                let inverted = bytes[position] == .caret
                position += 1
                let name = try tagName()
                standalone = lineStart && finishesLine()
                if !standalone { keepIndentation() }
                let body = try block(closing: name, atLineStart: standalone)
                nodes.append(.section(name, inverted: inverted, body: body))
            case .slash:
                position += 1
                let name = try tagName()
                guard name == closing else { throw error("a closing tag that closes no open section") }
                if lineStart && finishesLine() { return nodes }
                keepIndentation()
                return nodes
            case .bang:
                guard let end = find([.closeBrace, .closeBrace], from: position) else { throw error("an unfinished comment") }
                position = end + 2
                standalone = lineStart && finishesLine()
            case .openBrace:
                keepIndentation()
                position += 1
                let name = try tagName()
                guard bytes.at(position) == .closeBrace else { throw error("an unescaped variable without its third brace") }
                position += 1
                nodes.append(.variable(name, escaped: false))
            case .ampersand:
                keepIndentation()
                position += 1
                nodes.append(.variable(try tagName(), escaped: false))
            case .greaterThan:
                position += 1
                skipWhitespace()
                let name = String(decoding: read(while: \.isPartialNameByte), as: UTF8.self)
                skipWhitespace()
                try closeTag()
                if !indentation.isEmpty { nodes.append(.text(indentation)) }
                standalone = lineStart && finishesLine()
                nodes.append(.partial(name: name, indentation: standalone ? indentation : nil))
                indentation = []
            case .percent:
                position += 1
                nodes.append(.contentType(html: try contentType()))
                standalone = lineStart && finishesLine()
            case .equals, .lessThan, .dollar:
                throw error("a tag these templates do not use (delimiters, inheritance, blocks)")
            default:
                keepIndentation()
                nodes.append(.variable(try tagName(), escaped: true))
            }
            lineStart = standalone
        }
        if closing != nil { throw error("a section that is never closed") }
        return nodes
    }

    /// Reads text up to a line break, an opening tag or the end.
    private mutating func readText() -> [UInt8] {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == .newline || (byte == .openBrace && bytes.at(position + 1) == .openBrace) { break }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// Whether only spaces and tabs follow up to a line break (consumed) or the end.
    private mutating func finishesLine() -> Bool {
        if position >= bytes.count { return true }
        var end = position
        while end < bytes.count, bytes[end] == .space || bytes[end] == .tab { end += 1 }
        guard end < bytes.count, bytes[end] == .newline else { return false }
        position = end + 1
        return true
    }

    /// Reads a tag's name with its transforms, and the closing braces.
    private mutating func tagName() throws(TemplateSyntaxError) -> TemplateName {
        skipWhitespace()
        var spelled = String(decoding: read(while: \.isNameByte), as: UTF8.self)
        skipWhitespace()
        try closeTag()
        var transforms: [String] = []
        while let open = spelled.firstIndex(of: "(") {
            guard spelled.hasSuffix(")") else { throw error("a malformed transform in '\(spelled)'") }
            let transform = String(spelled[..<open])
            guard Self.transforms.contains(transform) else { throw error("the unknown transform '\(transform)'") }
            transforms.append(transform)
            spelled = String(spelled[spelled.index(after: open)..<spelled.index(before: spelled.endIndex)])
        }
        if spelled == "." { return TemplateName(path: ["."], anchored: false, transforms: transforms) }
        let anchored = spelled.hasPrefix(".")
        return TemplateName(path: spelled.split(separator: ".").map(String.init), anchored: anchored, transforms: transforms)
    }

    /// Reads `CONTENT_TYPE: TEXT` or `HTML` and the closing braces; true for HTML.
    private mutating func contentType() throws(TemplateSyntaxError) -> Bool {
        skipWhitespace()
        let key = String(decoding: read(while: \.isNameByte), as: UTF8.self)
        skipWhitespace()
        guard key == "CONTENT_TYPE", bytes.at(position) == .colon else { throw error("a pragma other than CONTENT_TYPE") }
        position += 1
        skipWhitespace()
        let value = String(decoding: read(while: \.isNameByte), as: UTF8.self)
        skipWhitespace()
        try closeTag()
        guard value == "TEXT" || value == "HTML" else { throw error("the content type '\(value)'") }
        return value == "HTML"
    }

    /// Consumes the closing braces of a tag.
    private mutating func closeTag() throws(TemplateSyntaxError) {
        guard bytes.at(position) == .closeBrace, bytes.at(position + 1) == .closeBrace else {
            throw error("a tag that does not end in '}}'")
        }
        position += 2
    }

    /// Skips whitespace inside a tag.
    private mutating func skipWhitespace() {
        _ = read(while: { $0 == .space || $0 == .tab || $0 == .newline })
    }

    /// Reads bytes while `accept` holds.
    private mutating func read(while accept: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while position < bytes.count, accept(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    /// The first position of `needle` at or after `start`.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// An error at the current line.
    private func error(_ what: String) -> TemplateSyntaxError {
        TemplateSyntaxError(message: what, line: bytes[..<min(position, bytes.count)].count { $0 == .newline } + 1)
    }
}

extension [UInt8] {
    /// The byte at `index`, or nil past the end.
    fileprivate func at(_ index: Int) -> UInt8? { index < count ? self[index] : nil }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let hash = UInt8(ascii: "#")
    static let caret = UInt8(ascii: "^")
    static let slash = UInt8(ascii: "/")
    static let bang = UInt8(ascii: "!")
    static let ampersand = UInt8(ascii: "&")
    static let greaterThan = UInt8(ascii: ">")
    static let lessThan = UInt8(ascii: "<")
    static let percent = UInt8(ascii: "%")
    static let equals = UInt8(ascii: "=")
    static let dollar = UInt8(ascii: "$")
    static let colon = UInt8(ascii: ":")

    /// A byte of a tag's name: letters, digits, `.`, `-`, `_`, `?`, `*` and transform parentheses.
    fileprivate var isNameByte: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")")].contains(self)
        }
    }

    /// A byte of a partial's name: a name byte or `/`.
    fileprivate var isPartialNameByte: Bool { isNameByte || self == UInt8(ascii: "/") }
}
