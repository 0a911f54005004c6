import LibvirtGenModel
@testable import LibvirtGenSwift
import Testing

/// Documentation is a value: the Swift renderer lays it out as a `///` comment, the site reads
/// its parts; nothing parses text back.
@Suite("Documentation as a value")
struct DocumentationTests {
    @Test("the comment: description, callouts, then symbols and version after a blank line")
    func comment() {
        let doc = Documentation(
            body: ["Gets the thing.", "", "Really."], parameters: [DocumentedParameter(name: "name", text: "its name,\nor nil")],
            returns: "the thing", throwing: "`LibvirtError` when libvirt reports a failure.", symbols: ["virThingGet"],
            since: "1.2.3")
        #expect(DocumentationComment.lines(doc) == [
            "Gets the thing.", "", "Really.", "- Parameter name: its name,", "or nil", "- Returns: the thing",
            "- Throws: `LibvirtError` when libvirt reports a failure.", "", "C symbol: `virThingGet`.",
            "Available since libvirt 1.2.3.",
        ])
    }

    @Test("no text: the symbol line alone; two symbols: one line naming both; no symbol: the text alone")
    func trailers() {
        #expect(DocumentationComment.lines(Documentation(symbols: ["virX"])) == ["C symbol: `virX`."])
        #expect(DocumentationComment.lines(Documentation(body: ["Events."], symbols: ["virA", "virB"], since: "0.8.0"))
            == ["Events.", "", "C symbols: `virA`, `virB`.", "Available since libvirt 0.8.0."])
        #expect(DocumentationComment.lines(Documentation(body: ["A field."])) == ["A field."])
    }

    @Test("paragraphs: lines trimmed and joined, split at blank lines")
    func paragraphs() {
        let doc = Documentation(body: ["  One", "line. ", "", "", "Two.\t"])
        #expect(doc.paragraphs == ["One line.", "Two."])
    }
}
