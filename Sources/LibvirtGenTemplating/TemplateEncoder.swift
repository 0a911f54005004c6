/// A view a template reads through its synthesized `Encodable` conformance rather than through
/// reflection: the compiler writes the code that hands over each stored property, where a
/// `Mirror` boxes every property of every view it reflects (reflection was half of the rendering
/// time). A view and the types of its properties declare it; nil optionals are left out, as the
/// synthesized conformance leaves them, so a template sees what it sees of a reflected view.
public protocol TemplateView: Encodable {}

extension TemplateValue {
    /// The value an `Encodable` value encodes to.
    static func encoding<T: Encodable>(_ value: T) -> TemplateValue {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == [String].self { return .list((value as! [String]).map(TemplateValue.string)) }
        let encoder = TemplateEncoder()
        do {
            try value.encode(to: encoder)
        } catch {
            preconditionFailure("encoding a template view cannot fail, but \(T.self) threw \(error)")
        }
        return encoder.result
    }
}

/// What a ``TemplateEncoder`` has been given: properties, elements or one value.
private enum Encoded {
    /// Nothing yet.
    case none
    /// Properties by name.
    case object(TemplateObject)
    /// Elements in order.
    case list(TemplateList)
    /// One value.
    case single(TemplateValue)
}

/// The elements an unkeyed container appends.
private final class TemplateList {
    /// The elements so far.
    var elements: [TemplateValue] = []
}

/// Encodes one value into a ``TemplateValue``; it never throws.
private final class TemplateEncoder: Encoder {
    /// Unused: templates address values by name.
    var codingPath: [any CodingKey] { [] }
    /// Unused.
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded.
    var encoded = Encoded.none

    /// The value encoded: an object, a list, the single value, or an empty object for none.
    var result: TemplateValue {
        switch encoded {
        case .none: .object(TemplateObject(fields: []))
        case .object(let object): .object(object)
        case .list(let list): .list(list.elements)
        case .single(let value): value
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object = TemplateObject(capacity: TemplateObject.typicalPropertyCount)
        encoded = .object(object)
        return KeyedEncodingContainer(TemplateKeyedContainer<Key>(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list = TemplateList()
        encoded = .list(list)
        return TemplateUnkeyedContainer(list: list)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TemplateSingleValueContainer(encoder: self)
    }
}

/// Adds properties to an object.
private struct TemplateKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The object the properties go into.
    let object: TemplateObject
    /// Unused: templates address values by name.
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) { object.add(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) { object.add(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: Float, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: Int, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) { object.add(key.stringValue, .other(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
        object.add(key.stringValue, TemplateValue.encoding(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = TemplateObject(fields: [])
        object.add(key.stringValue, .object(nested))
        return KeyedEncodingContainer(TemplateKeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let list = TemplateList()
        object.add(key.stringValue, .list([]))
        return TemplateUnkeyedContainer(list: list) { [object] elements in object.replace(key.stringValue, .list(elements)) }
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TemplateEncoder() }
}

/// Appends elements to a list.
private struct TemplateUnkeyedContainer: UnkeyedEncodingContainer {
    /// The list the elements go into.
    let list: TemplateList
    /// Called with the elements after each append, for a list nested in an object.
    var changed: (([TemplateValue]) -> Void)?
    /// Unused: templates address values by name.
    var codingPath: [any CodingKey] { [] }
    /// The number of elements so far.
    var count: Int { list.elements.count }

    /// Appends one element.
    private func append(_ value: TemplateValue) {
        list.elements.append(value)
        changed?(list.elements)
    }

    mutating func encodeNil() { append(.other(Optional<Int>.none as Any)) }
    mutating func encode(_ value: Bool) { append(.bool(value)) }
    mutating func encode(_ value: String) { append(.string(value)) }
    mutating func encode(_ value: Double) { append(.other(value)) }
    mutating func encode(_ value: Float) { append(.other(value)) }
    mutating func encode(_ value: Int) { append(.other(value)) }
    mutating func encode(_ value: Int8) { append(.other(value)) }
    mutating func encode(_ value: Int16) { append(.other(value)) }
    mutating func encode(_ value: Int32) { append(.other(value)) }
    mutating func encode(_ value: Int64) { append(.other(value)) }
    mutating func encode(_ value: UInt) { append(.other(value)) }
    mutating func encode(_ value: UInt8) { append(.other(value)) }
    mutating func encode(_ value: UInt16) { append(.other(value)) }
    mutating func encode(_ value: UInt32) { append(.other(value)) }
    mutating func encode(_ value: UInt64) { append(.other(value)) }
    mutating func encode<T: Encodable>(_ value: T) { append(TemplateValue.encoding(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let object = TemplateObject(fields: [])
        append(.object(object))
        return KeyedEncodingContainer(TemplateKeyedContainer<NestedKey>(object: object))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = TemplateList()
        let index = list.elements.count
        append(.list([]))
        return TemplateUnkeyedContainer(list: nested) { [list] elements in list.elements[index] = .list(elements) }
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder() }
}

/// Takes one value.
private struct TemplateSingleValueContainer: SingleValueEncodingContainer {
    /// The encoder whose value it sets.
    let encoder: TemplateEncoder
    /// Unused: templates address values by name.
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { encoder.encoded = .single(.other(Optional<Int>.none as Any)) }
    mutating func encode(_ value: Bool) { encoder.encoded = .single(.bool(value)) }
    mutating func encode(_ value: String) { encoder.encoded = .single(.string(value)) }
    mutating func encode(_ value: Double) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: Float) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: Int) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: Int8) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: Int16) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: Int32) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: Int64) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: UInt) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: UInt8) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: UInt16) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: UInt32) { encoder.encoded = .single(.other(value)) }
    mutating func encode(_ value: UInt64) { encoder.encoded = .single(.other(value)) }
    mutating func encode<T: Encodable>(_ value: T) { encoder.encoded = .single(TemplateValue.encoding(value)) }
}
