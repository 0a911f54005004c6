import LibvirtGenModel

/// What changed in the typed XML documents between two releases' schemas: views, properties,
/// named values and variants added or removed, and properties whose value changed.
public struct XMLTypeDiff: Sendable, Encodable, Equatable {
    /// Declarations added (`DomainDescription.Devices.Disk.Source.file`).
    public var added: [String] = []
    /// Declarations removed.
    public var removed: [String] = []
    /// Properties whose value or place changed, with what they were and are.
    public var changed: [String] = []

    /// Compares the typed documents of two packages.
    public init(old: [XMLDocumentTypes], new: [XMLDocumentTypes]) {
        let before = Self.declarations(old)
        let after = Self.declarations(new)
        added = after.keys.filter { before[$0] == nil }.sorted()
        removed = before.keys.filter { after[$0] == nil }.sorted()
        changed = after.keys.sorted().compactMap { path in
            guard let was = before[path], let now = after[path], was != now else { return nil }
            return "`\(path)`: \(was) → \(now)"
        }
    }

    /// The part as Markdown `###` sections.
    public var markdownSections: [String] {
        APIDiff.markdownSection("Added", added.map { "`\($0)`" })
            + APIDiff.markdownSection("Removed", removed.map { "`\($0)`" })
            + APIDiff.markdownSection("Changed", changed)
    }

    /// Every view, property, named value and variant, by Swift path, with a description of what it is.
    static func declarations(_ documents: [XMLDocumentTypes]) -> [String: String] {
        var declarations: [String: String] = [:]
        for view in documents.flatMap(\.views) {
            let path = view.path.joined(separator: ".")
            declarations[path] = "view of <\(view.elementName)>"
            for property in view.properties {
                declarations[path + "." + property.name] = "\(property.place.rawValue) \(describe(property.value))"
            }
            for values in view.namedValues {
                for value in values.values { declarations["\(path).\(values.name).\(value.name)"] = "value \"\(value.value)\"" }
            }
            if let variants = view.variants {
                declarations[path + "." + variants.propertyName] = "variants by \(variants.attribute) attribute"
                for variantCase in variants.cases {
                    declarations["\(path).\(variants.name).\(variantCase.name)"] =
                        "variant \"\(variantCase.value)\" of " + variantCase.view.joined(separator: ".")
                }
            }
        }
        return declarations
    }

    /// A property value in words (`view DomainDescription.Memory`, `integer`).
    private static func describe(_ value: XMLPropertyValue) -> String {
        switch value {
        case .string: "string"
        case .integer: "integer"
        case .unsignedInteger: "unsigned integer"
        case .number: "number"
        case .uuid: "UUID"
        case .boolean(let onOff): onOff ? "boolean on/off" : "boolean yes/no"
        case .flag: "flag"
        case .named(let path): "one of " + path.joined(separator: ".")
        case .view(let path): "view " + path.joined(separator: ".")
        }
    }
}
