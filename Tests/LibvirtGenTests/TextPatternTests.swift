import Foundation
@testable import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenXML
import Testing

/// The documentation rewrites' patterns run only on texts holding one of their cue words; a cue
/// that a match can lack would silently skip a rewrite.
@Suite("Text patterns")
struct TextPatternTests {
    /// Every pattern the documentation rewrites use.
    static let all: [TextPattern] = SwiftReturnsText.failureClauses + SwiftReturnsText.memoryClauses
        + SwiftReturnsText.outputClauses + SwiftDescriptionText.freeingClauses + [
            SwiftReturnsText.successQualifier, SwiftReturnsText.failureValue, SwiftReturnsText.successStatus,
            SwiftReturnsText.pointerOtherwise, SwiftReturnsText.countedList, SwiftReturnsText.capacityCaveat,
            SwiftReturnsText.trueValue, SwiftReturnsText.falseValue, SwiftReturnsText.pointerLead,
            SwiftReturnsText.storagePrefix, SwiftReturnsText.storageOnly, SwiftReturnsText.cTypeName,
            SwiftDescriptionText.freeingSentence, OptionsParameterText.bitmask, OptionsParameterText.describedBitmask,
        ]

    @Test("a cue is found in any case, and without one the text is left alone")
    func cues() {
        let pattern = TextPattern(#"\bnull\s+otherwise"#, cues: ["NULL"])
        #expect(pattern.replacing(in: "a domain, NULL otherwise", with: "") == "a domain, ")
        #expect(pattern.matches("Null   otherwise"))
        #expect(pattern.firstMatch(in: "x null otherwise") != nil)
        // The expression would match here, but no cue is present: the text is not searched.
        let uncued = TextPattern(#"o+"#, cues: ["zzz"])
        #expect(uncued.replacing(in: "foo", with: "") == "foo")
        #expect(!uncued.matches("foo"))
        #expect(TextPattern(#"o+"#, cues: []).replacing(in: "foo", with: "") == "f")
    }

    /// Every documentation text of the three checked-in releases, and each of its sentences, that
    /// a pattern's expression matches holds one of the pattern's cues.
    @Test(arguments: ["7.0.0", "9.0.0", "11.3.0"])
    func everyMatchHoldsACue(version: String) throws {
        let apis = try XMLFrontend().read(folder: Reference.root.appendingPathComponent("api-xml/\(version)"))
        let texts = apis.flatMap(\.functions).flatMap { [$0.info, $0.returnInfo] + $0.args.map(\.info) }
        let pieces = texts + texts.flatMap { SwiftReturnsText.sentences(of: $0).map(\.text) }
        var checked = 0
        for pattern in Self.all where !pattern.cues.isEmpty {
            for text in pieces {
                let range = NSRange(text.startIndex..., in: text)
                guard pattern.expression.firstMatch(in: text, range: range) != nil else { continue }
                checked += 1
                #expect(pattern.cues.contains { text.lowercased().contains($0) }, "\(pattern.expression.pattern) in: \(text)")
            }
        }
        #expect(checked > 100)
    }
}
