import Foundation
import LibvirtGenModel
import LibvirtGenTemplating

/// One entry of the search index: a C name, its Swift name and where it is documented.
struct SearchEntry: Codable, Sendable {
    /// The C name.
    let c: String
    /// The Swift name (empty when the symbol is not exposed).
    let swift: String
    /// `function`, `enumValue`, `macro` or `type`.
    let kind: String
    /// The binding status (`generated`, `override`, ...).
    let status: String
    /// The site-relative address of its documentation, or nil when no page documents it.
    let url: String?
}

/// One row of the C-name index page.
struct IndexRow: TemplateView, Sendable {
    /// The C name.
    let cName: String
    /// The kind of symbol.
    let kind: String
    /// The Swift name, if any.
    let swift: String?
    /// The address of its documentation relative to the index page.
    let href: String?
    /// The binding status.
    let status: String
    /// Why it has this status, for symbols that are not generated.
    let reason: String?
    /// The libvirt version that introduced it.
    let since: String?
}

/// The C → Swift index: every function, enum value and macro, plus the type pages.
struct SymbolIndex: Sendable {
    /// The search entries, sorted by C name.
    let entries: [SearchEntry]
    /// The index page's rows, sorted by C name.
    let rows: [IndexRow]

    /// Builds the index from the package's symbol statuses and the catalog's addresses.
    init(_ package: BindingPackage, catalog: SiteCatalog) {
        let symbols = package.symbols.sorted { $0.name < $1.name }
        rows = symbols.map { symbol in
            IndexRow(
                cName: symbol.name, kind: symbol.kind.rawValue, swift: symbol.swift, href: catalog.cLinks[symbol.name],
                status: symbol.status.rawValue, reason: symbol.reason, since: symbol.since)
        }
        let symbolEntries = symbols.map { symbol in
            SearchEntry(
                c: symbol.name, swift: symbol.swift ?? "", kind: symbol.kind.rawValue, status: symbol.status.rawValue,
                url: catalog.cLinks[symbol.name])
        }
        let typeEntries = catalog.pages.map { page in
            SearchEntry(c: Self.cType(of: page) ?? "", swift: page.fullName, kind: "type", status: "generated", url: page.address)
        }
        let xmlEntries = XMLPages(package.xmlDocuments).searchEntries
        entries = (symbolEntries + typeEntries + xmlEntries).sorted { ($0.c, $0.swift) < ($1.c, $1.swift) }
    }

    /// The C type a page documents, where there is one.
    static func cType(of page: TypePage) -> String? {
        switch page.content {
        case .owner(let file): file.handle?.cType
        case .valueEnum(let item): item.cName
        case .optionSet(let item): item.cName
        case .structType(let item): item.cName
        case .keys, .statsView: nil
        case .events(let family): family.registerFunction
        }
    }

    /// The index as JSON (`search-index.json`).
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}
