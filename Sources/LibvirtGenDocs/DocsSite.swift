import Foundation
import LibvirtGenModel
import LibvirtGenTemplating
import LibvirtGenTemplates

/// Renders the static documentation site from the binding model through the templates in `Templates/docs`.
///
/// Every page links relatively, so the site works from `file://` and from any static server; the
/// search page's script only enhances `symbols.html`, which lists every symbol without script.
public struct DocsSite: Sendable {
    /// The HTML templates.
    let templates: TemplateSet
    /// The folder holding the templates and the static assets.
    let folder: URL
    /// The static files copied verbatim.
    static let assets = ["style.css", "search.js"]

    /// Loads the templates built into the generator.
    public init() throws {
        try self.init(folder: TemplatesResource.docsTemplates)
    }

    /// Loads templates and assets from a folder.
    public init(folder: URL) throws {
        templates = try TemplateSet(folder: folder)
        self.folder = folder
    }

    /// The site's files, relative path → contents: the binding model's pages, with the C model's
    /// prototypes, versions and access checks of the functions.
    public func render(_ package: BindingPackage, apis: [CAPI]) throws -> [String: String] {
        let catalog = SiteCatalog(package)
        let cFunctions = Dictionary(
            apis.flatMap { $0.functions + $0.functypes }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [String: String] = [:]
        let frame = PageFrame(package: package, templates: templates)

        files["index.html"] = try frame.page(
            "Overview", root: "", body: try templates.render("landing", LandingView(package, catalog: catalog)))
        for module in package.modules {
            let view = ModuleView(module, catalog: catalog)
            files[SiteCatalog.moduleAddress(module.name)] = try frame.page(
                module.name, root: "../", body: try templates.render("module", view))
        }
        for page in catalog.pages {
            let members = MemberBuilder(cFunctions: cFunctions, markup: Markup(links: catalog.swiftLinks, root: "../"))
            let view = TypePageView(page, catalog: catalog, members: members)
            files[page.address] = try frame.page(page.fullName, root: "../", body: try templates.render("type", view))
        }
        if !package.xmlDocuments.isEmpty {
            let pages = XMLPages(package.xmlDocuments)
            files[XMLPages.moduleAddress] = try frame.page(
                "LibvirtXML", root: "../",
                body: try templates.render("xml-module", XMLModuleView(pages, version: package.libvirtVersion)))
            for document in package.xmlDocuments {
                files[XMLPages.address(document)] = try frame.page(
                    document.spec.type, root: "../", body: try templates.render("xml-document", XMLDocumentPageView(document, pages: pages)))
            }
        }
        for article in Article.all {
            let markdown = try templates.render(article.template, ["version": package.libvirtVersion])
            let body = try templates.render("article", ["body": MarkdownToHTML.render(markdown)])
            files[article.address] = try frame.page(article.title, root: "../", body: body)
        }
        let index = SymbolIndex(package, catalog: catalog)
        files["symbols.html"] = try frame.page(
            "C symbol index", root: "", body: try templates.render("symbols", ["rows": index.rows]))
        files["search.html"] = try frame.page("Search", root: "", body: try templates.render("search", [String: String]()))
        let json = try index.json()
        files["search-index.json"] = json + "\n"
        files["search-index.js"] = "window.LIBVIRT_SEARCH_INDEX = \(json);\n"
        for asset in Self.assets {
            files[asset] = try String(contentsOf: folder.appendingPathComponent(asset), encoding: .utf8)
        }
        return files
    }
}

/// Wraps page bodies in the shared layout (header, search box, navigation).
struct PageFrame {
    /// The package, for the version and module list.
    let package: BindingPackage
    /// The templates.
    let templates: TemplateSet

    /// A full HTML page; `root` leads from the page's folder to the site root.
    func page(_ title: String, root: String, body: String) throws -> String {
        try templates.render("layout", LayoutView(
            title: title, root: root, body: body, version: package.libvirtVersion,
            modules: package.modules.map { LinkView(title: $0.name, href: root + SiteCatalog.moduleAddress($0.name), note: nil) }
                + (package.xmlDocuments.isEmpty ? [] : [LinkView(title: "LibvirtXML", href: root + XMLPages.moduleAddress, note: nil)]),
            articles: Article.all.map { LinkView(title: $0.title, href: root + $0.address, note: nil) }))
    }
}

/// The `layout` template's view.
struct LayoutView: TemplateView {
    /// The page title.
    let title: String
    /// The prefix from the page to the site root.
    let root: String
    /// The rendered page body (HTML).
    let body: String
    /// The libvirt version the bindings describe.
    let version: String
    /// Navigation: the modules.
    let modules: [LinkView]
    /// Navigation: the articles.
    let articles: [LinkView]
}
