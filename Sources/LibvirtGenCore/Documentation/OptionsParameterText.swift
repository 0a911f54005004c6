import Foundation

/// Rewrites an option-set parameter's description for Swift: libvirt describes its `flags` as a C
/// bitmask (`bitwise-OR of virDomainModificationImpact`), while a Swift caller passes a set of
/// options (`[.live, .config]`), so the text speaks of a combination of the options.
enum OptionsParameterText {
    /// `optional flags; bitwise-OR of supported …`, `bitwise OR of …`.
    static let bitmask = TextPattern(#"(optional flags;\s*)?\bbitwise[- ]?OR(ed|'d)? of (the )?(supported )?"#, cues: ["bitwise"])

    /// `a bitwise-or of values from …` in a function's description.
    static let describedBitmask = TextPattern(#"\ba\s+bitwise[- ]?or(ed|'d)?\s+of\b"#, cues: ["bitwise"])

    /// A function's description with `a bitwise-or of values from …` as `a combination of values
    /// from …`, the options being passed as a set.
    static func rewriteDescription(_ text: String) -> String {
        describedBitmask.replacing(in: text, with: "a combination of")
    }

    /// The text with its bitmask wording replaced by `any combination of`.
    static func rewrite(_ text: String) -> String {
        bitmask.replacing(in: text, with: "any combination of ")
    }
}
