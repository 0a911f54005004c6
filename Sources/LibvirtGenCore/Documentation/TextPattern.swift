import Foundation
import LibvirtGenModel

/// A case-insensitive regular expression over documentation text, with cue words: every match
/// contains one of them (in any case), so the expression runs only on a text holding one. Most
/// texts hold none, and an `NSRegularExpression` call costs a conversion to UTF-16 and an ICU
/// search whether it matches or not; a byte search for the cues costs next to nothing.
struct TextPattern: Sendable {
    /// The compiled expression.
    let expression: NSRegularExpression
    /// Words one of which every match contains, in lowercase; empty when no word is certain.
    let cues: [String]

    /// Compiles `pattern` (a bad pattern is a programming error). Every cue must be a literal that
    /// any match of `pattern` contains; a cue a match can lack would skip a rewrite.
    init(_ pattern: String, cues: [String]) {
        expression = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        self.cues = cues.map { $0.lowercased() }
    }

    /// Whether `text` holds a cue (or the pattern has none), so that the expression may match.
    private func mayMatch(_ text: String) -> Bool {
        cues.isEmpty || cues.contains { text.containsBytes($0, ignoringASCIICase: true) }
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        firstMatch(in: text) != nil
    }

    /// Where the pattern first matches in `text`.
    func firstMatch(in text: String) -> Range<String.Index>? {
        guard mayMatch(text),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(match.range, in: text)
    }

    /// `text` with every match replaced by `template` (`$1` for the first group).
    func replacing(in text: String, with template: String) -> String {
        guard mayMatch(text) else { return text }
        return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
