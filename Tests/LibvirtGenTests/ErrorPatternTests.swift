import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
@testable import LibvirtGenSwift
import Testing

/// Every `LibvirtError.Code` case has a static pattern on `LibvirtError` (`catch LibvirtError.noDomain`),
/// and no pattern takes the name of a member the hand-written runtime declares.
@Suite("Error patterns")
struct ErrorPatternTests {
    /// The file declaring `LibvirtError.Code`.
    private static func errorFile() throws -> BindingFile {
        let files = try Reference.package().modules.flatMap(\.files)
        return try #require(files.first { $0.owner == "LibvirtError" && $0.enums.contains { $0.name == "Code" } })
    }

    /// One pattern per case, named like it, created from it, documented with the case's text and C symbol.
    @Test func onePatternPerCode() throws {
        let file = try Self.errorFile()
        let codes = try #require(file.enums.first { $0.name == "Code" })
        #expect(file.errorPatterns.map(\.name) == (codes.cases + codes.aliases).map(\.name))
        let noDomain = try #require(file.errorPatterns.first { $0.name == "noDomain" })
        #expect(noDomain.patternType == "CodePattern")
        #expect(noDomain.code == "noDomain")
        #expect(noDomain.doc.lines.first?.contains("`LibvirtError.Code.noDomain`") == true, "\(noDomain.doc.lines)")
        #expect(noDomain.doc.lines.contains("C symbol: `VIR_ERR_NO_DOMAIN`."), "\(noDomain.doc.lines)")
        // Only the code enum has patterns.
        let others = try Reference.package().modules.flatMap(\.files).filter { $0.owner != "LibvirtError" }
        #expect(others.allSatisfy { $0.errorPatterns.isEmpty })
    }

    /// The documentation site lists the patterns on `LibvirtError`'s page.
    @Test func sitePage() throws {
        let page = try #require(try ReferenceSite.pages()["types/Libvirt.LibvirtError.html"])
        #expect(page.contains("Error patterns"))
        let section = try #require(ReferenceSite.section("VIR_ERR_NO_DOMAIN", in: page))
        #expect(section.contains("static var noDomain: CodePattern { get }"), "\(section)")
    }

    /// The runtime's public members are the names patterns must not take.
    @Test func publicMembers() {
        let source = """
            public struct LibvirtError: Error {
                public var code: Code
                public private(set) var level: Int
                public static func code(_ code: Code) -> CodePattern { CodePattern(code) }
                package static func last() -> LibvirtError { fatalError() }
                public init() { let message = 1 }
            }
            """
        #expect(ErrorPatternNames.publicMembers(in: source) == ["code", "level"])
        #expect(ErrorPatternNames.declares("LibvirtError", in: source))
        #expect(!ErrorPatternNames.declares("Code", in: source))
    }

    /// A code whose case would be named `message` is an error at its constant: the pattern would
    /// read as the stored property.
    @Test func clashIsAnError() throws {
        try withTemporaryFolder { temporary in
            let api = try HostileInputTests.folder(in: temporary, "libvirt-api.xml") {
                $0.replacingOccurrences(of: "'VIR_ERR_NO_NAME'", with: "'VIR_ERR_MESSAGE'")
            }
            let result = try Pipeline().run(apiXML: api)
            let error = try #require(throws: DiagnosticError.self) {
                try SwiftRenderer().render(result.package, apis: result.apis)
            }
            #expect(error.description.contains("LibvirtError.message"), "\(error.description)")
            #expect(error.diagnostic.location?.file == api.appendingPathComponent("libvirt-api.xml").path)
        }
    }
}
