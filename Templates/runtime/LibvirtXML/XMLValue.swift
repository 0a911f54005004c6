import Foundation

/// A value an attribute or an element's text holds, read from and written as libvirt spells it.
public protocol XMLValue: Sendable {
    /// Reads the value from its text, or nil when the text does not spell one.
    init?(xmlText: String)
    /// The value's text.
    var xmlText: String { get }
}

extension String: XMLValue {
    /// The text itself.
    public init?(xmlText: String) { self = xmlText }
    /// The text itself.
    public var xmlText: String { self }
}

extension Int: XMLValue {
    /// A decimal number or a hexadecimal one after `0x`, as libvirt accepts both.
    public init?(xmlText: String) {
        let text = xmlText.trimmingXMLSpace
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            guard let value = Int(text.dropFirst(2), radix: 16) else { return nil }
            self = value
        } else {
            guard let value = Int(text) else { return nil }
            self = value
        }
    }
    /// The decimal spelling.
    public var xmlText: String { String(self) }
}

extension UInt64: XMLValue {
    /// A decimal number or a hexadecimal one after `0x`.
    public init?(xmlText: String) {
        let text = xmlText.trimmingXMLSpace
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            guard let value = UInt64(text.dropFirst(2), radix: 16) else { return nil }
            self = value
        } else {
            guard let value = UInt64(text) else { return nil }
            self = value
        }
    }
    /// The decimal spelling.
    public var xmlText: String { String(self) }
}

extension Double: XMLValue {
    /// A decimal number.
    public init?(xmlText: String) {
        guard let value = Double(xmlText.trimmingXMLSpace) else { return nil }
        self = value
    }
    /// The shortest spelling that reads back as the same number.
    public var xmlText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

extension UUID: XMLValue {
    /// A UUID with or without its dashes (libvirt accepts both).
    public init?(xmlText: String) {
        let text = xmlText.trimmingXMLSpace
        let hex = text.filter { $0 != "-" }
        guard hex.count == 32, text.count == 32 || text.count == 36 else { return nil }
        var dashed = ""
        for (index, character) in hex.enumerated() {
            if [8, 12, 16, 20].contains(index) { dashed.append("-") }
            dashed.append(character)
        }
        guard let value = UUID(uuidString: dashed) else { return nil }
        self = value
    }
    /// The lowercase spelling with dashes, as libvirt writes it.
    public var xmlText: String { uuidString.lowercased() }
}

/// How a document spells a boolean.
public enum XMLBooleanSpelling: Sendable {
    /// `yes` and `no`.
    case yesNo
    /// `on` and `off`.
    case onOff

    /// The spellings of true and false.
    var words: (true: String, false: String) {
        switch self {
        case .yesNo: ("yes", "no")
        case .onOff: ("on", "off")
        }
    }
}

/// A value from an open list of names (`disk`'s `device`: `disk`, `cdrom`, ...): the names the
/// schema lists are static members, and any other name a newer libvirt writes is kept as it is.
public protocol XMLNamedValue: XMLValue, RawRepresentable, Hashable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String {
    /// Creates the value with this name.
    init(rawValue: String)
}

extension XMLNamedValue {
    /// The name as the value.
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    /// The name as the value.
    public init?(xmlText: String) { self.init(rawValue: xmlText) }
    /// The name.
    public var xmlText: String { rawValue }
    /// The name.
    public var description: String { rawValue }
}

extension String {
    /// The string without leading and trailing XML whitespace.
    var trimmingXMLSpace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        var text = self[...]
        while let first = text.first, isSpace(first) { text.removeFirst() }
        while let last = text.last, isSpace(last) { text.removeLast() }
        return text
    }
}
