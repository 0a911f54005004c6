import Foundation
import LibvirtGenModel
import LibvirtGenXML
import Testing

/// The element tree the XML frontends read: names, attributes, text and lines as the document
/// spells them, and refusals as one line naming the file and line.
@Suite("XML tree")
struct XMLTreeTests {
    /// Parses `text` as a document named `test.xml`.
    static func parse(_ text: String) throws -> XMLNode {
        try XMLNode.parse(data: Data(text.utf8), displayPath: "test.xml")
    }

    /// The diagnostic parsing `text` throws.
    static func refusal(_ text: String) throws -> DiagnosticError {
        do {
            _ = try parse(text)
        } catch let error as DiagnosticError {
            return error
        }
        Issue.record("parsed without an error: \(text)")
        throw CancellationError()
    }

    /// Prefixed names keep their prefix; namespace declarations are attributes like any other.
    @Test func namesKeepTheirPrefixes() throws {
        let root = try Self.parse(
            "<grammar xmlns='http://relaxng.org/ns/structure/1.0' xmlns:a='urn:a'>"
                + "<a:documentation a:lang='en'>x</a:documentation></grammar>")
        #expect(root.name == "grammar")
        #expect(root.attributes == ["xmlns": "http://relaxng.org/ns/structure/1.0", "xmlns:a": "urn:a"])
        let documentation = try #require(root.children.first)
        #expect(documentation.name == "a:documentation")
        #expect(documentation.attributes == ["a:lang": "en"])
    }

    /// Attributes are found by name whatever their order; equal sets compare equal in any order.
    @Test func attributesByName() throws {
        let root = try Self.parse("<function name='f' file='libvirt-domain' module='libvirt-domain'/>")
        #expect(root.attributes["file"] == "libvirt-domain")
        #expect(root.attributes["version"] == nil)
        #expect(root.attributes.count == 3)
        #expect(root.attributes == ["module": "libvirt-domain", "name": "f", "file": "libvirt-domain"])
        #expect(root.attributes != ["module": "libvirt-domain", "name": "g", "file": "libvirt-domain"])
        #expect(root.attributes != ["name": "f", "file": "libvirt-domain"])
    }

    /// References and CDATA reach the text as the characters they stand for, in document order.
    @Test func textDecodesReferences() throws {
        let root = try Self.parse(
            "<info a='x &amp; y&#38;z &lt;&#x41;' b=\"it's\">one &amp; two&#38;&lt;three&gt;<![CDATA[ <&> ]]>&#xE9;</info>")
        #expect(root.attributes == ["a": "x & y&z <A", "b": "it's"])
        #expect(root.text == "one & two&<three> <&> é")
    }

    /// Whitespace between child elements stays in the parent's text, untrimmed.
    @Test func keepsWhitespace() throws {
        let root = try Self.parse("<api>\n  <file name='a'/>\n  <file name='b'>\tt\n</file>\n</api>")
        #expect(root.text == "\n  \n  \n")
        #expect(root.children.map(\.text) == ["", "\tt\n"])
        #expect(root.children(named: "file").map { $0.attributes["name"] } == ["a", "b"])
    }

    /// An element's line is the one its start tag ends on.
    @Test func elementsHaveLines() throws {
        let root = try Self.parse("<?xml version='1.0'?>\n<api>\n<function\n  name='f'>\n</function><b/>\n</api>\n")
        #expect(root.line == 2)
        #expect(root.children.map(\.line) == [4, 5])
    }

    /// A document declaring an entity is refused at the declaration, before anything expands it.
    @Test func entityDeclarationsAreRefused() throws {
        let error = try Self.refusal(
            "<?xml version='1.0'?>\n<!DOCTYPE api [\n<!ENTITY l0 \"lol\">\n]>\n<api info='&l0;'/>")
        #expect(error.diagnostic.message == "malformed XML: the file declares the entity 'l0'; entities are not accepted")
        #expect(error.diagnostic.location == SourceLocation(file: "test.xml", line: 3))
    }

    /// The parser's own reason is kept, on one line, with the line it names.
    @Test func parserErrorsNameTheirReason() throws {
        let error = try Self.refusal("<api>\n<files>\n</symbols>\n</api>")
        #expect(error.diagnostic.message.hasPrefix("malformed XML: Opening and ending tag mismatch: files"))
        #expect(!error.diagnostic.message.contains("\n"))
        #expect(error.diagnostic.location == SourceLocation(file: "test.xml", line: 3))
    }

    /// A file ending inside an element is an error, not a shorter tree.
    @Test func truncatedFileIsAnError() throws {
        let error = try Self.refusal("<api>\n<files>\n<file name='a'>")
        #expect(error.diagnostic.message.hasPrefix("malformed XML"))
        #expect((error.diagnostic.location?.line ?? 0) >= 3)
    }
}
