import Foundation
@testable import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import Testing

/// Typed views of domain statistics records: keys from libvirt's text (9.0.0) or string macros
/// (11.2 and later), grouped, named and typed by rule.
@Suite("Domain stats views")
struct StatsViewTests {
    /// A string macro.
    static func macro(_ name: String, _ value: String, _ info: String = "") -> CMacro {
        CMacro(name: name, file: "libvirt-domain", version: "11.2.0", info: info, stringValue: value, rawValue: nil,
               params: nil, location: SourceLocation(file: "test.xml", line: 1))
    }

    /// The lowering with the built-in naming rules; `virDomainState` names `Domain.State`.
    static func lowering() throws -> StatsViewLowering {
        let overrides = try Overrides.builtIn()
        return StatsViewLowering(
            naming: Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms),
            enumType: { $0.contains("virDomainState") ? "Domain.State" : nil }, convert: { $0 })
    }

    /// Keys listed in the function's text: continuation lines join, a group's heading and keys
    /// with a hypervisor-chosen part are not keys.
    @Test func keysFromText() {
        let text = """
            VIR_DOMAIN_STATS_BLOCK:
                Return block devices statistics. The typed parameter keys are in this format:

                "block.count" - number of block devices as unsigned int.
                "block.<num>.rd.reqs" - number of read requests
                                        as unsigned long long.
                "vcpu.<num>.$NAME.$TYPE" - hypervisor specific.

            Returns the count.
            """
        let patterns = StatsKeyPatterns.patterns(text: text)
        #expect(patterns == [
            StatsKeyPattern(segments: ["block", "count"], doc: "number of block devices as unsigned int."),
            StatsKeyPattern(segments: ["block", "#", "rd", "reqs"], doc: "number of read requests as unsigned long long."),
        ])
    }

    /// Keys spelled by macros: plain ones, and prefix-number-suffix chains with nested prefixes;
    /// macros win over the text when there are any.
    @Test func keysFromMacros() {
        let macros = [
            Self.macro("VIR_DOMAIN_STATS_CPU_TIME", "cpu.time", "Total cpu time as unsigned long long."),
            Self.macro("VIR_DOMAIN_STATS_BLOCK_PREFIX", "block."),
            Self.macro("VIR_DOMAIN_STATS_BLOCK_SUFFIX_RD_REQS", ".rd.reqs", "Read requests as unsigned long long."),
            Self.macro("VIR_DOMAIN_STATS_CPU_CACHE_MONITOR_PREFIX", "cpu.cache.monitor."),
            Self.macro("VIR_DOMAIN_STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_PREFIX", ".bank."),
            Self.macro("VIR_DOMAIN_STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_SUFFIX_BYTES", ".bytes", "Bytes as unsigned long long."),
            Self.macro("VIR_DOMAIN_STATS_CUSTOM_SUFFIX_TYPE_CUR", ".cur"),
            Self.macro("VIR_DOMAIN_STATS_VM_PREFIX", "vm."),
        ]
        let patterns = StatsKeyPatterns.patterns(macros: macros, prefix: "VIR_DOMAIN_STATS_", text: "\"x.y\" - ignored")
        #expect(patterns.map(\.segments) == [
            ["cpu", "time"], ["block", "#", "rd", "reqs"], ["cpu", "cache", "monitor", "#", "bank", "#", "bytes"],
        ])
    }

    /// Groups, fields named as constants would be, entry lists, types and enums from the text.
    @Test func views() throws {
        let patterns = [
            StatsKeyPattern(segments: ["state", "state"], doc: "state, returned as int from virDomainState enum"),
            StatsKeyPattern(segments: ["block", "count"], doc: "number of disks as unsigned int."),
            StatsKeyPattern(segments: ["block", "#", "rd", "reqs"], doc: "reads as unsigned long long."),
            StatsKeyPattern(segments: ["block", "#", "backingIndex"], doc: "the index"),
            StatsKeyPattern(segments: ["cpu", "cache", "monitor", "#", "bank", "#", "bytes"], doc: "bytes"),
        ]
        let views = try Self.lowering().views(patterns)
        #expect(views.map(\.propertyName) == ["state", "block", "cpu"])
        #expect(views.map(\.name) == ["State", "Block", "CPU"])
        let state = try #require(views.first?.fields.first)
        #expect((state.name, state.valueType, state.enumType) == ("state", "Int32", "Domain.State"))
        let block = views[1]
        #expect(block.fields.map(\.name) == ["count"] && block.fields[0].valueType == "UInt32")
        // A count reads as `Int` (CountRule); other numbers keep their width.
        #expect(block.fields[0].isCount && !state.isCount)
        let entry = try #require(block.entries.first)
        #expect((entry.name, entry.propertyName, entry.keyPath, entry.isEntry) == ("Entry", "entries", "", true))
        #expect(entry.fields.map(\.name) == ["readRequests", "backingIndex"])
        #expect(entry.fields.map(\.key) == ["rd.reqs", "backingIndex"])
        #expect(entry.fields.map(\.valueType) == ["UInt64", nil])
        #expect(entry.fields.map(\.isCount) == [false, false])
        #expect(entry.fields[0].keyPattern == "block.<num>.rd.reqs")
        let monitor = try #require(views[2].entries.first)
        #expect((monitor.name, monitor.propertyName, monitor.keyPath) == ("CacheMonitor", "cacheMonitors", "cache.monitor"))
        #expect(monitor.entries.map(\.propertyName) == ["banks"])
        #expect(monitor.entries.first?.keyPattern == "cpu.cache.monitor.<num>.bank.<num>.")
    }

    /// A field's text reads as a sentence with its key placeholders in code voice.
    @Test func fieldSentence() {
        #expect(StatsViewLowering.sentence("name of the block device <num> as string")
            == "Name of the block device `<num>` as string.")
        #expect(StatsViewLowering.sentence("Done.") == "Done.")
    }

    /// Both checked-in generations of libvirt's documentation give typed views: 9.0.0 through
    /// the function's text, 11.3.0 through its macros.
    @Test(arguments: ["9.0.0", "11.3.0"])
    func releases(version: String) throws {
        let result = try Pipeline().run(apiXML: Reference.root.appendingPathComponent("api-xml/\(version)"))
        let file = try #require(result.package.modules.first?.files.first { !$0.statsViews.isEmpty })
        let groups = Dictionary(uniqueKeysWithValues: file.statsViews.map { ($0.propertyName, $0) })
        #expect(Set(["state", "cpu", "balloon", "vcpu", "net", "block"]).isSubset(of: groups.keys))
        let block = try #require(groups["block"]?.entries.first)
        let reads = try #require(block.fields.first { $0.key == "rd.reqs" })
        #expect((reads.name, reads.valueType) == ("readRequests", "UInt64"))
        #expect(groups["state"]?.fields.first { $0.key == "state" }?.enumType == "Domain.State")
    }
}
