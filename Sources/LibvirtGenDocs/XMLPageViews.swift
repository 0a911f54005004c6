import LibvirtGenModel
import LibvirtGenSwift
import LibvirtGenTemplating

/// The documentation site's pages for the typed XML documents: the module page listing the
/// document kinds, and a page per kind with a section per view mapping the schema's elements and
/// attributes to Swift properties.
struct XMLPages: Sendable {
    /// The module page's address.
    static let moduleAddress = "xml/index.html"

    /// The address of a document kind's page.
    static func address(_ document: XMLDocumentTypes) -> String {
        "xml/\(document.spec.type).html"
    }

    /// A view's anchor on its document's page.
    static func anchor(_ view: XMLViewType) -> String {
        view.path.joined(separator: ".")
    }

    /// Where each view is documented, by Swift path (a view reused by another document is
    /// documented once, on the page of the document that declares it).
    let viewAddresses: [String: String]
    /// The document kinds.
    let documents: [XMLDocumentTypes]

    /// The pages of `documents`.
    init(_ documents: [XMLDocumentTypes]) {
        self.documents = documents
        var addresses: [String: String] = [:]
        for document in documents {
            for view in document.views { addresses[Self.anchor(view)] = Self.address(document) + "#" + Self.anchor(view) }
        }
        viewAddresses = addresses
    }

    /// The search entries: each view under its element (`<disk>`) and Swift name.
    var searchEntries: [SearchEntry] {
        documents.flatMap(\.views).map { view in
            SearchEntry(
                c: "<\(view.elementName)>", swift: Self.anchor(view), kind: "xml", status: "generated",
                url: viewAddresses[Self.anchor(view)])
        }
    }
}

/// The `xml-module` template's view: the document kinds with their root elements.
struct XMLModuleView: TemplateView, Sendable {
    /// The libvirt release.
    let version: String
    /// The document kinds.
    let documents: [LinkView]

    /// The view of the module page.
    init(_ pages: XMLPages, version: String) {
        self.version = version
        documents = pages.documents.map { document in
            LinkView(
                title: document.spec.type, href: "../" + XMLPages.address(document),
                note: "<\(document.rootElement)>, \(document.spec.schema), \(document.views.count) views")
        }
    }
}

/// The `xml-document` template's view: one section per view, one row per property.
struct XMLDocumentPageView: TemplateView, Sendable {
    /// One property row.
    struct Row: TemplateView, Sendable {
        /// The XML it models (`<disk>`, `type` attribute, text).
        let xml: String
        /// The Swift property.
        let property: String
        /// Its Swift type.
        let type: String
        /// The address of the type's section, for views and named values.
        let href: String?
    }

    /// One view.
    struct Section: TemplateView, Sendable {
        /// Its anchor (Swift path).
        let anchor: String
        /// Its Swift path.
        let title: String
        /// Its element and where it is first reached.
        let element: String
        /// Its location in the document.
        let location: String
        /// For a variant's view: the attribute values selecting it (`type='file'`).
        let condition: String?
        /// The properties, then the cases of the view's variants.
        let rows: [Row]
        /// Its named-value types with their values.
        let namedValues: [String]
    }

    /// The document's Swift type.
    let title: String
    /// The schema file.
    let schema: String
    /// The root element.
    let rootElement: String
    /// The sections.
    let sections: [Section]

    /// The page of `document`; `pages` resolves views declared on other documents' pages.
    init(_ document: XMLDocumentTypes, pages: XMLPages) {
        title = document.spec.type
        schema = document.spec.schema
        rootElement = document.rootElement
        sections = document.views.map { view in
            let rows = view.properties.map { property in
                let xml = switch property.place {
                case .attribute: "\(property.xmlName) attribute"
                case .text: "text"
                case .child: "<\(property.xmlName)>"
                case .children: "<\(property.xmlName)>, repeated"
                }
                var type = property.value.swiftType
                if case .boolean(let onOff) = property.value { type += onOff ? " (on/off)" : " (yes/no)" }
                if case .flag = property.value { type += " (element present)" }
                let target = if case .view(let path) = property.value { pages.viewAddresses[path.joined(separator: ".")] } else { nil as String? }
                return Row(
                    xml: xml, property: property.name, type: property.place == .children ? "[\(type)]" : type,
                    href: target.map { "../" + $0 })
            }
            let variantRows: [Row] = view.variants.map { variants in
                variants.cases.map { variantCase in
                    let type = variantCase.view.joined(separator: ".")
                    return Row(
                        xml: "\(variants.attribute)='\(variantCase.value)'", property: "\(variants.propertyName): .\(variantCase.name)",
                        type: type, href: pages.viewAddresses[type].map { "../" + $0 })
                }
            } ?? []
            return Section(
                anchor: XMLPages.anchor(view), title: XMLPages.anchor(view), element: "<\(view.elementName)>",
                location: "/" + view.elementPath.joined(separator: "/"),
                condition: view.selector.map { selector in
                    selector.values.map { "\(selector.attribute)='\($0)'" }.joined(separator: " or ")
                },
                rows: rows + (view.holdsSize ? [Row(xml: "text with unit attribute", property: "size", type: "XMLSize?", href: nil)] : [])
                    + variantRows,
                namedValues: view.namedValues.map { values in
                    "\(values.name): " + values.values.map(\.value).joined(separator: ", ")
                })
        }
    }
}
