@testable import LibvirtGenSwift
import Testing

/// How a generated file's declarations are laid out over parts of about a line budget.
@Suite("File parts")
struct FilePartsTests {
    /// A declaration of `lines` lines (a part counts it with the blank line before it).
    static func text(_ name: String, lines: Int) -> String {
        ([name] + Array(repeating: "x", count: lines - 1)).joined(separator: "\n")
    }

    /// Spells an extension as `owner{members…}` so the grouping shows in the result.
    static func wrap(_ owner: String, _ members: [String]) -> String {
        "\(owner){\(members.map { $0.prefix(1) }.joined(separator: ","))}"
    }

    /// Everything within the budget stays in one part, in order.
    @Test func fitsInOnePart() {
        let parts = FileParts.split(declarations: [Self.text("a", lines: 4), Self.text("b", lines: 4)], budget: 10)
        #expect(parts.map { $0.map { $0.prefix(1) } } == [["a", "b"]])
    }

    /// A declaration that would take the part past the budget starts the next one; one longer
    /// than the budget alone fills a part, and nothing is ever cut or left out.
    @Test func cutsBetweenDeclarations() {
        let declarations = [
            Self.text("a", lines: 4), Self.text("b", lines: 4), Self.text("c", lines: 25), Self.text("d", lines: 1),
            Self.text("e", lines: 3),
        ]
        let parts = FileParts.split(declarations: declarations, budget: 10)
        #expect(parts.map { $0.map { $0.prefix(1) } } == [["a", "b"], ["c"], ["d", "e"]])
        #expect(parts.flatMap { $0 } == declarations)
    }

    /// An owner's members share one extension per part; another owner's member or a top-level
    /// declaration between them closes it.
    @Test func membersShareAnExtensionPerPart() {
        let pieces: [FileParts.Piece] = [
            .declaration(Self.text("c", lines: 3)),
            .member(Self.text("m", lines: 3), owner: "Domain"),
            .member(Self.text("n", lines: 3), owner: "Domain"),
            .member(Self.text("o", lines: 3), owner: "Domain"),
            .member(Self.text("p", lines: 2), owner: "Connection"),
            .declaration(Self.text("k", lines: 2)),
        ]
        let parts = FileParts.split(pieces, budget: 12).map { FileParts.declarations(of: $0, wrap: Self.wrap) }
        #expect(parts == [[Self.text("c", lines: 3), "Domain{m,n}"], ["Domain{o}", "Connection{p}", Self.text("k", lines: 2)]])
    }

    /// The first part keeps the file's name; the others are numbered with two digits from 02.
    @Test func partNames() {
        #expect(FileParts.name("Domain.swift", part: 0) == "Domain.swift")
        #expect(FileParts.name("Domain.swift", part: 1) == "Domain+Part02.swift")
        #expect(FileParts.name("DomainDescription.swift", part: 9) == "DomainDescription+Part10.swift")
    }

    /// The generated package's files keep to the budget, bar a part holding one long declaration.
    @Test func generatedFilesKeepToTheBudget() throws {
        let files = try GenerationRuns.runs()[0].files.filter { $0.key.hasSuffix(".swift") && $0.key.contains("/Generated/") }
        let parted = files.keys.filter { $0.contains("+Part") }
        #expect(parted.contains("Sources/Libvirt/Generated/Domain+Part02.swift"))
        #expect(parted.contains("Sources/LibvirtXML/Generated/DomainDescription+Part02.swift"))
        for (path, data) in files {
            let lines = data.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            #expect(lines <= 2 * FileParts.lineBudget, "\(path) has \(lines) lines")
        }
    }
}
