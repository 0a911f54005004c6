/// A RELAX NG pattern as libvirt's schemas write it (the XML syntax, after includes are resolved):
/// what a document may hold at one place.
public indirect enum RNGPattern: Sendable, Hashable {
    /// An element whose name the name class allows, with this content.
    case element(RNGNameClass, RNGPattern)
    /// An attribute whose name the name class allows, with this value.
    case attribute(RNGNameClass, RNGPattern)
    /// The patterns in order.
    case group([RNGPattern])
    /// The patterns in any order.
    case interleave([RNGPattern])
    /// One of the patterns.
    case choice([RNGPattern])
    /// The pattern or nothing.
    case optional(RNGPattern)
    /// The pattern any number of times.
    case zeroOrMore(RNGPattern)
    /// The pattern once or more.
    case oneOrMore(RNGPattern)
    /// The pattern with text interleaved.
    case mixed(RNGPattern)
    /// Whitespace-separated tokens matching the pattern.
    case list(RNGPattern)
    /// The named definition of the grammar.
    case ref(String)
    /// The named definition of the enclosing grammar.
    case parentRef(String)
    /// Nothing.
    case empty
    /// Any text.
    case text
    /// Nothing is allowed (a definition to be combined with a choice).
    case notAllowed
    /// A value of an XML Schema datatype (`unsignedInt`, `token`), with its facets (`pattern`,
    /// `minInclusive`), except the values of `except`.
    case data(type: String, parameters: [RNGParameter], except: RNGPattern?)
    /// Exactly this value (`type` is `token` when the schema names none).
    case value(type: String, String)
}

/// A facet of a `data` pattern (`<param name="pattern">[0-9]+</param>`).
public struct RNGParameter: Sendable, Hashable {
    /// The facet (`pattern`, `minInclusive`, `maxLength`).
    public var name: String
    /// Its value.
    public var value: String

    /// Creates a facet.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The names an `element` or `attribute` pattern allows.
public indirect enum RNGNameClass: Sendable, Hashable {
    /// One name (with its namespace URI, empty for none).
    case name(String, namespace: String)
    /// Any name, except those of `except`.
    case anyName(except: RNGNameClass?)
    /// Any name in a namespace, except those of `except`.
    case nsName(namespace: String, except: RNGNameClass?)
    /// Any of the name classes.
    case choice([RNGNameClass])
}
