@testable import LibvirtGenDocs
import Testing

/// The articles are written once, in HTML, and converted to DocC Markdown for the catalog.
@Suite("HTML to DocC Markdown")
struct HTMLToMarkdownTests {
    /// The converter the catalog uses.
    var converter: HTMLToMarkdown { HTMLToMarkdown(link: DocCCatalog.reference) }

    /// Block and inline elements map to their Markdown forms; entities are decoded.
    @Test(arguments: [
        ("<h1>Errors</h1>", "# Errors\n"),
        ("<p>Every <code>Domain</code> &amp; <em>all</em>.</p>", "Every `Domain` & *all*.\n"),
        ("<h1>T</h1>\n<h2>Part</h2>\n<p>x</p>", "# T\n\n## Part\n\nx\n"),
        ("<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>", "- one\n- two\n"),
        ("<pre>let a = b &lt; c</pre>", "```swift\nlet a = b < c\n```\n"),
        ("<p class=\"breadcrumb\"><a href=\"../index.html\">Overview</a> › article</p><h1>T</h1>", "# T\n"),
    ])
    func converts(html: String, markdown: String) {
        #expect(converter.convert(html) == markdown)
    }

    /// Site links become DocC references: types (nested ones with slashes), articles; other pages
    /// of the site lose their link; external links stay.
    @Test(arguments: [
        ("<a href=\"../types/Libvirt.Domain.html\">Domain</a>", "``Domain``\n"),
        ("<a href=\"../types/Libvirt.Domain.Event.html#lifecycle\">events</a>", "``Domain/Event``\n"),
        ("<a href=\"../types/LibvirtQemu.Domain.html\">Domain</a>", "`Domain`\n"),
        ("<a href=\"errors.html\">Errors</a>", "<doc:Errors>\n"),
        ("<a href=\"../symbols.html\">the index</a>", "the index\n"),
        ("<a href=\"https://libvirt.org\">libvirt</a>", "[libvirt](https://libvirt.org)\n"),
    ])
    func links(html: String, markdown: String) {
        #expect(converter.convert(html) == markdown)
    }

    /// The catalog holds the landing page and one Markdown file per article, each with a title.
    @Test func catalogFiles() throws {
        let files = try DocCCatalog().render(Reference.package())
        #expect(files.keys.contains("Sources/Libvirt/Libvirt.docc/Libvirt.md"))
        for article in Article.all {
            let text = try #require(files["Sources/Libvirt/Libvirt.docc/\(article.doccName).md"])
            #expect(text.hasPrefix("# \(article.title)"), "\(article.doccName) starts with its title")
        }
    }
}
