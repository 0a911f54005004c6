import LibvirtGenModel

/// Swift string literals for text from the input (C names, schema values), which may hold quotes,
/// backslashes, control characters and line separators.
enum SwiftStringLiteral {
    /// `character` as it is written inside a Swift string literal: quotes and backslashes
    /// escaped, control characters and line separators as `\u{…}`.
    static func escaped(_ character: Character) -> String {
        if character == "\"" || character == "\\" { return "\\\(character)" }
        var text = ""
        for scalar in character.unicodeScalars {
            let v = scalar.value
            text += v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                ? "\\u{\(String(v, radix: 16))}" : String(scalar)
        }
        return text
    }

    /// A typed-parameter name as a Swift string literal, its parameters interpolated in place.
    static func literal(_ parts: [KeyNamePart]) -> String {
        "\"" + parts.map { part in
            switch part {
            case .text(let text): contents(text)
            case .parameter(let name): "\\(\(name))"
            }
        }.joined() + "\""
    }

    /// `text` as a Swift string literal, quotes included.
    static func literal(_ text: String) -> String {
        "\"" + contents(text) + "\""
    }

    /// `text` as it is written between a Swift string literal's quotes. Printable ASCII without a
    /// quote or a backslash, nearly every literal, is written as it is, without making a string of
    /// each character.
    static func contents(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        return plain ? text : text.map(escaped).joined()
    }
}
