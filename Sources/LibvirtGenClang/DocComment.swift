/// A header comment read for the model: the version of its `Since:` tag and the remaining text.
///
/// Block comments before declarations (`/** virDomainState: ... Since: 0.0.1 */`) start with the
/// symbol's name, which is dropped; trailing comments of enum constants (`/* no state (Since: 0.0.1) */`)
/// are their documentation.
struct DocComment: Sendable, Equatable {
    /// The version of the `Since:` tag, if any.
    var version: String?
    /// The text without the name line, the tag and the comment's `*` margins.
    var text: String

    /// Reads a comment's inside text; nil gives an empty comment.
    init(_ raw: String?) {
        var lines = (raw ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(Self.stripMargin)
        if let first = lines.first(where: { !$0.isEmpty }), first.hasSuffix(":"), !first.contains(" ") {
            lines.removeFirst(lines.firstIndex(of: first)! + 1)
        }
        var body = lines.joined(separator: "\n")
        version = nil
        if let tag = body.range(of: "Since: ") {
            let digits = body[tag.upperBound...].prefix { $0.isNumber || $0 == "." }
            version = digits.isEmpty ? nil : String(digits)
            var removed = tag.lowerBound..<body.index(tag.upperBound, offsetBy: digits.count)
            if body[..<removed.lowerBound].hasSuffix("("), body[removed.upperBound...].hasPrefix(")") {
                removed = body.index(before: removed.lowerBound)..<body.index(after: removed.upperBound)
            }
            body.removeSubrange(removed)
        }
        text = body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces }.joined(separator: "\n").trimmingNewlines
    }

    /// A line without leading spaces and one leading `*`.
    private static func stripMargin(_ line: Substring) -> String {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        if rest.first == "*" { rest = rest.dropFirst() }
        return String(rest.trimmingSpaces)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// Without leading and trailing newlines.
    var trimmingNewlines: String {
        String(drop { $0 == "\n" }.reversed().drop { $0 == "\n" }.reversed())
    }
}
