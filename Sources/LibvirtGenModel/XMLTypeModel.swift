/// One libvirt XML document kind the generator types: the schema it is read from, its Swift type
/// and the C functions that describe and define an object by it (from the overrides data).
public struct XMLDocumentSpec: Codable, Sendable, Equatable {
    /// The schema file (`domain.rng`).
    public var schema: String
    /// The Swift type (`DomainDescription`).
    public var type: String
    /// The C function returning an object's document (`virDomainGetXMLDesc`), if any.
    public var describe: String?
    /// The C function defining an object from a document (`virDomainDefineXML`), if any.
    public var define: String?
    /// Other document kinds the document holds whole, by their root element (a snapshot's
    /// `domain` is a `DomainDescription`).
    public var embeds: [String: String]?

    /// Describes a document kind.
    public init(schema: String, type: String, describe: String? = nil, define: String? = nil, embeds: [String: String]? = nil) {
        self.schema = schema
        self.type = type
        self.describe = describe
        self.define = define
        self.embeds = embeds
    }
}

/// The typed views of one document kind: the document's root view and every view it holds.
public struct XMLDocumentTypes: Codable, Sendable, Equatable {
    /// The document kind.
    public var spec: XMLDocumentSpec
    /// The root element's name (`domain`).
    public var rootElement: String
    /// The views, the document's first, each before the views nested in it.
    public var views: [XMLViewType]

    /// Creates the value.
    public init(spec: XMLDocumentSpec, rootElement: String, views: [XMLViewType]) {
        self.spec = spec
        self.rootElement = rootElement
        self.views = views
    }
}

/// A typed view of an element: a struct whose properties read and write the element.
public struct XMLViewType: Codable, Sendable, Equatable {
    /// The Swift type's path, outermost first (`["DomainDescription", "Devices", "Disk"]`).
    public var path: [String]
    /// The element's name (`disk`).
    public var elementName: String
    /// The element names from the document's root to the first place the element is reached
    /// (`["domain", "devices", "disk"]`).
    public var elementPath: [String]
    /// The properties, attributes first, then the element's text, then child elements in the
    /// schema's order.
    public var properties: [XMLProperty]
    /// The open value lists the properties use, nested in the view.
    public var namedValues: [XMLNamedValues]
    /// The element's variants, when a choice of its content depends on an attribute's value (a
    /// disk's `type`).
    public var variants: XMLVariants?
    /// For a variant's view (which wraps the same element as its owner): the attribute and the
    /// values that select it.
    public var selector: XMLVariantSelector?
    /// Every child element name the element's schema allows, in the schema's order, when the
    /// properties do not list them all (a view with variants, and a variant's view); new child
    /// elements are placed by it.
    public var childOrder: [String]?
    /// Whether the element holds a size: a number as its text and its unit as its `unit`
    /// attribute (libvirt's `scaledInteger`); its view then has a `size`.
    public var holdsSize: Bool

    /// Creates the value.
    public init(
        path: [String], elementName: String, elementPath: [String], properties: [XMLProperty], namedValues: [XMLNamedValues],
        variants: XMLVariants? = nil, selector: XMLVariantSelector? = nil, childOrder: [String]? = nil, holdsSize: Bool = false
    ) {
        self.path = path
        self.elementName = elementName
        self.elementPath = elementPath
        self.properties = properties
        self.namedValues = namedValues
        self.variants = variants
        self.selector = selector
        self.childOrder = childOrder
        self.holdsSize = holdsSize
    }
}

/// The variants of an element whose content depends on an attribute's value: an enum with a
/// case per value, each holding a view of what that variant adds to the element
/// (`DomainDescription.Devices.Disk.Variant.file(File)`).
public struct XMLVariants: Codable, Sendable, Equatable {
    /// The enum's name inside its view (`Variant`).
    public var name: String
    /// The view's property holding it (`variant`).
    public var propertyName: String
    /// The attribute whose value selects the variant (`type`).
    public var attribute: String
    /// The value meant when the attribute is missing, if the schema gives one.
    public var defaultValue: String?
    /// The cases, in the schema's order.
    public var cases: [XMLVariantCase]
    /// The attributes the variants model (replaced when a variant is set).
    public var attributes: [String]
    /// The child elements the variants model (replaced when a variant is set).
    public var children: [String]

    /// Creates the value.
    public init(
        name: String, propertyName: String, attribute: String, defaultValue: String?, cases: [XMLVariantCase],
        attributes: [String], children: [String]
    ) {
        self.name = name
        self.propertyName = propertyName
        self.attribute = attribute
        self.defaultValue = defaultValue
        self.cases = cases
        self.attributes = attributes
        self.children = children
    }
}

/// One case of an element's variants.
public struct XMLVariantCase: Codable, Sendable, Equatable {
    /// The Swift case name (`file`).
    public var name: String
    /// The attribute's value selecting it (`file`).
    public var value: String
    /// The path of the view it holds (several values can share one).
    public var view: [String]

    /// Creates the value.
    public init(name: String, value: String, view: [String]) {
        self.name = name
        self.value = value
        self.view = view
    }
}

/// What selects a variant's view: an attribute of its element and the values that choose it.
public struct XMLVariantSelector: Codable, Sendable, Equatable {
    /// The attribute (`type`).
    public var attribute: String
    /// The values (`file`).
    public var values: [String]

    /// Creates the value.
    public init(attribute: String, values: [String]) {
        self.attribute = attribute
        self.values = values
    }
}

/// A property of a view: where in the element it lives and what value it holds.
public struct XMLProperty: Codable, Sendable, Equatable {
    /// Where the property's data lives.
    public enum Place: String, Codable, Sendable {
        /// An attribute of the element.
        case attribute
        /// The element's own text.
        case text
        /// The first child element of the name.
        case child
        /// Every child element of the name.
        case children
    }

    /// The Swift name (`currentMemory`).
    public var name: String
    /// The attribute's or child element's name (`currentMemory`); empty for text.
    public var xmlName: String
    /// Where the data lives.
    public var place: Place
    /// The value.
    public var value: XMLPropertyValue

    /// Creates the value.
    public init(name: String, xmlName: String, place: Place, value: XMLPropertyValue) {
        self.name = name
        self.xmlName = xmlName
        self.place = place
        self.value = value
    }
}

/// What a property holds.
public enum XMLPropertyValue: Codable, Sendable, Equatable {
    /// Any text.
    case string
    /// A signed integer.
    case integer
    /// An unsigned 64-bit integer (`unsignedLong`).
    case unsignedInteger
    /// A decimal number.
    case number
    /// A UUID (`UUID`), written with dashes and read with or without.
    case uuid
    /// A boolean spelled `yes`/`no` (or `on`/`off` when `onOff`).
    case boolean(onOff: Bool)
    /// One of an open list of names: the named values of the view at `path`, called `name`.
    case named(path: [String])
    /// Whether an empty child element is there.
    case flag
    /// A view of a child element: the view at `path`.
    case view(path: [String])
}

/// An open list of names an attribute or text takes (`disk`'s `device`).
public struct XMLNamedValues: Codable, Sendable, Equatable {
    /// The Swift type's name inside its view (`Device`).
    public var name: String
    /// The names: Swift member → XML spelling.
    public var values: [XMLNamedValue]

    /// Creates the value.
    public init(name: String, values: [XMLNamedValue]) {
        self.name = name
        self.values = values
    }
}

/// One name of an open list.
public struct XMLNamedValue: Codable, Sendable, Equatable {
    /// The Swift member (`cdrom`).
    public var name: String
    /// The XML spelling (`cdrom`).
    public var value: String

    /// Creates the value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A typed counterpart of a bound function that returns or takes a document's XML text:
/// `domain.description()` beside `domain.xmlDescription()`, `connection.defineDomain(_:)` beside
/// `connection.defineDomain(xml:)`.
public struct XMLDocumentFunction: Codable, Sendable {
    /// What the function does with the document.
    public enum Role: String, Codable, Sendable {
        /// Returns an object's document.
        case describe
        /// Takes a document.
        case define
    }

    /// What it does with the document.
    public var role: Role
    /// The Swift type it extends (`Domain`).
    public var owner: String
    /// Its Swift name (`description`, `defineDomain`).
    public var name: String
    /// The document's Swift type.
    public var documentType: String
    /// The bound function it calls: its C symbol, Swift name, kind, parameters and result.
    public var cName: String
    /// The bound function's Swift name (`xmlDescription`).
    public var function: String
    /// Whether the bound function is a property (`capabilities`).
    public var functionIsProperty: Bool
    /// The bound function's parameters; the typed function has the same, except the document's.
    public var parameters: [SwiftParameter]
    /// The local name of the parameter taking the XML text (`xml`), for a definition.
    public var documentParameter: String?
    /// The bound function's result type.
    public var functionResult: SwiftType?

    /// Creates the value.
    public init(
        role: Role, owner: String, name: String, documentType: String, cName: String, function: String,
        functionIsProperty: Bool, parameters: [SwiftParameter], documentParameter: String?, functionResult: SwiftType?
    ) {
        self.role = role
        self.owner = owner
        self.name = name
        self.documentType = documentType
        self.cName = cName
        self.function = function
        self.functionIsProperty = functionIsProperty
        self.parameters = parameters
        self.documentParameter = documentParameter
        self.functionResult = functionResult
    }
}
