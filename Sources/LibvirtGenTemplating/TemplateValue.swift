/// A value as a template sees it: what the renderer switches on instead of casting `Any`.
///
/// A ``TemplateView`` hands over its properties through its encoding; another view (a struct or
/// class) is reflected once, when a template first looks into it, and each of its properties is
/// wrapped the first time a template asks for it. Optionals are unwrapped (nil
/// for none), arrays and dictionaries keep their shape with their elements wrapped, and other
/// values (numbers, enums, tuples) are kept as they are and rendered with `String(describing:)`.
enum TemplateValue {
    /// A string.
    case string(String)
    /// A Boolean: a section shows for true.
    case bool(Bool)
    /// A list: a section repeats per element.
    case list([TemplateValue])
    /// A struct or class, looked into by property name.
    case object(TemplateObject)
    /// A dictionary with string keys, looked into by key.
    case dictionary([String: TemplateValue])
    /// Anything else (a number, an enum, a tuple), as it is. Boxed, so that the value holds one
    /// reference whatever the case: copying an unboxed `Any` (32 bytes) went through the value's
    /// witness table for every value the renderer copied.
    indirect case other(Any)

    /// Wraps a value; nil for an optional holding none.
    static func wrap(_ value: Any) -> TemplateValue? {
        // Comparing the dynamic type is cheap; casts (`as?`) to anything but the type itself are
        // not, so the mirror's display style decides the rest.
        let type = type(of: value)
        if type == String.self { return .string(value as! String) }
        if type == Bool.self { return .bool(value as! Bool) }
        if type == [String].self { return .list((value as! [String]).map(TemplateValue.string)) }
        if let view = value as? any TemplateView { return encoding(view) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?: return .object(TemplateObject(mirror))
        case .optional?: return mirror.children.first.flatMap { wrap($0.value) }
        case .collection?: return .list(mirror.children.map { wrap($0.value) ?? .other($0.value) })
        case .dictionary?:
            guard let dictionary = value as? [String: Any] else { return .other(value) }
            return .dictionary(dictionary.compactMapValues(wrap))
        default: return .other(value)
        }
    }

    /// The value's member `name`, or nil when it has none (or it is nil).
    func child(named name: String) -> TemplateValue? {
        switch self {
        case .object(let object): object.child(named: name)
        case .dictionary(let dictionary): dictionary[name]
        case .other(let value):
            // A tuple's or an enum payload's labelled parts, as reflection names them.
            Mirror(reflecting: value).children.first { $0.label == name }.flatMap { Self.wrap($0.value) }
        case .string, .bool, .list: nil
        }
    }

    /// The text of a variable holding the value; containers, which templates loop over or look
    /// into with sections, render as nothing.
    var text: String {
        switch self {
        case .string(let string): string
        case .bool(let bool): String(describing: bool)
        case .other(let value): String(describing: value)
        case .list, .object, .dictionary: ""
        }
    }
}

/// A struct or class value as templates see it: its stored properties, reflected and wrapped on
/// first use, or handed over wrapped by a ``TemplateView``'s encoding.
final class TemplateObject {
    /// The stored properties as reflected, not yet wrapped (a view has a handful: a list searched
    /// in order is cheaper to make and to search than a dictionary).
    private let properties: [Mirror.Child]
    /// The names of the properties wrapped so far, searched apart from their values so that the
    /// search copies no value.
    private var names: [String]
    /// The wrapped properties' values, in the order of `names` (nil for one that is nil).
    private var values: [TemplateValue?]

    /// Reflects a struct or class value.
    init(_ mirror: Mirror) {
        properties = Array(mirror.children)
        names = []
        values = []
    }

    /// An object of wrapped properties.
    init(fields: [(name: String, value: TemplateValue?)]) {
        properties = []
        names = fields.map(\.name)
        values = fields.map(\.value)
    }

    /// Room for the properties of most views: the largest have about as many.
    static let typicalPropertyCount = 16

    /// An object without properties yet, with room for `capacity` of them (an encoding adds a
    /// view's properties one by one, and growing the lists step by step reallocated them each time).
    init(capacity: Int) {
        properties = []
        names = []
        values = []
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds a wrapped property.
    func add(_ name: String, _ value: TemplateValue) {
        names.append(name)
        values.append(value)
    }

    /// Replaces the wrapped property `name`.
    func replace(_ name: String, _ value: TemplateValue) {
        if let index = names.firstIndex(of: name) { values[index] = value }
    }

    /// The property `name`, wrapped; nil when there is no such property or it is nil.
    func child(named name: String) -> TemplateValue? {
        if let index = names.firstIndex(of: name) { return values[index] }
        guard !properties.isEmpty else { return nil }
        let value = properties.first { $0.label == name }.flatMap { TemplateValue.wrap($0.value) }
        names.append(name)
        values.append(value)
        return value
    }
}
