import Foundation
@testable import LibvirtGenCore
@testable import LibvirtGenReports
import Testing

/// `api-diff --generated`: two built packages' public declarations compared, renames found
/// through the C symbols their documentation names or through spelled-out abbreviations.
@Suite("API diff of generated packages")
struct PublicAPIDiffTests {
    /// An entry with one declaration.
    static func entry(_ kind: String, _ declaration: String, c symbols: Set<String> = []) -> PublicAPI.Entry {
        .init(kind: kind, declarations: [declaration], cSymbols: symbols)
    }

    /// The 0.1-style side of the examples.
    static let old = PublicAPI(entries: [
        "Libvirt.Domain": entry("swift.class", "class Domain", c: ["virDomainPtr"]),
        "Libvirt.Domain.blockJobAbort(disk:options:)": entry("swift.method", "func blockJobAbort(disk: String, options: X) throws",
                                                              c: ["virDomainBlockJobAbort"]),
        "Libvirt.Domain.autostart": entry("swift.property", "var autostart: Bool { get throws }", c: ["virDomainGetAutostart"]),
        "Libvirt.Domain.Interface": entry("swift.struct", "struct Interface", c: ["virDomainInterface"]),
        "Libvirt.Domain.Interface.hwaddr": entry("swift.property", "var hwaddr: String?"),
        "Libvirt.Domain.Stats": entry("swift.struct", "struct Stats", c: ["virDomainStats"]),
        "Libvirt.Domain.Stats.rdReq": entry("swift.property", "var rdReq: Int64"),
        "Libvirt.Domain.Stats.rdBytes": entry("swift.property", "var rdBytes: Int64"),
        "Libvirt.Domain.Stats.rxDrop": entry("swift.property", "var rxDrop: Int64"),
        "Libvirt.Domain.vcpuCount()": entry("swift.method", "func vcpuCount() throws -> Int32", c: ["virDomainGetVcpusFlags"]),
        "Libvirt.Domain.EventID": entry("swift.enum", "enum EventID", c: ["virDomainEventID"]),
        "Libvirt.Domain.EventID.lifecycle": entry("swift.enum.case", "case lifecycle", c: ["VIR_DOMAIN_EVENT_ID_LIFECYCLE"]),
        "Libvirt.Domain.migrate2(destination:)": entry("swift.method", "func migrate2(destination: Connection) throws",
                                                       c: ["virDomainMigrate2"]),
    ])

    /// The 1.0-style side of the examples.
    static let new = PublicAPI(entries: [
        "Libvirt.Domain": entry("swift.class", "class Domain", c: ["virDomainPtr"]),
        "Libvirt.Domain.abortBlockJob(disk:options:)": entry("swift.method", "func abortBlockJob(disk: String, options: X) throws",
                                                              c: ["virDomainBlockJobAbort"]),
        "Libvirt.Domain.isAutostartEnabled": entry("swift.property", "var isAutostartEnabled: Bool { get throws }",
                                                   c: ["virDomainGetAutostart"]),
        "Libvirt.Domain.isAutostartEnabled()": entry("swift.method", "func isAutostartEnabled() async throws -> Bool",
                                                     c: ["virDomainGetAutostart"]),
        "Libvirt.Domain.GuestInterface": entry("swift.struct", "struct GuestInterface", c: ["virDomainInterface"]),
        "Libvirt.Domain.GuestInterface.hardwareAddress": entry("swift.property", "var hardwareAddress: String?"),
        "Libvirt.Domain.Stats": entry("swift.struct", "struct Stats", c: ["virDomainStats"]),
        "Libvirt.Domain.Stats.readRequests": entry("swift.property", "var readRequests: Int64"),
        "Libvirt.Domain.Stats.readBytes": entry("swift.property", "var readBytes: Int64"),
        "Libvirt.Domain.Stats.receivedDropped": entry("swift.property", "var receivedDropped: Int64"),
        "Libvirt.Domain.vcpuCount()": .init(kind: "swift.method", declarations: [
            "func vcpuCount() throws -> Int", "func vcpuCount() async throws -> Int",
        ], cSymbols: ["virDomainGetVcpusFlags"]),
        "Libvirt.Domain.EventID": entry("swift.enum", "enum EventID", c: ["virDomainEventID"]),
        "Libvirt.Domain.EventID.lifecycle": entry("swift.enum.case", "case lifecycle", c: ["VIR_DOMAIN_EVENT_ID_LIFECYCLE"]),
        "Libvirt.Domain.EventID.reboot": entry("swift.enum.case", "case reboot", c: ["VIR_DOMAIN_EVENT_ID_REBOOT"]),
    ])

    /// The diff of the two sides.
    static let diff = APIDiff.SwiftPart(old: old, new: new)

    /// A renamed function is found by its C symbol; a property whose async twin is a method of
    /// the same name is succeeded by the property alone.
    @Test func renamesThroughCSymbols() {
        #expect(Self.diff.sourceBreaking.contains(
            "`Libvirt.Domain.blockJobAbort(disk:options:)` is now `Libvirt.Domain.abortBlockJob(disk:options:)`"))
        #expect(Self.diff.sourceBreaking.contains("`Libvirt.Domain.autostart` is now `Libvirt.Domain.isAutostartEnabled`"))
        #expect(!Self.diff.added.contains("Libvirt.Domain.abortBlockJob(disk:options:)"))
    }

    /// Members follow their renamed container silently; a field is renamed when exactly one new
    /// sibling spells it out; one that nothing spells out is removed, its successor added.
    @Test func fieldsAndContainers() {
        #expect(Self.diff.sourceBreaking.contains("`Libvirt.Domain.Interface` is now `Libvirt.Domain.GuestInterface`"))
        #expect(!Self.diff.sourceBreaking.contains { $0.contains("Interface.hwaddr") && $0.contains("removed") })
        #expect(Self.diff.sourceBreaking.contains("`Libvirt.Domain.Stats.rdReq` is now `Libvirt.Domain.Stats.readRequests`"))
        #expect(Self.diff.sourceBreaking.contains("`Libvirt.Domain.Stats.rdBytes` is now `Libvirt.Domain.Stats.readBytes`"))
        #expect(Self.diff.removed.contains("Libvirt.Domain.Stats.rxDrop"))
        #expect(Self.diff.added.contains("Libvirt.Domain.Stats.receivedDropped"))
        #expect(Self.diff.removed.contains("Libvirt.Domain.migrate2(destination:)"))
    }

    /// A changed signature is reported without its new async twin; a new case of an existing
    /// enum breaks exhaustive switches.
    @Test func changesAndNewCases() {
        #expect(Self.diff.changed.contains(
            "`Libvirt.Domain.vcpuCount()`: `func vcpuCount() throws -> Int32` → `func vcpuCount() throws -> Int`"))
        #expect(Self.diff.sourceBreaking.contains {
            $0.hasPrefix("new case `Libvirt.Domain.EventID.reboot`: exhaustive switches over `Libvirt.Domain.EventID`")
        })
        #expect(APIDiff.SwiftPart(old: Self.new, new: Self.new) == APIDiff.SwiftPart())
    }

    /// Abbreviations spelled out, recasing, and what is not.
    @Test(arguments: [
        ("rdReq", "readRequests", true), ("hwaddr", "hardwareAddress", true), ("mountpoint", "mountPoint", true),
        ("errs", "errors", true), ("rxDrop", "receivedDropped", false), ("name", "name", false), ("cur", "total", false),
    ])
    func spelledOut(short: String, long: String, expected: Bool) {
        #expect(APIDiff.SwiftPart.spellsOut(short, as: long) == expected)
    }

    /// The C symbols of a documentation comment's marker sentence.
    @Test func cSymbolsInDocumentation() {
        #expect(PublicAPI.cSymbols(in: "Gets it.  C symbol: `virDomainGetInfo`. Available since 0.0.3.") == ["virDomainGetInfo"])
        #expect(PublicAPI.cSymbols(in: "C symbols: `virA`, `virB`. More `code`.") == ["virA", "virB"])
        #expect(PublicAPI.cSymbols(in: "No marker `here`.").isEmpty)
    }

    /// A symbol graph folder: its public symbols by path, synthesized ones left out; an empty
    /// folder or a file that is not a graph is a one-line error naming it.
    @Test func readsSymbolGraphs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graphs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PublicAPIError.self) { try PublicAPI(symbolGraphs: folder) }
        let graph = """
            {"module": {"name": "LibvirtQemu"}, "symbols": [
              {"kind": {"identifier": "swift.method"}, "identifier": {"precise": "s:1"}, "pathComponents": ["Domain", "qemuMonitorCommand(_:)"],
               "declarationFragments": [{"spelling": "func "}, {"spelling": "qemuMonitorCommand"}, {"spelling": "(_ command: String)"}],
               "docComment": {"lines": [{"text": "Runs it."}, {"text": "C symbol: `virDomainQemuMonitorCommand`."}]}},
              {"kind": {"identifier": "swift.func.op"}, "identifier": {"precise": "s:2::SYNTHESIZED::s:3"}, "pathComponents": ["Domain", "!=(_:_:)"],
               "declarationFragments": [{"spelling": "static func != "}]}
            ]}
            """
        try Data(graph.utf8).write(to: folder.appendingPathComponent("LibvirtQemu@Libvirt.symbols.json"))
        let api = try PublicAPI(symbolGraphs: folder)
        #expect(api.entries.keys.sorted() == ["LibvirtQemu.Domain.qemuMonitorCommand(_:)"])
        #expect(api.entries.values.first?.cSymbols == ["virDomainQemuMonitorCommand"])
        #expect(api.entries.values.first?.declarations == ["func qemuMonitorCommand(_ command: String)"])
        try Data("not json".utf8).write(to: folder.appendingPathComponent("Broken.symbols.json"))
        #expect(throws: PublicAPIError.self) { try PublicAPI(symbolGraphs: folder) }
    }
}
