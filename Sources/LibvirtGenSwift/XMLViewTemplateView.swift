import LibvirtGenCore
import LibvirtGenModel

/// What the `xml-view` template interpolates for one typed XML view: the Swift spelling of its
/// properties (type, accessor, arguments), its schema table and its named values.
struct XMLViewTemplateView {
    /// One row of the schema's children table.
    struct Child {
        /// The element's name.
        let xmlName: String
        /// The `XMLViewSchema.ChildKind` expression.
        let kind: String
        /// Whether every occurrence is modelled.
        let repeated: Bool
    }

    /// One property.
    struct Property {
        /// The documentation line.
        let doc: String
        /// The Swift name, escaped.
        let name: String
        /// The Swift type.
        let type: String
        /// The runtime accessor that reads it.
        let getter: String
        /// The getter's arguments.
        let arguments: String
        /// The runtime accessor that writes it.
        let setter: String
        /// The setter's arguments, `newValue` among them.
        let setArguments: String
    }

    /// One member of a value list.
    struct Value {
        /// The static member's name, escaped.
        let name: String
        /// The XML spelling.
        let value: String
        /// The spelling as a Swift string literal.
        let literal: String
    }

    /// One value list.
    struct NamedValues {
        /// The documentation line.
        let doc: String
        /// The type's name.
        let name: String
        /// Its members.
        let values: [Value]
    }

    /// The type's documentation lines.
    let summary: [String]
    /// The type's name.
    let name: String
    /// The protocol it conforms to.
    let conformance: String
    /// Its element's name.
    let elementName: String
    /// The modelled attributes as string literals, comma-separated.
    let attributeList: String
    /// The schema table's children.
    let children: [Child]
    /// Whether the element's text is modelled.
    let text: Bool
    /// The properties.
    let properties: [Property]
    /// The value lists.
    let namedValues: [NamedValues]

    /// The view of `view`, a document's root view when `schema` is given (its file name).
    init(_ view: XMLViewType, documentSchema schema: String?) {
        name = view.path.last ?? ""
        elementName = view.elementName
        conformance = schema == nil ? "XMLElementView" : "LibvirtXMLDocument"
        let location = "`/" + view.elementPath.joined(separator: "/") + "`"
        summary = schema.map {
            ["A `<\(view.elementName)>` document, as libvirt's `\($0)` schema describes it.", "",
             "Its properties read and write the document's elements and attributes; whatever they do not model stays in",
             "``xml`` and is written back."]
        } ?? ["The `<\(view.elementName)>` element (first reached at \(location))."]
        attributeList = view.properties.filter { $0.place == .attribute }.map { SwiftStringLiteral.literal($0.xmlName) }.joined(separator: ", ")
        children = view.properties.compactMap { property in
            guard property.place == .child || property.place == .children else { return nil }
            let kind: String = switch property.value {
            case .flag: ".flag"
            case .view(let path): ".view({ \(path.joined(separator: ".")).schema })"
            default: ".value"
            }
            return Child(xmlName: property.xmlName, kind: kind, repeated: property.place == .children)
        }
        text = view.properties.contains { $0.place == .text }
        properties = view.properties.map(Self.property)
        namedValues = view.namedValues.map { values in
            NamedValues(
                doc: "Values of `\(values.name)`; a value a newer libvirt writes is kept as it is.",
                name: values.name,
                values: values.values.map { Value(name: Naming.identifier($0.name), value: $0.value, literal: SwiftStringLiteral.literal($0.value)) })
        }
    }

    /// The Swift spelling of a property: its type and the accessor pair it calls.
    static func property(_ property: XMLProperty) -> Property {
        let key = SwiftStringLiteral.literal(property.xmlName)
        let valueType = property.value.swiftType
        let attribute = "The `\(property.xmlName)` attribute."
        let childText = "The text of the `<\(property.xmlName)>` element."
        switch (property.place, property.value) {
        case (.attribute, .boolean(let onOff)):
            return accessor(property, attribute, "Bool?", "boolean", "setBoolean", "attribute: \(key)", spelling: onOff)
        case (.attribute, _):
            return accessor(property, attribute, valueType + "?", "attribute", "setAttribute", key)
        case (.text, .boolean(let onOff)):
            return accessor(property, "The element's text.", "Bool?", "booleanText", "setBooleanText", nil, spelling: onOff)
        case (.text, _):
            return accessor(property, "The element's text.", valueType + "?", "text", "setText", nil)
        case (.child, .boolean(let onOff)):
            return accessor(property, childText, "Bool?", "boolean", "setBoolean", "child: \(key)", spelling: onOff)
        case (.child, .flag):
            return accessor(property, "Whether the `<\(property.xmlName)/>` element is there.", "Bool", "flag", "setFlag", "child: \(key)")
        case (.child, .view):
            return accessor(property, "The `<\(property.xmlName)>` element.", valueType + "?", "view", "setView", "child: \(key)")
        case (.child, _):
            return accessor(property, childText, valueType + "?", "value", "setValue", "child: \(key)")
        case (.children, .view):
            return accessor(property, "The `<\(property.xmlName)>` elements.", "[\(valueType)]", "views", "setViews", "children: \(key)")
        case (.children, _):
            return accessor(property, "The texts of the `<\(property.xmlName)>` elements.", "[\(valueType)]", "values", "setValues", "children: \(key)")
        }
    }

    /// A property read by `getter(key)` and written by `setter(key, newValue)`, a boolean's
    /// spelling (`onOff`) last where it has one.
    private static func accessor(
        _ property: XMLProperty, _ doc: String, _ type: String, _ getter: String, _ setter: String, _ key: String?,
        spelling onOff: Bool? = nil
    ) -> Property {
        let spelling = onOff.map { $0 ? ".onOff" : ".yesNo" }
        let arguments = [key, spelling].compactMap { $0 }.joined(separator: ", ")
        let setArguments = [key, "newValue", spelling].compactMap { $0 }.joined(separator: ", ")
        return Property(
            doc: doc, name: Naming.identifier(property.name), type: type, getter: getter, arguments: arguments,
            setter: setter, setArguments: setArguments)
    }
}
