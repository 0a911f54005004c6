/// The hand-written articles, written once in Markdown (the template `article-<slug>.md`, with the
/// libvirt version interpolated): the site renders them to HTML (`MarkdownToHTML`), the DocC
/// catalog takes them with its own references for the site's links (`DocCCatalog`).
struct Article: Sendable {
    /// The file name without `.html`, and the template suffix.
    let slug: String
    /// The title.
    let title: String
    /// One line saying what it covers.
    let summary: String

    /// The site-relative address.
    var address: String { "articles/\(slug).html" }

    /// The template that holds the article's Markdown.
    var template: String { "article-\(slug).md" }

    /// Every article, in reading order.
    static let all = [
        Article(slug: "getting-started", title: "Getting started",
                summary: "Add the package, open a connection, list and manage domains."),
        Article(slug: "memory-management", title: "Memory management",
                summary: "Who frees what: handle classes, strings, arrays and typed parameters."),
        Article(slug: "errors", title: "Errors",
                summary: "LibvirtError, its codes, and how failures are detected."),
        Article(slug: "events-and-streams", title: "Events and streams",
                summary: "AsyncStream events, the event loop, and reading and writing streams."),
        Article(slug: "threading", title: "Threading",
                summary: "Sendable handles, the async API and its thread pool, cancellation, the event-loop thread."),
        Article(slug: "xml-documents", title: "XML documents",
                summary: "Typed, lossless domain, network, storage and other documents generated from libvirt's schemas."),
        Article(slug: "regenerating", title: "Regenerating for a new libvirt version",
                summary: "Point the generator at a new API description, check coverage, adjust the overrides."),
    ]

    /// The article to read alongside a type's page, by the type's qualified Swift name or kind.
    static func related(to page: TypePage) -> Article? {
        let slug: String? = switch page.fullName {
        case "LibvirtError", "LibvirtError.Code", "LibvirtError.ErrorDomain", "LibvirtError.Level": "errors"
        case "DataStream": "events-and-streams"
        case "Connection", "Domain": "getting-started"
        default: page.kindName == "events" ? "events-and-streams" : nil
        }
        return all.first { $0.slug == slug }
    }
}
