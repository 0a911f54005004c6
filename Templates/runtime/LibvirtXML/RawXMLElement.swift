/// An XML element as a document holds it (raw: the tree typed views read and write): its qualified name, its attributes in document order and
/// its content (elements, text, comments), so that writing it back loses nothing.
public struct RawXMLElement: Hashable, Sendable {
    /// The qualified name (`disk`, `qemu:commandline`).
    public var name: String
    /// The attributes in document order (namespace declarations included).
    public var attributes: [RawXMLAttribute]
    /// The content in document order.
    public var children: [RawXMLNode]

    /// Creates an element.
    public init(name: String, attributes: [RawXMLAttribute] = [], children: [RawXMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of the attribute `name`, or nil when the element has none.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Sets the attribute `name` (kept in place when it exists, appended otherwise), or removes it
    /// when `value` is nil.
    public mutating func setAttribute(_ name: String, _ value: String?) {
        let index = attributes.firstIndex { $0.name == name }
        switch (index, value) {
        case (let index?, let value?): attributes[index].value = value
        case (let index?, nil): attributes.remove(at: index)
        case (nil, let value?): attributes.append(RawXMLAttribute(name: name, value: value))
        case (nil, nil): break
        }
    }

    /// The element's text: its text and CDATA content joined, without its elements' text.
    public var text: String {
        var text = ""
        for child in children {
            switch child {
            case .text(let value), .cdata(let value): text += value
            default: break
            }
        }
        return text
    }

    /// Replaces the element's content with `text` (or with nothing when it is nil).
    public mutating func setText(_ text: String?) {
        children = text.map { [.text($0)] } ?? []
    }

    /// The child elements, in document order.
    public var elements: [RawXMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element named `name`.
    public func firstElement(named name: String) -> RawXMLElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// The child elements named `name`, in document order.
    public func elements(named name: String) -> [RawXMLElement] {
        children.compactMap { if case .element(let element) = $0, element.name == name { element } else { nil } }
    }

    /// Replaces the child elements named `name` with `replacements`: in place of the first of
    /// them when there were some, otherwise where `order` (the names in the order the schema
    /// writes them) puts them, otherwise at the end.
    public mutating func replaceElements(named name: String, with replacements: [RawXMLElement], order: [String] = []) {
        var position: Int?
        var kept: [RawXMLNode] = []
        kept.reserveCapacity(children.count)
        for child in children {
            if case .element(let element) = child, element.name == name {
                if position == nil { position = kept.count }
                continue
            }
            kept.append(child)
        }
        let index = position ?? Self.insertionIndex(of: name, in: kept, order: order)
        kept.insert(contentsOf: replacements.map(RawXMLNode.element), at: index)
        children = kept
    }

    /// Where a new child named `name` goes among `nodes`: after the last element the schema
    /// writes before it, else before the first it writes after it, else at the end.
    private static func insertionIndex(of name: String, in nodes: [RawXMLNode], order: [String]) -> Int {
        guard let rank = order.firstIndex(of: name) else { return nodes.count }
        var after: Int?
        var before: Int?
        for (index, node) in nodes.enumerated() {
            guard case .element(let element) = node, let other = order.firstIndex(of: element.name) else { continue }
            if other <= rank { after = index + 1 } else if before == nil { before = index }
        }
        return after ?? before ?? nodes.count
    }
}

/// An attribute of an element.
public struct RawXMLAttribute: Hashable, Sendable {
    /// The qualified name (`type`, `xmlns:qemu`).
    public var name: String
    /// The value, with references resolved.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One piece of an element's content.
public enum RawXMLNode: Hashable, Sendable {
    /// A child element.
    case element(RawXMLElement)
    /// Text, with references resolved.
    case text(String)
    /// A CDATA section's text.
    case cdata(String)
    /// A comment's text.
    case comment(String)
    /// A processing instruction.
    case processingInstruction(target: String, data: String)
}
