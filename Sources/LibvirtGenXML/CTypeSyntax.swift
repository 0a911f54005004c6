/// The shape of a C type string as the API description writes it (`const char **`, `char field[LEN]`).
public enum CTypeSyntax {
    /// Whether `type` is made only of identifiers, `*`, `const`, and one trailing array bound.
    public static func isValid(_ type: String) -> Bool {
        var text = Substring(type)
        if let open = text.firstIndex(of: "[") {
            guard text.last == "]" else { return false }
            let bound = text[text.index(after: open)..<text.index(before: text.endIndex)]
            guard !bound.isEmpty, bound.allSatisfy(isIdentifierCharacter) else { return false }
            text = text[..<open]
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "*" })
        guard !words.isEmpty else { return false }
        return text.allSatisfy { isIdentifierCharacter($0) || $0 == " " || $0 == "*" }
            && words.allSatisfy { isIdentifier(String($0)) }
    }

    /// Whether `name` is a C identifier: ASCII letters, digits and `_`, not starting with a digit.
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy(isIdentifierCharacter)
    }

    /// C's keywords, which no declaration can be named.
    public static let keywords: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
        "_Static_assert", "_Thread_local",
    ]

    private static func isIdentifierCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }
}
