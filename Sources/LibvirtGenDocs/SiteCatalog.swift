import LibvirtGenModel

/// What one type page documents.
enum TypeContent: Sendable {
    /// A file with an owner type: a handle class, or an extension of another type (`LibvirtError`).
    case owner(BindingFile)
    /// An open enum.
    case valueEnum(ValueEnum)
    /// An option set.
    case optionSet(OptionSetType)
    /// A struct.
    case structType(StructType)
    /// Typed-parameter keys.
    case keys(KeyFamily)
    /// An event family (the `Event` enum and the connection method delivering it).
    case events(EventFamily)
    /// A typed view of a statistics record's keys.
    case statsView(StatsView)
}

/// One type page of the site.
struct TypePage: Sendable {
    /// The Swift module declaring it.
    var module: String
    /// The Swift name, qualified by its owner (`Domain.State`).
    var fullName: String
    /// The site-relative address (`types/Libvirt.Domain.State.html`).
    var address: String
    /// What it documents.
    var content: TypeContent

    /// The word describing the kind of type, shown in titles and lists.
    var kindName: String {
        switch content {
        case .owner(let file): file.handle != nil ? "class" : "extension"
        case .valueEnum: "enum"
        case .optionSet: "option set"
        case .structType: "struct"
        case .keys: "typed-parameter keys"
        case .events: "events"
        case .statsView: "statistics"
        }
    }
}

/// Every page of the binding model and the addresses symbols link to.
struct SiteCatalog: Sendable {
    /// The type pages, in module and file order.
    private(set) var pages: [TypePage] = []
    /// Swift symbol (type, member, case) → site-relative address.
    private(set) var swiftLinks: [String: String] = [:]
    /// C symbol → site-relative address of the member documenting it.
    private(set) var cLinks: [String: String] = [:]

    /// The site-relative address of a module page.
    static func moduleAddress(_ module: String) -> String { "modules/\(module).html" }

    /// Walks every module and file of the package.
    init(_ package: BindingPackage) {
        for module in package.modules {
            for file in module.files {
                let prefix = file.owner.map { $0 + "." } ?? ""
                if let owner = file.owner { add(module.name, owner, .owner(file)) }
                for item in file.enums { add(module.name, prefix + item.name, .valueEnum(item)) }
                for item in file.optionSets { add(module.name, prefix + item.name, .optionSet(item)) }
                for item in file.structs { add(module.name, prefix + item.name, .structType(item)) }
                for item in file.keyFamilies { add(module.name, prefix + item.name, .keys(item)) }
                if let family = file.events { add(module.name, family.objectType + ".Event", .events(family)) }
                for view in file.statsViews { addStatsView(module.name, prefix + view.name, view) }
            }
        }
    }

    /// Adds a page and the addresses of everything it documents.
    private mutating func add(_ module: String, _ fullName: String, _ content: TypeContent) {
        let address = "types/\(module).\(fullName).html"
        pages.append(TypePage(module: module, fullName: fullName, address: address, content: content))
        if swiftLinks[fullName] == nil { swiftLinks[fullName] = address }
        switch content {
        case .owner(let file):
            for function in file.functions { link(function.swiftSymbol, function.cName, address) }
            for constant in file.constants { link("\(fullName).\(constant.name)", constant.cName, address) }
        case .valueEnum(let item):
            for member in item.cases + item.aliases { link("\(fullName).\(member.name)", member.cName, address) }
        case .optionSet(let item):
            for member in item.members { link("\(fullName).\(member.name)", member.cName, address) }
        case .structType, .statsView:
            break
        case .keys(let item):
            for key in item.keys { link("\(fullName).\(key.name)", key.cName, address) }
        case .events(let family):
            for (index, method) in family.methods.enumerated() where swiftLinks[method.symbol] == nil {
                swiftLinks[method.symbol] = address + "#" + MemberBuilder.eventMethodAnchor(family, index)
            }
            cLinks[family.registerFunction] = cLinks[family.registerFunction] ?? address + "#" + family.registerFunction
            cLinks[family.deregisterFunction] = cLinks[family.deregisterFunction] ?? address + "#" + family.registerFunction
            for item in family.cases {
                link("\(fullName).\(item.name)", item.doc.symbols.first ?? item.callback, address)
            }
        }
    }

    /// Adds the pages of a statistics view and of the entry views it contains.
    private mutating func addStatsView(_ module: String, _ fullName: String, _ view: StatsView) {
        add(module, fullName, .statsView(view))
        for entry in view.entries { addStatsView(module, fullName + "." + entry.name, entry) }
    }

    /// Records a member's addresses (anchored by its C name); the first page documenting a symbol wins.
    private mutating func link(_ swift: String, _ cName: String, _ page: String) {
        let address = page + "#" + cName
        if swiftLinks[swift] == nil { swiftLinks[swift] = address }
        if cLinks[cName] == nil { cLinks[cName] = address }
    }
}
