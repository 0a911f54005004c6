import Foundation

/// Converts the small HTML subset the articles are written in (`h1`, `h2`, `p`, `ul`/`li`, `pre`,
/// `code`, `em`, `a`) to DocC Markdown, so that one text serves both the site and the DocC catalog.
struct HTMLToMarkdown {
    /// Turns a link into a DocC reference (``Symbol``, `<doc:Article>`), or nil to keep it as a URL link.
    let link: (_ href: String, _ text: String) -> String?

    /// A piece of the HTML: a tag (without its angle brackets) or text.
    private enum Piece {
        case tag(name: String, source: String)
        case text(String)
    }

    /// The Markdown for an HTML fragment.
    func convert(_ html: String) -> String {
        var out = ""
        var inPre = false
        var skipping = false
        var link: (href: String, text: String)?
        func emit(_ text: String) {
            if link != nil { link!.text += text } else { out += text }
        }
        for piece in pieces(html) {
            switch piece {
            case .text(let text):
                // Whitespace that only lays out the HTML source (between block tags) is not text.
                let layout = !inPre && text.contains("\n") && text.allSatisfy(\.isWhitespace)
                if !skipping && !layout { emit(text) }
            case .tag(let name, let source):
                // A paragraph with attributes is page chrome (the breadcrumb): skip it whole.
                if name == "p", source.contains("class=") { skipping = true; continue }
                if skipping { if name == "/p" { skipping = false }; continue }
                switch name {
                case "h1": out += "# "
                case "h2": out += "\n## "
                case "/h1", "/h2", "/p", "/ul": out += "\n\n"
                case "li": out += "- "
                case "/li": out += "\n"
                case "pre": out += "```swift\n"; inPre = true
                case "/pre": out += "\n```\n\n"; inPre = false
                case "code", "/code": if !inPre { emit("`") }
                case "em", "/em": emit("*")
                case "a": link = (Self.attribute("href", in: source) ?? "", "")
                case "/a":
                    if let (href, text) = link {
                        link = nil
                        out += self.link(href, text) ?? "[\(text)](\(href))"
                    }
                default: break
                }
            }
        }
        return Self.tidy(out)
    }

    /// Splits HTML into tags and entity-decoded text.
    private func pieces(_ html: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            if open > rest.startIndex { pieces.append(.text(Self.decode(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let source = String(rest[rest.index(after: open)..<close])
            pieces.append(.tag(name: String(source.prefix { $0 != " " }), source: source))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(Self.decode(rest))) }
        return pieces
    }

    /// The value of an attribute in a tag's source.
    static func attribute(_ name: String, in source: String) -> String? {
        guard let start = source.range(of: "\(name)=\"") else { return nil }
        let value = source[start.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }

    /// Text with HTML entities decoded.
    static func decode(_ text: Substring) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
            .reduce(String(text)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// Markdown without runs of blank lines or trailing spaces.
    static func tidy(_ markdown: String) -> String {
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
