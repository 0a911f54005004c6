/// Spells a C type from its source text the way libvirt's API XML writes it: words separated
/// by one space, a space before a run of `*` and none inside it (`const char *`, `char ** const`).
enum CTypeSpelling {
    /// libvirt's macros that decorate declarations (`VIR_EXPORT_VAR` expands to `extern`).
    static let attributeMacros: Set<String> = ["VIR_DEPRECATED", "VIR_EXPORT_VAR"]

    /// Words that are not part of a type: the storage class and libvirt's attribute macros.
    static let ignoredWords = attributeMacros.union(["extern"])

    /// The type written in `text` (a declaration's source before its name).
    static func spell(_ text: String) -> String {
        var result = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            if !ignoredWords.contains(word) {
                if !result.isEmpty { result += " " }
                result += word
            }
            word = ""
        }
        for character in text {
            if character == "*" {
                flushWord()
                result += result.hasSuffix("*") || result.isEmpty ? "*" : " *"
            } else if character.isWhitespace {
                flushWord()
            } else {
                word.append(character)
            }
        }
        flushWord()
        return result
    }
}
