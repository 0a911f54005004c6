import LibvirtGenModel

/// The type of a typed parameter's value (`virTypedParameterType`), and the rule reading it from a
/// key's documentation: libvirt states it in the text of each name's macro
/// (`VIR_DOMAIN_SCHEDULER_WEIGHT`: "… when using the credit scheduler, as a uint.").
public enum TypedParameterValueType: String, Sendable, Codable, CaseIterable {
    /// `VIR_TYPED_PARAM_INT`.
    case int
    /// `VIR_TYPED_PARAM_UINT`.
    case uint
    /// `VIR_TYPED_PARAM_LLONG`.
    case llong
    /// `VIR_TYPED_PARAM_ULLONG`.
    case ullong
    /// `VIR_TYPED_PARAM_DOUBLE`.
    case double
    /// `VIR_TYPED_PARAM_BOOLEAN`.
    case boolean
    /// `VIR_TYPED_PARAM_STRING`.
    case string

    /// The Swift type of a value of this type.
    var swift: String {
        switch self {
        case .int: "Int32"
        case .uint: "UInt32"
        case .llong: "Int64"
        case .ullong: "UInt64"
        case .double: "Double"
        case .boolean: "Bool"
        case .string: "String"
        }
    }

    /// The C constant (`VIR_TYPED_PARAM_UINT`).
    var cName: String { "VIR_TYPED_PARAM_\(rawValue.uppercased())" }

    /// The words of a type after an introducing word, as libvirt writes them: the type names
    /// (`uint`, `ullong`) and the C spellings of 11.x's statistics (`unsigned long long`).
    static let spellings: [([String], TypedParameterValueType)] = [
        (["unsigned", "long", "long"], .ullong), (["unsigned", "int"], .uint), (["long", "long"], .llong),
        (["int", "(", "boolean", ")"], .boolean),
    ] + allCases.map { ([$0.rawValue], $0) }

    /// The words that introduce a type (`as a uint`, `The parameter has type int`, `with a type of
    /// ullong`, `Accepted type is …`), each optionally followed by `a` or `an`.
    static let introductions: [[String]] = [["as"], ["type", "is"], ["type", "of"], ["type"]]

    /// The type a key's documentation states, or nil when it states none or several.
    ///
    /// A type is stated by a `VIR_TYPED_PARAM_<TYPE>` constant anywhere (`as VIR_TYPED_PARAM_ULLONG`,
    /// `Accepted type is VIR_TYPED_PARAM_INT`, and 9.0.0's `VIR_TYPED_PARAMS_STRING`), or by one of
    /// ``introductions`` followed by one of ``spellings`` (`as a uint`, `as an llong`, `as an int
    /// (boolean)`, `with a type of ullong`, `as an unsigned long long`). Words are compared without
    /// case; a type word must be a whole word (`as an unsigned integer` states none). A text naming
    /// two different types (11.x's `VIR_TYPED_PARAM_UINT or since 9.3.0 VIR_TYPED_PARAM_ULLONG`)
    /// states none.
    public static func documented(in text: String) -> TypedParameterValueType? {
        let words = Self.words(text)
        var found: Set<TypedParameterValueType> = []
        for (index, word) in words.enumerated() {
            if let constant = constantType(word) { found.insert(constant) }
            for introduction in introductions where words[index...].starts(with: introduction) {
                var next = index + introduction.count
                if next < words.count, ["a", "an"].contains(words[next]) { next += 1 }
                if let (_, type) = spellings.first(where: { words[next...].starts(with: $0.0) }) {
                    found.insert(type)
                    break
                }
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The type a `VIR_TYPED_PARAM_<TYPE>` or `VIR_TYPED_PARAMS_<TYPE>` word (lowercased) names.
    static func constantType(_ word: String) -> TypedParameterValueType? {
        for prefix in ["vir_typed_param_", "vir_typed_params_"] where word.hasPrefix(prefix) {
            return TypedParameterValueType(rawValue: String(word.dropFirst(prefix.count)))
        }
        return nil
    }

    /// `text` lowercased as words (letters, digits and `_`) and single punctuation characters.
    /// ASCII text, nearly all of it, is split as bytes: the same words without grapheme breaking.
    static func words(_ text: String) -> [String] {
        text.isASCII ? asciiWords(text) : characterWords(text)
    }

    /// ``words(_:)`` of any text, split as characters.
    static func characterWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "_" {
                word.append(c)
                continue
            }
            if !word.isEmpty { words.append(word) }
            word = ""
            if !c.isWhitespace { words.append(String(c)) }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// ``words(_:)`` of ASCII text, split as bytes: a word byte is a letter, a digit or `_`, and
    /// the whitespace bytes are those `Character.isWhitespace` accepts (tab to carriage return, space).
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            let lower = byte.isASCIIUppercase ? byte + 32 : byte
            if lower.isIdentifierByte {
                word.append(lower)
                continue
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
            if !(lower == 0x20 || (0x09...0x0D).contains(lower)) { words.append(String(decoding: [lower], as: UTF8.self)) }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
