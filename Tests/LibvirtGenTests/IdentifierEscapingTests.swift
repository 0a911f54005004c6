@testable import LibvirtGenCore
import LibvirtGenModel
@testable import LibvirtGenSwift
import LibvirtGenXML
import Testing

/// The rules that keep names from the API description valid in generated code: Swift keywords in
/// backticks, capitalized keywords never naming a type, only C identifiers accepted as names, and
/// line breaks in documentation kept inside the comment.
@Suite("Identifier escaping")
struct IdentifierEscapingTests {
    /// Every Swift keyword, `_` included, is escaped with backticks wherever it names a member.
    @Test(arguments: ["class", "func", "self", "Self", "Type", "init", "default", "in", "throws", "Protocol", "_"])
    func keywordsGetBackticks(keyword: String) {
        #expect(SwiftIdentifier.escaped(keyword) == "`\(keyword)`")
    }

    /// Ordinary names, and words that are keywords only in some positions, stay as they are; a leading
    /// digit gets an underscore, and a name with no words left (`_`) becomes `unnamed`.
    @Test func otherNames() {
        #expect(SwiftIdentifier.escaped("domain") == "domain")
        #expect(SwiftIdentifier.escaped("async") == "async")
        #expect(SwiftIdentifier.escaped("Error") == "Error")
        #expect(SwiftIdentifier.escaped("9lives") == "_9lives")
        #expect(Naming.nonEmpty("") == "unnamed" && Naming.nonEmpty("domain") == "domain")
    }

    /// `Type`, `Protocol`, `Self` and `Any` cannot name a nested type even in backticks: they become `Kind`.
    @Test(arguments: ["Type", "Protocol", "Self", "Any"])
    func capitalizedKeywordsNeverNameTypes(word: String) throws {
        #expect(try TypeNamingTests.typeNaming().swiftName(of: "virDomain" + word) == "Domain.Kind")
    }

    /// A name is a C identifier: ASCII letters, digits and `_`, not starting with a digit; C keywords
    /// are refused separately.
    @Test func cIdentifiers() {
        for name in ["virDomainGetName", "_x", "VIR_DOMAIN_NOSTATE", "class", "a9"] {
            #expect(CTypeSyntax.isIdentifier(name), "\(name)")
        }
        for name in ["", "9lives", "dash-name", "two words", "café", "a.b", "a$b", "paren("] {
            #expect(!CTypeSyntax.isIdentifier(name), "\(name)")
        }
        #expect(CTypeSyntax.keywords.isSuperset(of: ["default", "struct", "int", "return"]))
    }

    /// A literal's contents are each character escaped, plain printable ASCII written as it is:
    /// quotes, backslashes, tabs, line feeds, CR LF, DEL, C1 controls and line separators escape,
    /// other non-ASCII text stays as it is, whichever way it is written.
    @Test(arguments: [
        "", "plain text, 42 (x)", "say \"hi\"", "a\\b", "tab\there", "line\nfeed", "cr\r\nlf", "del\u{7F}", "next\u{85}",
        "sep\u{2028}ara\u{2029}", "café", "e\u{301}", "🙂 ~", "`{}`",
    ])
    func literalContentsEscapeEachCharacter(text: String) {
        #expect(SwiftStringLiteral.contents(text) == text.map(SwiftStringLiteral.escaped).joined())
    }

    /// A typed-parameter name from a macro's string becomes a string literal with quotes, backslashes,
    /// control characters and line separators escaped, and its printf conversions interpolated.
    @Test func stringLiterals() {
        let literal = { (text: String) in SwiftStringLiteral.literal(TypedParameterLowering.nameParts(of: text).0) }
        #expect(literal("a\"b\\c") == #""a\"b\\c""#)
        #expect(literal("one\r\ntwo\u{2028}") == #""one\u{d}\u{a}two\u{2028}""#)
        let (parts, parameters) = TypedParameterLowering.nameParts(of: "cputune.vcpupin%u.%s")
        #expect(parts == [
            .text(content: "cputune.vcpupin"), .parameter(name: "value0"), .text(content: "."), .parameter(name: "value1"),
        ])
        #expect(parameters.map(\.type) == [.named("UInt"), .named("String")])
        #expect(SwiftStringLiteral.literal(parts) == #""cputune.vcpupin\(value0).\(value1)""#)
    }

    /// A carriage return (alone or before a newline), NEL and the Unicode separators all end a
    /// documentation line, so none reaches a `///` comment where Swift would end it early.
    @Test func lineBreaksInDocumentation() {
        let docs = DocText()
        #expect(docs.lines("one\rtwo\r\nthree\u{2028}four\u{85}five") == ["one", "two", "three", "four", "five"])
        #expect(docs.lines("one\r\n\r\ntwo") == ["one", "", "two"])
        let document = Documentation(parameters: [DocumentedParameter(name: "x", text: docs.convert("a\rb"))], symbols: ["virX"])
        #expect(document.lines == ["- Parameter x: a", "b", "", "C symbol: `virX`."])
    }
}
