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
            && words.allSatisfy { $0.first.map { !$0.isNumber } ?? false }
    }

    private static func isIdentifierCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }
}
