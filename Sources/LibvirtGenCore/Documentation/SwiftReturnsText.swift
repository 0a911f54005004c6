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
        let all = sentences(of: text).map { $0.text.trimmingWhitespace }
        var result = (all.prefix(1) + all.dropFirst().filter { !mentionsFreeing($0) }).joined(separator: " ")
        for clause in memoryClauses { result = clause.replacing(in: result, with: "") }
        if failureIsSilent {
            for clause in failureClauses { result = clause.replacing(in: result, with: "") }
            result = result.trimming(asciiCharacters: " ,;")
            if successStatus.matches(result) { return nil }
            result = successQualifier.replacing(in: result, with: "")
            result = pointerOtherwise.replacing(in: result, with: "$1 $2")
        } else if optional {
            result = failureValue.replacing(in: result, with: "`nil`")
        }
        if collection {
            result = countedList.replacing(in: result, with: "the $1")
            result = capacityCaveat.replacing(in: result, with: "")
        }
        if boolean {
            result = trueValue.replacing(in: result, with: "`true` $1")
            result = falseValue.replacing(in: result, with: "`false` $1")
        }
        result = result.trimming(asciiCharacters: " ,;")
        if result.hasSuffix(",.") || result.hasSuffix(" .") { result = String(result.dropLast(2)) + "." }
        return result.isEmpty || result == "." ? nil : result
    }

    /// Clauses that give the value a failure returns (case-insensitive): the Swift declaration
    /// throws instead.
    static let failureClauses = [
        TextPattern(#"[,;]?\s*(or\s+)?(-1|%?NULL|0)\s+(is returned\s+)?(in case of( an?)?|on|upon|in|if there (was|is) an?|if an?|in the event of an?)\s+(error|failure|failures)\b[^.;,]*"#, cues: ["error", "failure"]),
        TextPattern(#"[,;]?\s*(or\s+)?%?NULL\s+(if|when)\s+(not found|no matching[^,.;]*|creation failed|[^,.;]*fail[^,.;]*)(\s*/\s*error)?"#, cues: ["null"]),
        TextPattern(#"[,;]?\s*(or\s+)?%?NULL\s+otherwise"#, cues: ["null"]),
        TextPattern(#"\s+or\s+%?NULL(?=\s*[.,;]|$)"#, cues: ["null"]),
        TextPattern(#"[,;]?\s*%?NULL\s+in case of[^.;,]*"#, cues: ["null"]),
        TextPattern(#"\s+on success,\s*-1 otherwise"#, cues: ["-1 otherwise"]),
        TextPattern(#"\s+or\.(?=\s|$)"#, cues: ["or."]),
    ]

    /// `on success`, `if successful`: said of the value a declaration that throws on failure returns.
    static let successQualifier = TextPattern(#"\s+(on success|if successful|if success|in case of success)(?=\s*[.,;(]|$)"#, cues: ["success"])

    /// C's failure value of a result Swift makes optional: `NULL`, `(unsigned int) -1`.
    static let failureValue = TextPattern(#"(\(unsigned int\)\s*)?-1|%?\bNULL\b"#, cues: ["-1", "null"])

    /// A text that says only that 0 means success: a throwing declaration's result is something else.
    static let successStatus = TextPattern(#"^(0|zero)(\s+is returned)?(\s+(in case of|on|upon|if)\s+success(ful)?)?(,\s*and)?\.?$"#, cues: ["0", "zero"])

    /// `a pointer to the X otherwise` (after `NULL if not found,` went): the X.
    static let pointerOtherwise = TextPattern(#"^an?\s+pointer\s+to\s+(the|an?)\s+(.*?)(\s+otherwise)?(?=\s*(\.|,|$))"#, cues: ["pointer"])

    /// `the number of X provided in the array` / `found` / `listed in names` / `fetched`: the
    /// count of a list the Swift declaration returns.
    static let countedList = TextPattern(#"^the number of (.+?)(\s+(provided in the array|found|fetched|listed( in [`@%]?\w+`?)?))?(?=\s*(\.|$))"#, cues: ["the number of"])

    /// `; you are only guaranteed that all … were listed if the return is less than maxnames`.
    static let capacityCaveat = TextPattern(#";\s*you are only guaranteed[^.]*less than [`@%]?\w+`?"#, cues: ["you are only guaranteed"])

    /// Clauses about the result's memory: who frees it (`which must be freed by the caller`,
    /// `(caller frees)`), how long a borrowed string lives, how a C string ends.
    static let memoryClauses = [
        TextPattern(#"\s*(,\s*)?which must be freed by the caller"#, cues: ["freed by the caller"]),
        TextPattern(#"[,;]?\s*the string must be freed by the caller"#, cues: ["freed by the caller"]),
        TextPattern(#"\s*\((the\s+)?caller\s+(must\s+)?frees?\)"#, cues: ["free"]),
        TextPattern(#"[,;]?\s*the string need not be deallocated[^.]*"#, cues: ["deallocated"]),
        TextPattern(#"\s*\((in\s+)?null-terminated[^)]*\)"#, cues: ["null-terminated"]),
    ]

    /// `1 if …` in a `Bool` result's description.
    static let trueValue = TextPattern(#"(?<![\w-])1 (if|when)\b"#, cues: ["1 "])
    /// `0 if …` / `0 otherwise` in a `Bool` result's description.
    static let falseValue = TextPattern(#"(?<![\w-])0 (if|when|otherwise)\b"#, cues: ["0 "])

    /// An out-argument's description as the description of the value Swift returns in its place:
    /// the pointer, the storage behind it and who allocates it are the bindings' business, and
    /// C's count-only mode (`or NULL if the list is not required`) does not exist in Swift. Nil
    /// when nothing is left but storage (`pointer at which to store info`, `a VIR_UUID_BUFLEN
    /// bytes array`) or a C type name, which the Swift type says better.
    static func outputValue(_ text: String) -> String? {
        var value = text.trimmingWhitespace
        for clause in outputClauses { value = clause.replacing(in: value, with: "") }
        if storageOnly.matches(value) { return nil }
        if let lead = pointerLead.firstMatch(in: value) {
            value.removeSubrange(lead)
            while let storage = storagePrefix.firstMatch(in: value) { value.removeSubrange(storage) }
        }
        value = value.trimming(asciiCharacters: " ,;.")
        if value.isEmpty || storageOnly.matches(value) || cTypeName.matches(value) { return nil }
        return value
    }

    /// What an out-argument's text says about allocation, direction and C's count-only mode.
    static let outputClauses = [
        TextPattern(#"\s*\((OUT|return value, allocated automatically|allocated automatically)\)"#, cues: ["(out)", "allocated automatically)"]),
        TextPattern(#"\s+(which will be )?allocated (by the (user|caller)|automatically)\b[^.;,()]*"#, cues: ["allocated"]),
        TextPattern(#"\s+which will be allocated[^.;]*"#, cues: ["which will be allocated"]),
        TextPattern(#"[,;]?\s*(or\s+)?%?NULL if (the list is not required|just the number[^(.;]*?is required)(\s*\([^)]*\))?"#, cues: ["null if"]),
        TextPattern(#"\.?\s*Pass %?NULL if only the list length is needed\.?"#, cues: ["if only the list length is needed"]),
        TextPattern(#"[;,]?\s*it is allowed to be %?NULL"#, cues: ["it is allowed to be"]),
        TextPattern(#"^returns\s+(?=the\s)"#, cues: ["returns"]),
        TextPattern(#"^return value for\s+"#, cues: ["return value for"]),
    ]

    /// `pointer to ` / `a pointer that will be filled with `: the storage, not the value.
    static let pointerLead = TextPattern(#"^(an?\s+)?pointer\s+(to|that will be filled with)\s+"#, cues: ["pointer"])

    /// `a variable to store `, `the array containing `, `an array of pointers pointing to `: storage
    /// words between the pointer and the value, removed one after another.
    static let storagePrefix = TextPattern(#"^((a|an|the)\s+)?((NULL-terminated\s+)?(variable|list|array|pointer|string)\s+(to store|to be filled with|of pointers pointing to|of|containing)|pointers? of)\s+"#, cues: ["variable", "list", "array", "pointer", "string"])

    /// A text about where C writes the value, not the value.
    static let storageOnly = TextPattern(#"^(pointer at which to store|pass %?NULL|an? VIR_\w+_BUFLEN bytes array|VIR_\w+_BUFLEN bytes array)"#, cues: ["pointer at which to store", "pass", "_buflen bytes array"])

    /// A C scalar type's name (`unsigned long long`), all that is left of `pointer to the array of …`.
    static let cTypeName = TextPattern(#"^(unsigned\s+)?(char|short|int|long|long long|long long int)$"#, cues: ["char", "short", "int", "long"])

    /// Whether a sentence is about freeing or the lifetime of memory, which Swift manages (the
    /// first sentence, which says what the value is, loses only its freeing clause).
    static func mentionsFreeing(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return ["free(", "freed", "freeing", "free each", "deallocated", "to call free", "must free"]
            .contains { lower.containsText($0) }
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
}
