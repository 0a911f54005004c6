import Foundation

// Turning the binding model's documentation lines into HTML: sections, paragraphs, linked code spans.

/// A documentation comment split into the parts a member page shows separately.
struct DocSections: Sendable {
    /// The description's paragraphs, as source text (one string per paragraph).
    var paragraphs: [String] = []
    /// `- Parameter name: text` lines, as (name, text).
    var parameters: [(name: String, text: String)] = []
    /// The `- Returns:` text.
    var returns: String?
    /// The `- Throws:` text.
    var throwsText: String?
    /// The version from "Available since libvirt X.Y.Z.".
    var since: String?
    /// The C symbol from the "C symbol: `NAME`." line.
    var cSymbol: String?

    /// Splits documentation lines; the "C symbol:" line is dropped (pages show the symbol themselves).
    init(_ lines: [String]) {
        var paragraph: [String] = []
        /// Which list entry a continuation line extends: 0 parameter, 1 returns, 2 throws.
        var lastEntry: Int?
        /// Ends the paragraph being collected.
        func flush() {
            if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); lastEntry = nil; continue }
            if let rest = line.dropPrefix("- Parameter "), let colon = rest.firstIndex(of: ":") {
                flush()
                parameters.append((String(rest[..<colon]), rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
                lastEntry = 0
            } else if let rest = line.dropPrefix("- Returns:") {
                flush(); returns = rest.trimmingCharacters(in: .whitespaces); lastEntry = 1
            } else if let rest = line.dropPrefix("- Throws:") {
                flush(); throwsText = rest.trimmingCharacters(in: .whitespaces); lastEntry = 2
            } else if let rest = line.dropPrefix("C symbol: ") {
                flush(); lastEntry = nil
                cSymbol = rest.trimmingCharacters(in: CharacterSet(charactersIn: "`."))
            } else if let rest = line.dropPrefix("Available since libvirt ") {
                flush(); since = String(rest.hasSuffix(".") ? rest.dropLast() : rest[...]); lastEntry = nil
            } else if raw.hasPrefix("  "), let entry = lastEntry {
                switch entry {
                case 0: parameters[parameters.count - 1].text += " " + line
                case 1: returns? += " " + line
                default: throwsText? += " " + line
                }
            } else {
                paragraph.append(line)
            }
        }
        flush()
    }

    /// The description's sentence that says the symbol is deprecated, if any.
    var deprecation: String? {
        for paragraph in paragraphs where paragraph.lowercased().contains("deprecat") {
            let sentences = paragraph.split(separator: ". ", omittingEmptySubsequences: true)
            if let hit = sentences.first(where: { $0.lowercased().contains("deprecat") }) {
                return hit.hasSuffix(".") ? String(hit) : hit + "."
            }
        }
        return nil
    }
}

/// Converts documentation text to HTML, linking code spans that name documented Swift symbols.
struct Markup: Sendable {
    /// Swift symbol → site-relative address.
    let links: [String: String]
    /// The prefix from the current page to the site root (`""` or `"../"`).
    let root: String

    /// Inline HTML for one piece of text: escaped, with `code` spans (single or double backticks) as `<code>`.
    func inline(_ text: String) -> String {
        let parts = text.replacingOccurrences(of: "``", with: "`").split(separator: "`", omittingEmptySubsequences: false)
        var html = ""
        for (index, part) in parts.enumerated() {
            let piece = String(part)
            if index % 2 == 0 || index == parts.count - 1 && parts.count % 2 == 0 {
                html += (index % 2 == 0 ? "" : "`") + Markup.escape(piece)
            } else if let target = address(of: piece) {
                html += "<a href=\"\(Markup.escape(root + target))\"><code>\(Markup.escape(piece))</code></a>"
            } else {
                html += "<code>\(Markup.escape(piece))</code>"
            }
        }
        return html
    }

    /// The address of a code span's symbol, trying it as written and without a call suffix.
    func address(of symbol: String) -> String? {
        if let hit = links[symbol] { return hit }
        if symbol.hasSuffix("()"), let hit = links[String(symbol.dropLast(2))] { return hit }
        return nil
    }

    /// HTML-escapes text for element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Prefix matching for the documentation-line parser.
extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
