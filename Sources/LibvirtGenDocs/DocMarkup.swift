import Foundation

// Turning the binding model's documentation into HTML: linked code spans.

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

/// Prefix matching for the Markdown reader.
extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
