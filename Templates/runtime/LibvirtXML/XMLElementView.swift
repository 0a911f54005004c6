/// A typed view of an element: generated properties read and write the element they wrap, so
/// that whatever the properties do not model (unknown attributes and elements, extension
/// namespaces, comments) stays in `xml` and is written back.
public protocol XMLElementView: Hashable, Sendable {
    /// The element's name where the schema names it (`disk`).
    static var elementName: String { get }
    /// What the view's properties model of the element.
    static var schema: XMLViewSchema { get }
    /// The element.
    var xml: RawXMLElement { get set }
    /// Wraps an element.
    init(xml: RawXMLElement)
}

extension XMLElementView {
    /// An empty element of the view's kind (`<disk/>`), to fill in through its properties.
    public init() {
        self.init(xml: RawXMLElement(name: Self.elementName))
    }

    /// What share of the element's elements and attributes the view's properties model, the
    /// rest being kept as raw XML.
    public func typedShare() -> XMLTypedShare {
        var share = XMLTypedShare()
        share.add(xml, schema: Self.schema)
        return share
    }
}

/// The elements and attributes a view's properties model, which the typed share counts and
/// new child elements are ordered by.
public struct XMLViewSchema: Sendable {
    /// How a property models a child element.
    public enum ChildKind: Sendable {
        /// By the element's text (`<name>demo</name>`).
        case value
        /// By whether the element is there (`<acpi/>`).
        case flag
        /// By a view of the element, with its schema.
        case view(@Sendable () -> XMLViewSchema)
    }

    /// A child element a property models.
    public struct Child: Sendable {
        /// The element's name.
        public var name: String
        /// How it is modelled.
        public var kind: ChildKind
        /// Whether every occurrence is modelled (an array) rather than the first.
        public var repeated: Bool

        /// Describes a child element.
        public init(_ name: String, _ kind: ChildKind, repeated: Bool = false) {
            self.name = name
            self.kind = kind
            self.repeated = repeated
        }
    }

    /// The attributes modelled.
    public var attributes: Set<String>
    /// The child elements modelled, in the order the schema writes them.
    public var children: [Child]
    /// Whether the element's own text is modelled.
    public var text: Bool
    /// The element's variants, if its content depends on an attribute's value.
    public var variants: XMLVariantSchema?
    /// Every child element name the schema allows, in its order (new child elements are placed
    /// by it).
    public let order: [String]

    /// Describes a view; `order` is needed when `children` does not name every child element
    /// the schema allows (a view with variants, or a variant's view).
    public init(
        attributes: Set<String> = [], children: [Child] = [], text: Bool = false, variants: XMLVariantSchema? = nil,
        order: [String]? = nil
    ) {
        self.attributes = attributes
        self.children = children
        self.text = text
        self.variants = variants
        self.order = order ?? children.map(\.name)
    }

    /// What the view and the variant `element` has (with the variants within it) model of it.
    func including(variantOf element: RawXMLElement) -> XMLViewSchema {
        guard let variants, let value = element.attribute(variants.attribute) ?? variants.defaultValue,
              let variant = variants.cases[value]?().including(variantOf: element) else { return self }
        var schema = self
        schema.attributes.formUnion(variant.attributes)
        // A variant's child element is what the element's own of the same name is, in that variant.
        schema.children = children.filter { child in !variant.children.contains { $0.name == child.name } } + variant.children
        return schema
    }
}

/// The variants of an element whose content depends on an attribute's value (a disk's `type`).
public struct XMLVariantSchema: Sendable {
    /// The attribute selecting the variant.
    public var attribute: String
    /// The value meant when the attribute is missing, if the schema gives one.
    public var defaultValue: String?
    /// Each value's variant schema.
    public var cases: [String: @Sendable () -> XMLViewSchema]
    /// The attributes the variants model.
    public var attributes: Set<String>
    /// The child elements the variants model.
    public var children: Set<String>

    /// Describes an element's variants.
    public init(
        attribute: String, defaultValue: String?, cases: [String: @Sendable () -> XMLViewSchema], attributes: Set<String>,
        children: Set<String>
    ) {
        self.attribute = attribute
        self.defaultValue = defaultValue
        self.cases = cases
        self.attributes = attributes
        self.children = children
    }
}

/// How many of a document's elements and attributes its typed views model.
public struct XMLTypedShare: Sendable, Equatable {
    /// The elements and attributes a property models.
    public var typed = 0
    /// All elements and attributes (namespace declarations aside).
    public var total = 0

    /// Creates an empty count.
    public init() {}

    /// Counts `element` as modelled by a view with `schema`.
    mutating func add(_ element: RawXMLElement, schema: XMLViewSchema) {
        let schema = schema.including(variantOf: element)
        typed += 1
        total += 1
        for attribute in element.attributes where !attribute.isNamespaceDeclaration {
            total += 1
            if schema.attributes.contains(attribute.name) { typed += 1 }
        }
        var seen: Set<String> = []
        for child in element.elements {
            let first = seen.insert(child.name).inserted
            guard let modelled = schema.children.first(where: { $0.name == child.name }), first || modelled.repeated else {
                addRaw(child)
                continue
            }
            switch modelled.kind {
            case .view(let schema):
                add(child, schema: schema())
            case .value, .flag:
                add(child, schema: XMLViewSchema())
            }
        }
    }

    /// Counts `element` and everything in it as kept raw.
    mutating func addRaw(_ element: RawXMLElement) {
        total += 1 + element.attributes.count { !$0.isNamespaceDeclaration }
        for child in element.elements { addRaw(child) }
    }
}

extension RawXMLAttribute {
    /// Whether the attribute declares a namespace (`xmlns`, `xmlns:qemu`).
    var isNamespaceDeclaration: Bool { name == "xmlns" || name.hasPrefix("xmlns:") }
}
