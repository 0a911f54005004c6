/// An element's attributes, looked up by qualified name. An element has a handful, each named once
/// (XML forbids a name twice), so a list searched in order is cheaper to build and to search than a
/// dictionary, which hashes every name.
public struct XMLAttributes: Equatable, ExpressibleByDictionaryLiteral, Sendable {
    /// The attributes in document order.
    private var pairs: [(name: String, value: String)]

    /// No attributes yet, with room for `capacity`.
    init(capacity: Int) {
        pairs = []
        pairs.reserveCapacity(capacity)
    }

    /// The attributes of a literal, as `["name": "value"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Adds an attribute the element has not had yet.
    mutating func append(_ name: String, _ value: String) {
        pairs.append((name, value))
    }

    /// The value of the attribute `name`; nil when the element has none.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The number of attributes.
    public var count: Int { pairs.count }

    /// The same attributes with the same values, in any order.
    public static func == (left: XMLAttributes, right: XMLAttributes) -> Bool {
        left.count == right.count && left.pairs.allSatisfy { right[$0.name] == $0.value }
    }
}
