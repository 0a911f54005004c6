import Foundation
@testable import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenXML
import Testing

/// The value type of each typed-parameter name: the rule reading it from the name's documentation
/// (`TypedParameterValueType.documented(in:)`), the overrides data for names it cannot type, and the
/// result on the checked-in description.
@Suite("Typed-parameter value types")
struct TypedParameterValueTypeTests {
    /// libvirt's phrasings, from 9.0.0 and 11.3.0 texts, and the type each states.
    @Test(arguments: [
        ("Macro represents the relative weight,  when using the credit scheduler, as a uint.", .uint),
        ("it represents the io weight the guest can use, as a uint.", .uint),
        ("it represents the maximum memory the guest can use, as a ullong.", .ullong),
        ("the total number of read bytes of the block device, as an llong.", .llong),
        ("the shares value, when using the allocation scheduler, as an int.", .int),
        ("the numa mode of a domain, as an int containing a virDomainNumatuneMemMode value", .int),
        ("the per-device weight, as a string. The string is parsed as a series of /path,weight pairs", .string),
        ("whether the connection is read-only, as an int (boolean).", .boolean),
        ("The guest load averaged over 1 minute as a double", .double),
        ("Virtual CPU is halted as a boolean, may indicate the processor is idle", .boolean),
        ("time (ms) since the beginning of the job, as VIR_TYPED_PARAM_ULLONG.", .ullong),
        ("the current number of clients connected to the server, as a VIR_TYPED_PARAM_UINT.", .uint),
        ("when using the posix scheduler, as an VIR_TYPED_PARAM_LLONG.", .llong),
        ("Macro represents the Platform Diffie-Hellman key, as VIR_TYPED_PARAMS_STRING.", .string),
        ("Accepted type is VIR_TYPED_PARAM_INT.", .int),
        ("port that destination server should use for incoming disks migration. Type is VIR_TYPED_PARAM_INT.", .int),
        ("Successful completion of the job as VIR_TYPED_PARAM_BOOLEAN.", .boolean),
        ("The parameter has type int, when its value is 0, only pages ...", .int),
        ("the maximum bandwidth in bytes/s ..., with a type of ullong.", .ullong),
        ("how much data in bytes can be in flight ..., as an unsigned long long.", .ullong),
        ("the granularity in bytes at which the copy operation recognizes dirty blocks, as an unsigned int.", .uint),
        ("The memory in kiB currently used as unsigned long long.", .ullong),
        ("The start time in seconds of the last memory dirty rate calculation as long long.", .llong),
        ("State of the VM, returned as int from virDomainState enum.", .int),
        ("Name of the block device as string.", .string),
    ] as [(String, TypedParameterValueType)])
    func phrasing(text: String, type: TypedParameterValueType) {
        #expect(TypedParameterValueType.documented(in: text) == type)
    }

    /// ASCII text split as bytes gives the words the character split gives: every macro, enum
    /// value and function text of the three checked-in releases, and control characters, `\r\n`
    /// (one character) and punctuation.
    @Test(arguments: ["7.0.0", "9.0.0", "11.3.0"])
    func byteSplitMatchesCharacterSplit(version: String) throws {
        let apis = try XMLFrontend().read(folder: Reference.root.appendingPathComponent("api-xml/\(version)"))
        let texts = apis.flatMap(\.macros).map(\.info) + apis.flatMap(\.enumValues).map(\.info)
            + apis.flatMap(\.functions).flatMap { [$0.info, $0.returnInfo] + $0.args.map(\.info) }
            + ["a\r\nb", "x\u{1}y\u{1F}z\u{7F}", "VIR_TYPED_PARAM_UINT, (as an int).", "\t\u{B}\u{C} end_"]
        var ascii = 0
        for text in texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
            ascii += 1
            #expect(TypedParameterValueType.asciiWords(text) == TypedParameterValueType.characterWords(text), "\(text)")
        }
        #expect(ascii > 1000)
    }

    /// Texts stating no type, or two: no type word after an introduction, a type-like word that is
    /// not one (`integer`, `VIR_TYPED_PARAM_STRING_OKAY`), two different types.
    @Test(arguments: [
        "the parameter used to specify the savestate file to save to or restore from.",
        "The cumulative idle CPU time, since the node booting up (in nanoseconds).",
        "Concatenate the prefix, the entry number formatted as an unsigned integer and one of the disk suffixes.",
        "A string identifying the operating system.",
        "libvirt adds VIR_TYPED_PARAM_STRING_OKAY to the flags.",
        "Accepted type is VIR_TYPED_PARAM_UINT or since 9.3.0 VIR_TYPED_PARAM_ULLONG.",
        "as a uint, or as an llong on 32-bit hosts",
        "",
    ])
    func noType(text: String) {
        #expect(TypedParameterValueType.documented(in: text) == nil)
    }

    /// Names of the checked-in description and their values' Swift type: stated by the text
    /// (formatted names too), given by the overrides data (by name or prefix, or correcting the
    /// text's `int` for a `uint`), or none.
    @Test(arguments: [
        ("VIR_DOMAIN_SCHEDULER_WEIGHT", "UInt32"),
        ("VIR_DOMAIN_BLKIO_WEIGHT", "UInt32"),
        ("VIR_DOMAIN_MEMORY_SOFT_LIMIT", "UInt64"),
        ("VIR_DOMAIN_SCHEDULER_VCPU_QUOTA", "Int64"),
        ("VIR_DOMAIN_NUMA_MODE", "Int32"),
        ("VIR_DOMAIN_NUMA_NODESET", "String"),
        ("VIR_CLIENT_INFO_READONLY", "Bool"),
        ("VIR_DOMAIN_TUNABLE_CPU_VCPUPIN", "String"),
        ("VIR_DOMAIN_SAVE_PARAM_FILE", "String"),
        ("VIR_PERF_PARAM_CACHE_MISSES", "Bool"),
        ("VIR_NODE_MEMORY_SHARED_FULL_SCANS", "UInt64"),
        ("VIR_NODE_MEMORY_SHARED_MERGE_ACROSS_NODES", "UInt32"),
        ("VIR_NODE_CPU_STATS_USER", nil),
        ("VIR_NODE_MEMORY_STATS_TOTAL", nil),
    ] as [(String, String?)])
    func keyValueType(macro: String, swift: String?) throws {
        let keys = try Reference.package().modules.flatMap(\.files).flatMap(\.keyFamilies).flatMap(\.keys)
        let key = try #require(keys.first { $0.cName == macro })
        #expect(key.valueType == swift)
        #expect(key.doc.lines.contains { $0.hasPrefix("Typed: ") } == (swift != nil))
    }

    /// The overrides data types only what the rule cannot: every entry wins for some name of the
    /// checked-in description, and every name it wins for is one whose text states no type, except
    /// the one whose text states a wrong one.
    @Test func overridesOnlyWhereTheRuleCannot() throws {
        let entries = try Overrides.builtIn().typedParameterValueTypes
        let macros = try Reference.result().apis.flatMap(\.macros).filter { $0.stringValue != nil }
        var used: Set<String> = []
        for macro in macros {
            let winner = entries.keys.filter { $0 == macro.name || ($0.hasSuffix("_") && macro.name.hasPrefix($0)) }
                .max { $0.count < $1.count }
            guard let winner, let entry = entries[winner] else { continue }
            used.insert(winner)
            let stated = TypedParameterValueType.documented(in: macro.info)
            if macro.name == "VIR_NODE_MEMORY_SHARED_MERGE_ACROSS_NODES" {
                #expect(stated == .int && entry.type == .uint)
            } else {
                #expect(stated == nil, "\(macro.name): the text states \(String(describing: stated))")
            }
        }
        #expect(used == Set(entries.keys))
    }

    /// Each type's Swift type and C constant.
    @Test func swiftTypes() {
        #expect(TypedParameterValueType.allCases.map(\.swift) == ["Int32", "UInt32", "Int64", "UInt64", "Double", "Bool", "String"])
        #expect(TypedParameterValueType.ullong.cName == "VIR_TYPED_PARAM_ULLONG")
    }
}
