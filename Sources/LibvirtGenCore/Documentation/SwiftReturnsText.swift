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
    /// The rewritten text, or nil when nothing of it is left. `failureIsSilent` when C's failure
    /// value never reaches the Swift caller (the declaration throws instead, or the failure cannot
    /// happen for a valid handle, `FailureRule.objectString`); `optional` when it arrives as `nil`
    /// (`FailureRule.failureIsNil`); `collection` when the Swift result is the list the C result
    /// counts.
    static func rewrite(
        _ text: String, failureIsSilent: Bool, optional: Bool = false, boolean: Bool, collection: Bool = false
    ) -> String? {
        let all = sentences(of: text).map { $0.text.trimmingCharacters(in: .whitespaces) }
        var result = (all.prefix(1) + all.dropFirst().filter { !mentionsFreeing($0) }).joined(separator: " ")
        for expression in memoryClauses { result = replacing(expression, in: result, with: "") }
        if failureIsSilent {
            for expression in failureClauses { result = replacing(expression, in: result, with: "") }
            result = result.trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
            if matches(successStatus, result) { return nil }
            result = replacing(successQualifier, in: result, with: "")
            result = replacing(pointerOtherwise, in: result, with: "$1 $2")
        } else if optional {
            result = replacing(failureValue, in: result, with: "`nil`")
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
        #"[,;]?\s*(or\s+)?(-1|%?NULL|0)\s+(is returned\s+)?(in case of( an?)?|on|upon|in|if there (was|is) an?|if an?|in the event of an?)\s+(error|failure|failures)\b[^.;,]*"#,
        #"[,;]?\s*(or\s+)?%?NULL\s+(if|when)\s+(not found|no matching[^,.;]*|creation failed|[^,.;]*fail[^,.;]*)(\s*/\s*error)?"#,
        #"[,;]?\s*(or\s+)?%?NULL\s+otherwise"#,
        #"\s+or\s+%?NULL(?=\s*[.,;]|$)"#,
        #"[,;]?\s*%?NULL\s+in case of[^.;,]*"#,
        #"\s+on success,\s*-1 otherwise"#,
        #"\s+or\.(?=\s|$)"#,
    ])

    /// `on success`, `if successful`: said of the value a declaration that throws on failure returns.
    static let successQualifier = expressions([#"\s+(on success|if successful|if success|in case of success)(?=\s*[.,;(]|$)"#])[0]

    /// C's failure value of a result Swift makes optional: `NULL`, `(unsigned int) -1`.
    static let failureValue = expressions([#"(\(unsigned int\)\s*)?-1|%?\bNULL\b"#])[0]

    /// A text that says only that 0 means success: a throwing declaration's result is something else.
    static let successStatus = expressions([#"^(0|zero)(\s+is returned)?(\s+(in case of|on|upon|if)\s+success(ful)?)?(,\s*and)?\.?$"#])[0]

    /// `a pointer to the X otherwise` (after `NULL if not found,` went): the X.
    static let pointerOtherwise = expressions([#"^an?\s+pointer\s+to\s+(the|an?)\s+(.*?)(\s+otherwise)?(?=\s*(\.|,|$))"#])[0]

    /// `the number of X provided in the array` / `found` / `listed in names` / `fetched`: the
    /// count of a list the Swift declaration returns.
    static let countedList = expressions([
        #"^the number of (.+?)(\s+(provided in the array|found|fetched|listed( in [`@%]?\w+`?)?))?(?=\s*(\.|$))"#,
    ])[0]

    /// `; you are only guaranteed that all … were listed if the return is less than maxnames`.
    static let capacityCaveat = expressions([#";\s*you are only guaranteed[^.]*less than [`@%]?\w+`?"#])[0]

    /// Clauses about the result's memory: who frees it (`which must be freed by the caller`,
    /// `(caller frees)`), how long a borrowed string lives, how a C string ends.
    static let memoryClauses = expressions([
        #"\s*(,\s*)?which must be freed by the caller"#,
        #"[,;]?\s*the string must be freed by the caller"#,
        #"\s*\((the\s+)?caller\s+(must\s+)?frees?\)"#,
        #"[,;]?\s*the string need not be deallocated[^.]*"#,
        #"\s*\((in\s+)?null-terminated[^)]*\)"#,
    ])

    /// `1 if …` in a `Bool` result's description.
    static let trueValue = expressions([#"(?<![\w-])1 (if|when)\b"#])[0]
    /// `0 if …` / `0 otherwise` in a `Bool` result's description.
    static let falseValue = expressions([#"(?<![\w-])0 (if|when|otherwise)\b"#])[0]

    /// An out-argument's description as the description of the value Swift returns in its place:
    /// the pointer, the storage behind it and who allocates it are the bindings' business, and
    /// C's count-only mode (`or NULL if the list is not required`) does not exist in Swift. Nil
    /// when nothing is left but storage (`pointer at which to store info`, `a VIR_UUID_BUFLEN
    /// bytes array`) or a C type name, which the Swift type says better.
    static func outputValue(_ text: String) -> String? {
        var value = text.trimmingCharacters(in: .whitespaces)
        for expression in outputClauses { value = replacing(expression, in: value, with: "") }
        if matches(storageOnly, value) { return nil }
        if let lead = pointerLead.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)),
           let range = Range(lead.range, in: value) {
            value.removeSubrange(range)
            while let storage = storagePrefix.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)),
                  let range = Range(storage.range, in: value) {
                value.removeSubrange(range)
            }
        }
        value = value.trimmingCharacters(in: CharacterSet(charactersIn: " ,;."))
        if value.isEmpty || matches(storageOnly, value) || matches(cTypeName, value) { return nil }
        return value
    }

    /// What an out-argument's text says about allocation, direction and C's count-only mode.
    static let outputClauses = expressions([
        #"\s*\((OUT|return value, allocated automatically|allocated automatically)\)"#,
        #"\s+(which will be )?allocated (by the (user|caller)|automatically)\b[^.;,()]*"#,
        #"\s+which will be allocated[^.;]*"#,
        #"[,;]?\s*(or\s+)?%?NULL if (the list is not required|just the number[^(.;]*?is required)(\s*\([^)]*\))?"#,
        #"\.?\s*Pass %?NULL if only the list length is needed\.?"#,
        #"[;,]?\s*it is allowed to be %?NULL"#,
        #"^returns\s+(?=the\s)"#,
        #"^return value for\s+"#,
    ])

    /// `pointer to ` / `a pointer that will be filled with `: the storage, not the value.
    static let pointerLead = expressions([#"^(an?\s+)?pointer\s+(to|that will be filled with)\s+"#])[0]

    /// `a variable to store `, `the array containing `, `an array of pointers pointing to `: storage
    /// words between the pointer and the value, removed one after another.
    static let storagePrefix = expressions([
        #"^((a|an|the)\s+)?((NULL-terminated\s+)?(variable|list|array|pointer|string)\s+(to store|to be filled with|of pointers pointing to|of|containing)|pointers? of)\s+"#,
    ])[0]

    /// A text about where C writes the value, not the value.
    static let storageOnly = expressions([#"^(pointer at which to store|pass %?NULL|an? VIR_\w+_BUFLEN bytes array|VIR_\w+_BUFLEN bytes array)"#])[0]

    /// A C scalar type's name (`unsigned long long`), all that is left of `pointer to the array of …`.
    static let cTypeName = expressions([#"^(unsigned\s+)?(char|short|int|long|long long|long long int)$"#])[0]

    /// Whether `expression` matches somewhere in `text`.
    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The patterns compiled once, case-insensitive (a bad pattern is a programming error).
    static func expressions(_ patterns: [String]) -> [NSRegularExpression] {
        patterns.map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    }

    /// Whether a sentence is about freeing or the lifetime of memory, which Swift manages (the
    /// first sentence, which says what the value is, loses only its freeing clause).
    static func mentionsFreeing(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return ["free(", "freed", "freeing", "free each", "deallocated", "to call free", "must free"].contains { lower.contains($0) }
    }

    /// The sentences of a text, each with the whitespace that follows it: a sentence ends at a
    /// period followed by a space or a line break, so joining kept sentences with their
    /// separators keeps the text's line breaks.
    static func sentences(of text: String) -> [(text: String, separator: String)] {
        var result: [(text: String, separator: String)] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == ".", next < text.endIndex, text[next].isWhitespace {
                var end = next
                while end < text.endIndex, text[end].isWhitespace { end = text.index(after: end) }
                result.append((String(text[start..<next]), String(text[next..<end])))
                start = end
                index = end
            } else {
                index = next
            }
        }
        if start < text.endIndex { result.append((String(text[start...]), "")) }
        return result
    }

    /// `text` with every match of `expression` replaced by `template`.
    static func replacing(_ expression: NSRegularExpression, in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
