import LibvirtGenModel
import LibvirtGenTemplating

/// A titled list of links.
struct LinkGroup: TemplateView, Sendable {
    /// The heading.
    let title: String
    /// The links.
    let links: [LinkView]
}

/// The `module` template's view: one module's types, grouped by kind.
struct ModuleView: TemplateView, Sendable {
    /// The Swift module name.
    let name: String
    /// The system-library module it imports.
    let cModule: String
    /// The pkg-config name of its C library.
    let pkgConfig: String
    /// The description file it was generated from.
    let sourceFile: String
    /// The modules it depends on, as links.
    let dependencies: [LinkView]
    /// How many C functions it binds.
    let functionCount: Int
    /// Its type pages by kind; empty kinds are left out.
    let groups: [LinkGroup]

    /// The view of a module; `catalog` supplies its pages.
    init(_ module: BindingModule, catalog: SiteCatalog) {
        name = module.name
        cModule = module.cModule
        pkgConfig = module.pkgConfig
        sourceFile = module.sourceFile
        dependencies = module.dependencies.map { LinkView(title: $0, href: "\($0).html", note: nil) }
        functionCount = module.files.reduce(0) { $0 + $1.functions.count }
        let pages = catalog.pages.filter { $0.module == module.name }
        let kinds = ["class", "extension", "events", "enum", "option set", "struct", "typed-parameter keys"]
        let titles = ["Classes", "Extensions", "Events", "Enums", "Option sets", "Structs", "Typed-parameter keys"]
        groups = zip(kinds, titles).compactMap { kind, title in
            let links = pages.filter { $0.kindName == kind }
                .map { LinkView(title: $0.fullName, href: "../" + $0.address, note: SymbolIndex.cType(of: $0)) }
            return links.isEmpty ? nil : LinkGroup(title: title, links: links)
        }
    }
}

/// The `landing` template's view.
struct LandingView: TemplateView, Sendable {
    /// The libvirt version the bindings describe.
    let version: String
    /// The modules with a count of their types and functions.
    let modules: [LinkView]
    /// The articles with their summaries.
    let articles: [LinkView]

    /// The view of the landing page.
    init(_ package: BindingPackage, catalog: SiteCatalog) {
        version = package.libvirtVersion
        modules = package.modules.map { module in
            let types = catalog.pages.filter { $0.module == module.name }.count
            let functions = module.files.reduce(0) { $0 + $1.functions.count }
            return LinkView(
                title: module.name, href: SiteCatalog.moduleAddress(module.name),
                note: "\(types) types, \(functions) bound functions")
        } + (package.xmlDocuments.isEmpty ? [] : [LinkView(
            title: "LibvirtXML", href: XMLPages.moduleAddress,
            note: "\(package.xmlDocuments.count) XML documents typed from libvirt's schemas")])
        articles = Article.all.map { LinkView(title: $0.title, href: $0.address, note: $0.summary) }
    }
}
