/// Evaluates the integer value of a simple macro body (`(4096 + 1)`, `80`, `VIR_TYPED_PARAM_FIELD_LENGTH`,
/// `9007199254740991LL /* comment */`): numbers, names of other macros, `+`, `-` and parentheses.
public enum MacroValue {
    /// The value, or nil when the text is not a simple integer expression.
    public static func evaluate(_ text: String, lookup: (String) -> Int64?) -> Int64? {
        var body = text
        if let comment = body.range(of: "/*") { body = String(body[..<comment.lowerBound]) }
        var total: Int64 = 0
        var sign: Int64 = 1
        var sawTerm = false
        for token in tokens(body) {
            switch token {
            case "(", ")": continue
            case "+": sign = 1
            case "-": sign = -1
            default:
                let digits = token.hasSuffix("LL") || token.hasSuffix("UL") ? String(token.dropLast(2)) : token
                guard let value = Int64(digits) ?? lookup(token) else { return nil }
                total += sign * value
                sign = 1
                sawTerm = true
            }
        }
        return sawTerm ? total : nil
    }

    private static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for c in text {
            if c.isLetter || c.isNumber || c == "_" {
                current.append(c)
            } else {
                if !current.isEmpty { result.append(current) }
                current = ""
                if !c.isWhitespace { result.append(String(c)) }
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
