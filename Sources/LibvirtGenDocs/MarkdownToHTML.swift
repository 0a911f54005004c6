/// Renders the Markdown subset the articles are written in to the site's HTML: `#` and `##`
/// headings, paragraphs, `-` lists (a line after an item continues it until a blank line), fenced
/// code blocks, and inline code spans, links, `*emphasis*` and `**strong**` text.
enum MarkdownToHTML {
    /// The HTML of a Markdown text.
    static func render(_ markdown: String) -> String {
        var html: [String] = []
        var paragraph: [String] = []
        var items: [String] = []
        var code: [String]?
        func flush() {
            if !paragraph.isEmpty { html.append("<p>\(inline(paragraph.joined(separator: "\n")))</p>") }
            if !items.isEmpty { html.append("<ul>\n" + items.map { "  <li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>") }
            paragraph = []
            items = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let block = code {
                if line == "```" {
                    html.append("<pre><code>" + Markup.escape(block.joined(separator: "\n")) + "</code></pre>")
                    code = nil
                } else {
                    code = block + [line]
                }
            } else if line.hasPrefix("```") {
                flush()
                code = []
            } else if line.isEmpty {
                flush()
            } else if let title = line.dropPrefix("# ") {
                flush()
                html.append("<h1>\(inline(String(title)))</h1>")
            } else if let title = line.dropPrefix("## ") {
                flush()
                html.append("<h2>\(inline(String(title)))</h2>")
            } else if let item = line.dropPrefix("- ") {
                if !paragraph.isEmpty { flush() }
                items.append(String(item))
            } else if !items.isEmpty {
                // A continuation line, indented or not (CommonMark's lazy continuation).
                items[items.count - 1] += "\n" + line.drop { $0 == " " }
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return html.joined(separator: "\n") + "\n"
    }

    /// Inline HTML: code spans, links (their text rendered inline too), strong and emphasised
    /// text; everything else escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        var strong = false
        var emphasis = false
        while let c = rest.first {
            if c == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                out += "<code>" + Markup.escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>"
                rest = rest[rest.index(after: end)...]
            } else if c == "[", let link = link(at: rest) {
                out += "<a href=\"\(Markup.escape(link.href))\">\(inline(link.text))</a>"
                rest = link.rest
            } else if rest.hasPrefix("**") {
                out += strong ? "</strong>" : "<strong>"
                strong.toggle()
                rest = rest.dropFirst(2)
            } else if c == "*" {
                out += emphasis ? "</em>" : "<em>"
                emphasis.toggle()
                rest = rest.dropFirst()
            } else {
                out += Markup.escape(String(c))
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// A `[text](href)` link at the start of `text`, with what follows it (the site's renderer and
    /// the DocC catalog's references read links alike).
    static func link(at text: Substring) -> (text: String, href: String, rest: Substring)? {
        guard let close = text.firstIndex(of: "]"), text[close...].dropFirst().first == "(",
              let end = text[close...].firstIndex(of: ")")
        else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let href = text[text.index(close, offsetBy: 2)..<end]
        return (String(label), String(href), text[text.index(after: end)...])
    }
}
