// The Swift types and default arguments of the binding model, as meaning: the lowering decides
// them, and only the Swift renderer spells them (`SwiftSpelling`).

/// A Swift type of a parameter, result, field or event value.
public indirect enum SwiftType: Sendable, Hashable, Codable {
    /// A type by its name, qualified where it is nested: `Int`, `UUID`, `Domain.State`.
    case named(String)
    /// An optional: nil stands for C's NULL or for "none".
    case optional(SwiftType)
    /// An array of the element type.
    case array(SwiftType)
    /// Several values of one call, labelled in argument order.
    case tuple([TupleElement])
    /// The runtime's typed-parameter list whose keys are the named key type
    /// (`Domain.MemoryParameter`).
    case typedParameters(key: String)
    /// The stream an event method returns, of the named event type (`Domain.Event`): finishing
    /// quietly, or throwing when the connection closes.
    case eventStream(event: String, throwing: Bool)
    /// The buffering policy of an ``eventStream(event:throwing:)`` of the same event and kind.
    case eventBufferingPolicy(event: String, throwing: Bool)

    /// The named type, where the type is one.
    public var name: String? {
        if case .named(let name) = self { name } else { nil }
    }

    /// The names of the types it is made of, outermost first: `[Domain.IPAddress]` names
    /// `Domain.IPAddress`.
    public var mentionedNames: [String] {
        switch self {
        case .named(let name): [name]
        case .optional(let inner), .array(let inner): inner.mentionedNames
        case .tuple(let elements): elements.flatMap(\.type.mentionedNames)
        case .typedParameters(let key): [key]
        case .eventStream(let event, _), .eventBufferingPolicy(let event, _): [event]
        }
    }

    /// The type unwrapped of one optional, where it is optional.
    public var wrapped: SwiftType? {
        if case .optional(let wrapped) = self { wrapped } else { nil }
    }
}

extension SwiftType {
    /// The JSON keys: one per case, holding the case's value.
    private enum CodingKeys: String, CodingKey {
        case named, optional, array, tuple, typedParameters, eventStream, eventBufferingPolicy
    }

    /// The stream of an ``eventStream(event:throwing:)`` or ``eventBufferingPolicy(event:throwing:)``.
    private struct Stream: Codable {
        /// The event type.
        var event: String
        /// Whether it throws when the connection closes.
        var throwing: Bool
    }

    /// Reads a type written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let key = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a Swift type has one key"))
        }
        switch key {
        case .named: self = .named(try container.decode(String.self, forKey: key))
        case .optional: self = .optional(try container.decode(SwiftType.self, forKey: key))
        case .array: self = .array(try container.decode(SwiftType.self, forKey: key))
        case .tuple: self = .tuple(try container.decode([TupleElement].self, forKey: key))
        case .typedParameters: self = .typedParameters(key: try container.decode(String.self, forKey: key))
        case .eventStream:
            let stream = try container.decode(Stream.self, forKey: key)
            self = .eventStream(event: stream.event, throwing: stream.throwing)
        case .eventBufferingPolicy:
            let stream = try container.decode(Stream.self, forKey: key)
            self = .eventBufferingPolicy(event: stream.event, throwing: stream.throwing)
        }
    }

    /// Writes the type as one key naming its case: `{"array": {"named": "String"}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .named(let name): try container.encode(name, forKey: .named)
        case .optional(let wrapped): try container.encode(wrapped, forKey: .optional)
        case .array(let element): try container.encode(element, forKey: .array)
        case .tuple(let elements): try container.encode(elements, forKey: .tuple)
        case .typedParameters(let key): try container.encode(key, forKey: .typedParameters)
        case .eventStream(let event, let throwing):
            try container.encode(Stream(event: event, throwing: throwing), forKey: .eventStream)
        case .eventBufferingPolicy(let event, let throwing):
            try container.encode(Stream(event: event, throwing: throwing), forKey: .eventBufferingPolicy)
        }
    }
}

/// One labelled element of a ``SwiftType/tuple(_:)``.
public struct TupleElement: Sendable, Hashable, Codable {
    /// The label.
    public var label: String
    /// The element's type.
    public var type: SwiftType

    /// Creates an element.
    public init(label: String, type: SwiftType) {
        self.label = label
        self.type = type
    }
}

/// The default argument of a parameter that callers may leave out.
public enum DefaultArgument: String, Sendable, Hashable, Codable {
    /// `nil`: no object, no string.
    case noValue
    /// No options: the empty option set or array.
    case empty
    /// Zero flags.
    case zero
    /// An event stream that keeps every event until it is read.
    case unbounded
}
