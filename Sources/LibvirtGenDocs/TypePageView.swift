import LibvirtGenModel
import LibvirtGenTemplating

/// A link as templates show it.
struct LinkView: TemplateView, Sendable {
    /// The link text.
    let title: String
    /// The address relative to the current page.
    let href: String
    /// A short note after the link (a kind, a summary).
    let note: String?
}

/// A titled group of members on a type page.
struct SectionView: TemplateView, Sendable {
    /// The heading.
    let title: String
    /// The members, in model order.
    let members: [MemberView]
}

/// The `type` template's view: one Swift type with its members.
struct TypePageView: TemplateView, Sendable {
    /// The qualified Swift name.
    let title: String
    /// The kind (`class`, `enum`, ...).
    let kind: String
    /// The module's name.
    let module: String
    /// The module page, relative to this page.
    let moduleHref: String
    /// The C type it wraps, if any.
    let cName: String?
    /// The overview paragraphs as HTML.
    let overview: [String]
    /// Member groups; empty groups are left out.
    let sections: [SectionView]
    /// Types nested in this one.
    let nestedTypes: [LinkView]
    /// The article to read alongside, if any.
    let article: LinkView?
    /// Whether the type itself is declared by the bindings' runtime rather than generated.
    let declaredByRuntime: Bool
    /// For an extension of a class another module declares: that class's page.
    let extended: LinkView?

    /// Builds the view of one page; `catalog` supplies nested types, `members` the member views.
    init(_ page: TypePage, catalog: SiteCatalog, members: MemberBuilder) {
        title = page.fullName
        kind = page.kindName
        module = page.module
        moduleHref = "../" + SiteCatalog.moduleAddress(page.module)
        let name = page.fullName
        var overviewDoc = Documentation()
        var groups: [(String, [MemberView])] = []
        switch page.content {
        case .owner(let file):
            cName = file.handle?.cPointerType
            let classPage = catalog.pages.first { $0.fullName == name && $0.kindName == "class" }
            extended = file.handle == nil
                ? classPage.map { LinkView(title: "\($0.module).\($0.fullName)", href: "../" + $0.address, note: nil) }
                : nil
            declaredByRuntime = file.handle == nil && classPage == nil
            overviewDoc = file.handle?.doc ?? Documentation()
            let functions = file.functions
            groups = [
                ("Initializers", functions.filter { $0.kind == .initializer }.map(members.function)),
                ("Properties", functions.filter { $0.kind == .property }.map(members.function)),
                ("Methods", functions.filter { $0.kind == .method }.map(members.function)),
                ("Type methods", functions.filter { $0.kind == .staticMethod }.map(members.function)),
                ("Constants", file.constants.map { members.constant($0, owner: name) }),
                ("Error patterns", file.errorPatterns.map { members.errorPattern($0, owner: name) }),
            ]
        case .valueEnum(let item):
            declaredByRuntime = false
            extended = nil
            cName = item.cName
            overviewDoc = item.doc
            groups = [
                ("Cases", item.cases.map { members.enumCase($0, owner: name, optionSet: false) }),
                ("Aliases", item.aliases.map { members.enumCase($0, owner: name, optionSet: false) }),
            ]
        case .optionSet(let item):
            declaredByRuntime = false
            extended = nil
            cName = item.cName
            overviewDoc = item.doc
            groups = [("Options", item.members.map { members.enumCase($0, owner: name, optionSet: true) })]
        case .structType(let item):
            declaredByRuntime = false
            extended = nil
            cName = item.cName
            overviewDoc = item.doc
            groups = [("Fields", item.fields.map { members.field($0, owner: name) })]
        case .keys(let item):
            declaredByRuntime = false
            extended = nil
            cName = nil
            overviewDoc = item.doc
            groups = [("Keys", item.keys.map { members.key($0, owner: name) })]
        case .statsView(let view):
            declaredByRuntime = false
            extended = nil
            cName = nil
            overviewDoc = Documentation(
                body: ["Statistics whose keys start with `\(view.keyPattern)`; each is nil where the record lacks it."])
            groups = [
                ("Statistics", view.fields.map { members.statistic($0, owner: name) }),
                ("Numbered entries", view.entries.map { members.statsEntries($0, owner: name) }),
            ]
        case .events(let family):
            declaredByRuntime = false
            extended = nil
            cName = family.registerFunction
            overviewDoc = Documentation(body: [
                "The events libvirt reports about a `\(family.objectType)`, delivered by "
                    + "`\(family.symbol)` as an `AsyncStream`.",
            ])
            groups = [
                ("Subscribing", members.eventMethods(family)),
                ("Cases", family.cases.map { members.eventCase($0, owner: name) }),
            ]
        }
        overview = overviewDoc.paragraphs.map(members.markup.inline)
        sections = groups.filter { !$0.1.isEmpty }.map { SectionView(title: $0.0, members: $0.1) }
        nestedTypes = catalog.pages
            .filter { $0.module == page.module && $0.fullName.hasPrefix(name + ".") && $0.fullName != name }
            .map { LinkView(title: $0.fullName, href: "../" + $0.address, note: $0.kindName) }
        article = Article.related(to: page).map { LinkView(title: $0.title, href: "../" + $0.address, note: $0.summary) }
    }
}
