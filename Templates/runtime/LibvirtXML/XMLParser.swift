/// Reads an XML document (UTF-8, no DTD) into its root element: names, attributes, text, CDATA,
/// comments and processing instructions are kept; whitespace between the elements of an element
/// that holds no other text is layout and is dropped (the writer lays it out again).
struct XMLParser {
    /// The document's bytes.
    private let bytes: [UInt8]
    /// The next byte to read.
    private var position = 0
    /// The line of `position`, from 1.
    private var line = 1
    /// The names of the elements being read, outermost first, for errors.
    private var path: [String] = []
    /// The deepest nesting read (libvirt's documents nest about ten levels), so that a hostile
    /// document is an error rather than a stack overflow.
    static let maximumDepth = 256

    /// Prepares to read `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Reads the document's root element.
    mutating func parseDocument() throws(LibvirtXMLError) -> RawXMLElement {
        skipProlog()
        guard peek(0) == UInt8(ascii: "<") else { throw error("the document holds no element") }
        let root = try parseElement()
        skipMisc()
        guard position == bytes.count else { throw error("content after the root element") }
        return root
    }

    // MARK: Structure

    /// Skips the XML declaration, comments, processing instructions, whitespace and a DOCTYPE.
    private mutating func skipProlog() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        while true {
            skipMisc()
            guard starts(with: "<!DOCTYPE") else { return }
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") { advance() }
            if position < bytes.count { advance() }
        }
    }

    /// Skips whitespace, comments and processing instructions outside the root element.
    private mutating func skipMisc() {
        while position < bytes.count {
            if isSpace(bytes[position]) {
                advance()
            } else if starts(with: "<?") {
                _ = try? read(until: "?>")
            } else if starts(with: "<!--") {
                _ = try? read(until: "-->")
            } else {
                return
            }
        }
    }

    /// Reads an element at `<`, with its content and end tag.
    private mutating func parseElement() throws(LibvirtXMLError) -> RawXMLElement {
        advance()
        let name = try readName()
        path.append(name)
        defer { path.removeLast() }
        guard path.count <= Self.maximumDepth else { throw error("elements nested deeper than \(Self.maximumDepth) levels") }
        var element = RawXMLElement(name: name)
        while true {
            skipSpace()
            guard let byte = peek(0) else { throw error("unexpected end of the document in the start tag") }
            if byte == UInt8(ascii: "/") {
                guard peek(1) == UInt8(ascii: ">") else { throw error("expected '>' after '/'") }
                position += 2
                return element
            }
            if byte == UInt8(ascii: ">") {
                advance()
                break
            }
            let attribute = try readName()
            guard !element.attributes.contains(where: { $0.name == attribute }) else {
                throw error("attribute '\(attribute)' given twice")
            }
            skipSpace()
            guard peek(0) == UInt8(ascii: "=") else { throw error("expected '=' after attribute '\(attribute)'") }
            advance()
            skipSpace()
            element.attributes.append(RawXMLAttribute(name: attribute, value: try readQuoted()))
        }
        try parseContent(of: &element)
        return element
    }

    /// Reads an element's content up to and including its end tag.
    private mutating func parseContent(of element: inout RawXMLElement) throws(LibvirtXMLError) {
        var onlyLayout = true
        var hasElements = false
        while true {
            guard position < bytes.count else { throw error("unexpected end of the document, expected </\(element.name)>") }
            if bytes[position] != UInt8(ascii: "<") {
                let text = try readText()
                onlyLayout = onlyLayout && text.utf8.allSatisfy(isSpace)
                element.children.append(.text(text))
            } else if starts(with: "</") {
                position += 2
                let name = try readName()
                guard name == element.name else { throw error("</\(name)> closes <\(element.name)>") }
                skipSpace()
                guard peek(0) == UInt8(ascii: ">") else { throw error("expected '>' in the end tag") }
                advance()
                break
            } else if starts(with: "<!--") {
                element.children.append(.comment(try read(until: "-->", skipping: 4)))
            } else if starts(with: "<![CDATA[") {
                element.children.append(.cdata(try read(until: "]]>", skipping: 9)))
                onlyLayout = false
            } else if starts(with: "<?") {
                let body = try read(until: "?>", skipping: 2)
                let target = body.prefix { !$0.isWhitespace }
                element.children.append(.processingInstruction(
                    target: String(target), data: String(body.dropFirst(target.count).drop { $0.isWhitespace })))
            } else {
                element.children.append(.element(try parseElement()))
                hasElements = true
            }
        }
        if hasElements && onlyLayout {
            element.children.removeAll { if case .text = $0 { true } else { false } }
        }
    }

    // MARK: Tokens

    /// Reads a name (letters, digits, `_`, `-`, `.`, `:` and non-ASCII bytes).
    private mutating func readName() throws(LibvirtXMLError) -> String {
        let start = position
        while let byte = peek(0), isNameByte(byte) { position += 1 }
        guard position > start else { throw error("expected a name") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Reads a quoted attribute value, resolving references.
    private mutating func readQuoted() throws(LibvirtXMLError) -> String {
        guard let quote = peek(0), quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
            throw error("expected a quoted attribute value")
        }
        advance()
        var value: [UInt8] = []
        while true {
            guard let byte = peek(0) else { throw error("unexpected end of the document in an attribute value") }
            if byte == quote { advance(); break }
            if byte == UInt8(ascii: "<") { throw error("'<' in an attribute value") }
            if byte == UInt8(ascii: "&") { value += try readReference() } else { value.append(byte); advance() }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Reads text up to the next `<`, resolving references.
    private mutating func readText() throws(LibvirtXMLError) -> String {
        var value: [UInt8] = []
        while let byte = peek(0), byte != UInt8(ascii: "<") {
            if byte == UInt8(ascii: "&") { value += try readReference() } else { value.append(byte); advance() }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Reads `&name;` or `&#N;` at `&`, returning the bytes it stands for.
    private mutating func readReference() throws(LibvirtXMLError) -> [UInt8] {
        advance()
        let start = position
        while let byte = peek(0), byte != UInt8(ascii: ";") {
            guard position - start < 12 else { throw error("unterminated reference") }
            advance()
        }
        guard peek(0) != nil else { throw error("unterminated reference") }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        advance()
        switch name {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let number: UInt32? = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            guard let number, let scalar = Unicode.Scalar(number) else { throw error("unknown reference '&\(name);'") }
            return Array(String(Character(scalar)).utf8)
        }
    }

    /// Reads past `prefix` bytes up to `terminator`, returning what lies between.
    private mutating func read(until terminator: String, skipping prefix: Int = 0) throws(LibvirtXMLError) -> String {
        position += prefix
        let start = position
        while position < bytes.count {
            if starts(with: terminator) {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += terminator.utf8.count
                return text
            }
            advance()
        }
        throw error("unexpected end of the document, expected '\(terminator)'")
    }

    // MARK: Bytes

    /// The byte `offset` ahead, or nil past the end.
    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    /// Moves one byte on, counting lines.
    private mutating func advance() {
        if bytes[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    /// Whether the bytes at `position` spell `text`.
    private func starts(with text: String) -> Bool {
        var index = position
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// Skips whitespace.
    private mutating func skipSpace() {
        while let byte = peek(0), isSpace(byte) { advance() }
    }

    /// An error at the current line and element.
    private func error(_ message: String) -> LibvirtXMLError {
        LibvirtXMLError(line: line, path: path, message: message)
    }
}

/// Whether `byte` is XML whitespace.
private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
}

/// Whether `byte` can be part of a name.
private func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF:
        true
    default:
        false
    }
}
