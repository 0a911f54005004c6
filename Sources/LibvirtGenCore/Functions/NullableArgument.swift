import LibvirtGenModel

/// Whether a C string argument accepts NULL, which makes it `String? = nil` in Swift: the overrides
/// data's `nullableParameters` says so, or the argument's own documentation does.
enum NullableArgument {
    /// Phrases of an argument's documentation saying it may be NULL, as libvirt writes them (`the
    /// channel name, or NULL`, `NULL for default`, `NULL means "use the hypervisor default driver"`,
    /// `ignored; pass NULL`). A phrase counts only as whole words: `non-NULL for` does not.
    static let phrases = ["or NULL", "NULL for", "NULL means", "pass NULL", "may be NULL", "can be NULL"]

    /// Whether `argument` of `function` accepts NULL.
    static func accepts(_ argument: CArg, of function: String, overrides: Overrides) -> Bool {
        (overrides.nullableParameters[function]?.contains(argument.name) ?? false) || documented(argument.info)
    }

    /// Whether an argument's documentation says it may be NULL: one of ``phrases``, or it starts by
    /// calling the argument optional (`(optional) rename domain to this at destination`, `Optional
    /// ASCII formatted MAC address of an interface`).
    static func documented(_ info: String) -> Bool {
        let lower = info.lowercased()
        return lower.hasPrefix("(optional)") || lower.hasPrefix("optional ")
            || phrases.contains { containsWords($0, in: info) }
    }

    /// Whether `phrase` occurs in `text` with no letter, digit, `-` or `_` joined to either end.
    private static func containsWords(_ phrase: String, in text: String) -> Bool {
        func joins(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } ?? false }
        // Most texts hold no phrase at all: a byte search rules them out before Foundation's.
        guard text.containsBytes(phrase) else { return false }
        var rest = text[...]
        while let range = rest.range(of: phrase) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !joins(before) && !joins(after) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }
}
