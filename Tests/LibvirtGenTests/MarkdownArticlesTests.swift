@testable import LibvirtGenDocs
import Testing

/// The articles are written once, in Markdown: the site renders them to HTML, the DocC catalog
/// takes them with DocC references for the site's links.
@Suite("Markdown articles")
struct MarkdownArticlesTests {
    /// Blocks and inline forms map to their HTML; text is escaped.
    @Test(arguments: [
        ("# Errors", "<h1>Errors</h1>\n"),
        ("Every `Domain` & *all* of **them**.", "<p>Every <code>Domain</code> &amp; <em>all</em> of <strong>them</strong>.</p>\n"),
        ("# T\n\n## Part\n\nx\ny", "<h1>T</h1>\n<h2>Part</h2>\n<p>x\ny</p>\n"),
        ("- one\n- two\n  more\nand more\n\nafter", "<ul>\n  <li>one</li>\n  <li>two\nmore\nand more</li>\n</ul>\n<p>after</p>\n"),
        ("```swift\nlet a = b < c\n\n*x*\n```", "<pre><code>let a = b &lt; c\n\n*x*</code></pre>\n"),
        ("See [`Domain`](../types/Libvirt.Domain.html) and [the *index*](../symbols.html).",
         "<p>See <a href=\"../types/Libvirt.Domain.html\"><code>Domain</code></a> and <a href=\"../symbols.html\">the <em>index</em></a>.</p>\n"),
        ("`<disk>` [not a link] (x)", "<p><code>&lt;disk&gt;</code> [not a link] (x)</p>\n"),
    ])
    func html(markdown: String, html: String) {
        #expect(MarkdownToHTML.render(markdown) == html)
    }

    /// Site links become DocC references: types (nested ones with slashes), articles; other pages
    /// of the site lose their link; external links stay.
    @Test(arguments: [
        ("[`Domain`](../types/Libvirt.Domain.html)", "``Domain``"),
        ("[events](../types/Libvirt.Domain.Event.html#lifecycle)", "``Domain/Event``"),
        ("[`Domain`](../types/LibvirtQemu.Domain.html)", "`Domain`"),
        ("[Errors](errors.html)", "<doc:Errors>"),
        ("[the index](../symbols.html)", "the index"),
        ("[libvirt](https://libvirt.org)", "[libvirt](https://libvirt.org)"),
        ("a [b] c", "a [b] c"),
    ])
    func doccReferences(markdown: String, docc: String) {
        #expect(DocCCatalog.referencingDocC(markdown) == docc)
    }

    /// The catalog holds the landing page and one Markdown file per article, each with a title.
    @Test func catalogFiles() throws {
        let files = try DocCCatalog().render(Reference.package())
        #expect(files.keys.contains("Sources/Libvirt/Libvirt.docc/Libvirt.md"))
        for article in Article.all {
            let text = try #require(files["Sources/Libvirt/Libvirt.docc/\(article.doccName).md"])
            #expect(text.hasPrefix("# \(article.title)"), "\(article.doccName) starts with its title")
            #expect(!text.contains("](../"), "\(article.doccName) keeps no site link")
        }
    }

    /// Each article page of the site has its breadcrumb and its title as HTML.
    @Test func sitePages() throws {
        let pages = try ReferenceSite.pages()
        for article in Article.all {
            let page = try #require(pages[article.address])
            #expect(page.contains("<p class=\"breadcrumb\"><a href=\"../index.html\">Overview</a> › article</p>"))
            #expect(page.contains("<h1>\(article.title)</h1>"), "\(article.slug)")
        }
    }
}
