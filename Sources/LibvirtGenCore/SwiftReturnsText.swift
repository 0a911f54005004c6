import Foundation

/// Rewrites a C function's return description for the Swift declaration that wraps it: a
/// throwing declaration reports failure by throwing, and Swift frees what it returns, so the
/// clauses about failure values (`-1 in case of error`, `NULL on failure`, `or NULL if not
/// found`) and about freeing (`The caller must free() the returned value.`) are dropped, and a
/// `Bool` result speaks of `true` and `false` rather than 1 and 0. Where Swift returns the list a
/// C function counts into a caller's array, the text speaks of the list (`the number of names
/// provided in the array` → `the names`) and drops the caveat about an array too small, which
/// the bindings grow until the list fits.
enum SwiftReturnsText {
    /// The rewritten text, or nil when nothing of it is left; `collection` when the Swift result
    /// is the list the C result counts.
    static func rewrite(_ text: String, throwing: Bool, boolean: Bool, collection: Bool = false) -> String? {
        let all = sentences(of: text)
        var result = (all.prefix(1) + all.dropFirst().filter { !mentionsFreeing($0) }).joined(separator: " ")
        result = replacing(freeingClause, in: result, with: "")
        if throwing {
            for expression in failureClauses { result = replacing(expression, in: result, with: "") }
        }
        if collection {
            result = replacing(countedList, in: result, with: "the $1")
            result = replacing(capacityCaveat, in: result, with: "")
        }
        if boolean {
            result = replacing(trueValue, in: result, with: "`true` $1")
            result = replacing(falseValue, in: result, with: "`false` $1")
        }
        result = result.trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
        if result.hasSuffix(",.") || result.hasSuffix(" .") { result = String(result.dropLast(2)) + "." }
        return result.isEmpty || result == "." ? nil : result
    }

    /// Clauses that give the value a failure returns (case-insensitive): the Swift declaration
    /// throws instead.
    static let failureClauses = expressions([
        #"[,;]?\s*(or\s+)?(-1|%?NULL|0)\s+(is returned\s+)?(in case of|on|upon|if there (was|is) an?|if an?|in the event of an?)\s+(error|failure|failures)\b[^.;,]*"#,
        #"[,;]?\s*(or\s+)?%?NULL\s+(if|when)\s+(not found|no matching[^,.;]*|creation failed|[^,.;]*fail[^,.;]*)(\s*/\s*error)?"#,
        #"[,;]?\s*(or\s+)?%?NULL\s+otherwise"#,
        #"\s+or\s+%?NULL(?=\s*[.,;]|$)"#,
        #"[,;]?\s*%?NULL\s+in case of[^.;,]*"#,
        #"\s+on success,\s*-1 otherwise"#,
    ])

    /// `the number of X provided in the array` / `found` / `listed in names` / `fetched`: the
    /// count of a list the Swift declaration returns.
    static let countedList = expressions([
        #"^the number of (.+?)(\s+(provided in the array|found|fetched|listed( in [`@%]?\w+`?)?))?(?=\s*(\.|$))"#,
    ])[0]

    /// `; you are only guaranteed that all … were listed if the return is less than maxnames`.
    static let capacityCaveat = expressions([#";\s*you are only guaranteed[^.]*less than [`@%]?\w+`?"#])[0]

    /// A clause about who frees the result (`which must be freed by the caller`).
    static let freeingClause = expressions([#"\s*(,\s*)?which must be freed by the caller"#])[0]

    /// `1 if …` in a `Bool` result's description.
    static let trueValue = expressions([#"(?<![\w-])1 (if|when)\b"#])[0]
    /// `0 if …` / `0 otherwise` in a `Bool` result's description.
    static let falseValue = expressions([#"(?<![\w-])0 (if|when|otherwise)\b"#])[0]

    /// The patterns compiled once, case-insensitive (a bad pattern is a programming error).
    static func expressions(_ patterns: [String]) -> [NSRegularExpression] {
        patterns.map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    }

    /// Whether a sentence is about freeing or the lifetime of memory, which Swift manages (the
    /// first sentence, which says what the value is, loses only its freeing clause).
    static func mentionsFreeing(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return ["free(", "freed", "free each", "deallocated", "to call free", "must free"].contains { lower.contains($0) }
    }

    /// The sentences of a text (split after `. ` that ends a sentence).
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if character == ".", index + 1 < characters.count, characters[index + 1] == " " {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// `text` with every match of `expression` replaced by `template`.
    static func replacing(_ expression: NSRegularExpression, in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
