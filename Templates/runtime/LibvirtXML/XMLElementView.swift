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

    /// Describes a view.
    public init(attributes: Set<String> = [], children: [Child] = [], text: Bool = false) {
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The child elements' names in the schema's order.
    var order: [String] { children.map(\.name) }
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
