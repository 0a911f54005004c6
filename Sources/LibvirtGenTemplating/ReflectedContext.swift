import Mustache

/// A struct or class value as Mustache sees it: its stored properties read once, by name.
///
/// swift-mustache finds a property of a plain value by scanning every child of a new `Mirror` on
/// each lookup, which took a fifth of the generator's time. This wrapper reflects a value once,
/// keeps its properties in a dictionary, and wraps each property's value the first time a template
/// asks for it. What a template sees is unchanged: optionals are unwrapped as swift-mustache
/// unwraps them, arrays and dictionaries keep their shape with their elements wrapped, and other
/// values (strings, numbers, booleans, enums) are passed through.
final class ReflectedContext: MustacheParent {
    /// The stored properties by name, as reflected.
    private let properties: [String: Any]
    /// The properties already wrapped for templates.
    private var wrapped: [String: Any?] = [:]

    /// Reflects a struct or class value.
    private init(_ mirror: Mirror) {
        var properties: [String: Any] = [:]
        for child in mirror.children {
            if let label = child.label { properties[label] = child.value }
        }
        self.properties = properties
    }

    /// The property `name`, wrapped (nil when the value has no such property or it is nil).
    func child(named name: String) -> Any? {
        if let value = wrapped[name] { return value }
        let value = properties[name].flatMap(Self.wrap)
        wrapped[name] = .some(value)
        return value
    }

    /// Types passed through as they are, without reflection.
    private static let leafTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(String.self), ObjectIdentifier(Bool.self), ObjectIdentifier(Int.self),
        ObjectIdentifier([String].self), ObjectIdentifier(ReflectedContext.self),
    ]

    /// A value ready for a template: structs and classes wrapped, optionals unwrapped (nil for
    /// none), array elements and dictionary values wrapped, everything else as it is.
    static func wrap(_ value: Any) -> Any? {
        // Comparing the dynamic type is cheap; casts (`is`, `as?`) are not, so the mirror's display
        // style decides the rest.
        if Self.leafTypes.contains(ObjectIdentifier(type(of: value))) { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?: return ReflectedContext(mirror)
        case .optional?: return mirror.children.first.flatMap { wrap($0.value) }
        case .collection?: return mirror.children.map { wrap($0.value) ?? $0.value }
        case .dictionary?: return (value as? [String: Any])?.compactMapValues(wrap) ?? value
        default: return value
        }
    }
}
