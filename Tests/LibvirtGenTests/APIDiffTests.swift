import Foundation
import LibvirtGenCore
import LibvirtGenReports
import LibvirtGenerator
import Testing

/// `api-diff`: what changed between two libvirt releases, in C and in Swift terms.
@Suite("API diff")
struct APIDiffTests {
    /// The pipeline result for a checked-in version.
    static func result(_ version: String) throws -> Pipeline.Result {
        try Pipeline().run(apiXML: Reference.root.appendingPathComponent("api-xml/\(version)"))
    }

    /// 9.0.0 → 11.3.0, computed once.
    private static let diff = Result { APIDiff(old: try result("9.0.0"), new: try result("11.3.0")) }

    /// The C side lists the real additions with their versions, and libvirt removed nothing.
    @Test func cAdditions() throws {
        let diff = try Self.diff.get()
        #expect(diff.old == "9.0.0" && diff.new == "11.3.0")
        #expect(diff.c.added.contains(.init(kind: "function", name: "virDomainGraphicsReload", since: "10.2.0")))
        #expect(diff.c.added.contains(.init(kind: "function", name: "virNetworkSetMetadata", since: "9.7.0")))
        #expect(diff.c.added.contains { $0.kind == "enumValue" && $0.name == "VIR_ERR_AGENT_COMMAND_FAILED" })
        #expect(diff.c.removed.isEmpty, "libvirt keeps its API: \(diff.c.removed)")
    }

    /// The Swift side names the new declarations and what breaks users' source.
    @Test func swiftChanges() throws {
        let diff = try Self.diff.get()
        #expect(diff.swift.added.contains("Domain.graphicsReload(type:)"))
        #expect(diff.swift.added.contains("Network.setMetadata(type:metadata:key:uri:options:)"))
        #expect(diff.swift.sourceBreaking.contains {
            $0.hasPrefix("new case LibvirtError.Code.agentCommandFailed")
        })
        #expect(diff.swift.sourceBreaking.contains { $0.hasPrefix("new case Domain.Event.nicMACChange") })
        // A new defaulted parameter keeps old calls compiling: a change, not a break.
        #expect(diff.swift.changed.contains {
            $0.hasPrefix("Connection.domainCapabilities(emulator:arch:machine:virtualizationType:) is now")
        })
        #expect(!diff.swift.sourceBreaking.contains { $0.contains("domainCapabilities") })
    }

    /// A version compared with itself has no differences.
    @Test func sameVersionIsEmpty() throws {
        let result = try Self.result("9.0.0")
        let diff = APIDiff(old: result, new: result)
        #expect(diff.c == APIDiff.CPart() && diff.swift == APIDiff.SwiftPart())
        #expect(diff.xml == XMLTypeDiff(old: [], new: []))
    }

    /// The Markdown report has the release-notes sections.
    @Test func markdown() throws {
        let text = try Self.diff.get().markdown
        for heading in ["# libvirt 9.0.0 → 11.3.0", "## C API", "## Swift API", "### Source-breaking", "### Added", "## XML documents"] {
            #expect(text.contains(heading), "missing \(heading)")
        }
    }

    /// The CLI's JSON equals the checked-in golden file (set UPDATE_GOLDEN=1 to rewrite it after
    /// reviewing a deliberate change).
    @Test func goldenJSON() throws {
        let golden = Reference.root.appendingPathComponent("Tests/LibvirtGenTests/Fixtures/api-diff-9.0.0-11.3.0.json")
        let run = try CLI.run([
            "api-diff", Reference.root.appendingPathComponent("api-xml/9.0.0").path,
            Reference.root.appendingPathComponent("api-xml/11.3.0").path, "--json",
        ])
        #expect(run.status == 0)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(run.stdout.utf8).write(to: golden)
        }
        #expect(run.stdout == (try String(contentsOf: golden, encoding: .utf8)))
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(Set(object?.keys ?? [:].keys) == ["old", "new", "c", "swift", "xml"])
        let xml = object?["xml"] as? [String: [String]]
        #expect(xml?["added"]?.contains("DomainCapabilitiesDescription.CPU.Mode.Blockers") == true)
    }
}
