import LibvirtGenModel
import LibvirtGenTemplating

/// What the `xml-view` template interpolates for one typed XML view: the Swift spelling of its
/// properties (type, accessor, arguments), its schema table and its named values.
struct XMLViewTemplateView: TemplateView {
    /// One row of the schema's children table.
    struct Child: TemplateView {
        /// The element's name.
        let xmlName: String
        /// The `XMLViewSchema.ChildKind` expression.
        let kind: String
        /// Whether every occurrence is modelled.
        let repeated: Bool
    }

    /// One property.
    struct Property: TemplateView {
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
    struct Value: TemplateView {
        /// The static member's name, escaped.
        let name: String
        /// The XML spelling.
        let value: String
        /// The spelling as a Swift string literal.
        let literal: String
    }

    /// One value list.
    struct NamedValues: TemplateView {
        /// The documentation line.
        let doc: String
        /// The type's name.
        let name: String
        /// Its members.
        let values: [Value]
    }

    /// One case of a view's variants.
    struct VariantCase: TemplateView {
        /// The case's name, escaped.
        let name: String
        /// The selecting value (`file`).
        let value: String
        /// The value as a Swift string literal.
        let literal: String
        /// The value as a pattern matching the attribute's (optional, without a default) value.
        let pattern: String
        /// The Swift type of the variant's view.
        let type: String
    }

    /// A view's variants: the enum, its property, and their entry in the schema table.
    struct Variants: TemplateView {
        /// The property's documentation line.
        let doc: String
        /// The enum's documentation line.
        let enumDoc: String
        /// The property's name, escaped.
        let propertyName: String
        /// The enum's name.
        let name: String
        /// The selecting attribute (`type`).
        let attribute: String
        /// It as a Swift string literal.
        let attributeLiteral: String
        /// The expression the cases are matched against.
        let subject: String
        /// The default value as a Swift literal, or `nil`.
        let defaultValue: String
        /// The cases.
        let cases: [VariantCase]
        /// The attributes the variants model, as string literals, comma-separated.
        let attributeList: String
        /// The child elements the variants model, as string literals, comma-separated.
        let childList: String
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
    /// The variants, if the view has them.
    let variants: Variants?
    /// Every child element name in the schema's order, as string literals, comma-separated,
    /// when the schema table needs it.
    let order: String?

    /// The view of `view`, a document's root view when `schema` is given (its file name).
    init(_ view: XMLViewType, documentSchema schema: String?) {
        name = view.path.last ?? ""
        elementName = view.elementName
        conformance = (schema == nil ? "XMLElementView" : "LibvirtXMLDocument") + (view.holdsSize ? ", XMLSizeView" : "")
        let location = "`/" + view.elementPath.joined(separator: "/") + "`"
        summary = schema.map {
            ["A `<\(view.elementName)>` document, as libvirt's `\($0)` schema describes it.", "",
             "Its properties read and write the document's elements and attributes; whatever they do not model stays in",
             "``xml`` and is written back."]
        } ?? view.selector.map { selector in
            let values = selector.values.map { "`\($0)`" }.joined(separator: ", ")
            return ["What the `<\(view.elementName)>` element (first reached at \(location)) holds when its `\(selector.attribute)` is \(values)."]
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
                values: values.values.map { Value(name: SwiftIdentifier.escaped($0.name), value: $0.value, literal: SwiftStringLiteral.literal($0.value)) })
        }
        variants = view.variants.map { Self.variants($0, element: view.elementName) }
        order = view.childOrder.map { $0.map(SwiftStringLiteral.literal).joined(separator: ", ") }
    }

    /// The Swift spelling of an element's variants.
    static func variants(_ variants: XMLVariants, element: String) -> Variants {
        let attributeLiteral = SwiftStringLiteral.literal(variants.attribute)
        let cases = variants.cases.map { variantCase in
            let literal = SwiftStringLiteral.literal(variantCase.value)
            return VariantCase(
                name: SwiftIdentifier.escaped(variantCase.name), value: variantCase.value, literal: literal,
                pattern: variants.defaultValue == nil ? literal + "?" : literal, type: variantCase.view.joined(separator: "."))
        }
        let missing = variants.defaultValue.map { " (`\($0)` when it has none)" } ?? ""
        return Variants(
            doc: "The element's variant, selected by its `\(variants.attribute)` attribute\(missing); nil when the attribute names"
                + " none this schema knows. Setting it writes the attribute and replaces what the variants model.",
            enumDoc: "The variants of `<\(element)>`, by its `\(variants.attribute)` attribute: each holds a view of what the variant adds.",
            propertyName: SwiftIdentifier.escaped(variants.propertyName), name: variants.name, attribute: variants.attribute,
            attributeLiteral: attributeLiteral,
            subject: "element.attribute(\(attributeLiteral))" + (variants.defaultValue.map { " ?? " + SwiftStringLiteral.literal($0) } ?? ""),
            defaultValue: variants.defaultValue.map(SwiftStringLiteral.literal) ?? "nil",
            cases: cases,
            attributeList: variants.attributes.map(SwiftStringLiteral.literal).joined(separator: ", "),
            childList: variants.children.map(SwiftStringLiteral.literal).joined(separator: ", "))
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
            doc: doc, name: SwiftIdentifier.escaped(property.name), type: type, getter: getter, arguments: arguments,
            setter: setter, setArguments: setArguments)
    }
}
