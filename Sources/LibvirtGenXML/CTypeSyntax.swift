import LibvirtGenModel

/// The shape of a C type string as the API description writes it (`const char **`, `char field[LEN]`).
public enum CTypeSyntax {
    /// Whether `type` is made only of identifiers, `*`, `const`, and one trailing array bound.
    public static func isValid(_ type: String) -> Bool {
        // Checked as UTF-8 bytes: every accepted character is ASCII.
        var text = Array(type.utf8)[...]
        if let open = text.firstIndex(of: UInt8(ascii: "[")) {
            guard text.last == UInt8(ascii: "]") else { return false }
            let bound = text[(open + 1)..<(text.endIndex - 1)]
            guard !bound.isEmpty, bound.allSatisfy(\.isIdentifierByte) else { return false }
            text = text[..<open]
        }
        let words = text.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "*") })
        guard !words.isEmpty else { return false }
        return text.allSatisfy { $0.isIdentifierByte || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "*") }
            && words.allSatisfy(isIdentifier)
    }

    /// Whether `name` is a C identifier: ASCII letters, digits and `_`, not starting with a digit.
    public static func isIdentifier(_ name: String) -> Bool {
        isIdentifier(name.utf8)
    }

    /// Whether UTF-8 bytes spell a C identifier.
    private static func isIdentifier<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, !first.isASCIIDigit else { return false }
        return bytes.allSatisfy(\.isIdentifierByte)
    }

    /// C's keywords, which no declaration can be named.
    public static let keywords: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
        "_Static_assert", "_Thread_local",
    ]
}
