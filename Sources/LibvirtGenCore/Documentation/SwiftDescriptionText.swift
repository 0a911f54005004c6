import Foundation

/// Rewrites a C function's description for the Swift declaration: Swift frees what the bindings
/// return (handles when their last reference goes, strings and arrays at once), so the sentences
/// that tell the caller to free (`virDomainFree should be used to free the resources after the
/// domain object is no longer needed.`) are dropped, and so are such clauses inside a sentence
/// (`and the caller must free this string`). Paragraphs of C code are left as they are.
enum SwiftDescriptionText {
    /// The rewritten description; paragraphs that lose every sentence go, with their blank line.
    static func rewrite(_ text: String) -> String {
        // Every clause and sentence it drops speaks of freeing: most descriptions pass untouched.
        guard text.containsBytes("free", ignoringASCIICase: true) else { return text }
        let paragraphs = text.paragraphs.compactMap { paragraph -> String? in
            guard paragraph.containsBytes("free", ignoringASCIICase: true), !isCode(paragraph) else { return paragraph }
            var kept = paragraph
            for clause in freeingClauses { kept = clause.replacing(in: kept, with: "") }
            kept = SwiftReturnsText.sentences(of: kept).filter { !freeingSentence.matches($0.text) }
                .map { $0.text + $0.separator }.joined()
            guard kept != paragraph else { return paragraph }
            while kept.last?.isWhitespace == true { kept.removeLast() }
            return kept.allSatisfy(\.isWhitespace) ? nil : kept
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// Clauses telling the caller to free, inside a sentence that says more.
    static let freeingClauses = [TextPattern(#",?\s+and the caller must free this string"#, cues: ["and the caller must free this string"])]

    /// A sentence about freeing what the C function returned.
    static let freeingSentence = TextPattern(
        #"should be used to free|to free memory|should be freed by the caller|is responsible for (calling \w+Free|freeing)|^See vir\w+Free\b"#,
        cues: ["free"])

    /// Whether a paragraph is C code (a line ending in `;`, `{` or `}`).
    static func isCode(_ paragraph: String) -> Bool {
        paragraph.splitting(atASCII: { $0 == UInt8(ascii: "\n") }).contains { line in
            let trimmed = line.trimmingWhitespace
            return trimmed.hasSuffix(";") || trimmed.hasSuffix("{") || trimmed.hasSuffix("}")
        }
    }
}
