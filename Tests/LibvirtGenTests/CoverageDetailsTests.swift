import LibvirtGenModel
import Testing

/// `libvirt-swiftgen coverage --details` through the executable: after the symbols that are not
/// generated, the failure rule of every function the bindings expose (issue 15).
@Suite("coverage --details")
struct CoverageDetailsTests {
    /// The one run of `coverage --details`, shared by the tests below.
    private static let outcome = Result {
        try CLI.run(["coverage", "--api-xml", Reference.apiFolder.path, "--details"])
    }

    /// The failure-rule section: the rule table's rows (cells split on spaces) and the
    /// `rule<TAB>C name<TAB>Swift declaration` lines after it; records an issue when the command failed.
    static func ruleSection() throws -> (table: [[String]], functions: [String]) {
        let run = try outcome.get()
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("failure rule") })
        let rest = lines[(header + 1)...]
        let table = rest.prefix { !$0.contains("\t") }.map { $0.split(separator: " ").map(String.init) }
        return (table, Array(rest.dropFirst(table.count)))
    }

    /// The functions the bindings expose: `generated` and `override` ones.
    static func exposed() throws -> [SymbolStatus] {
        try Reference.package().symbols.filter { $0.kind == .function && [.generated, .override].contains($0.status) }
    }

    /// One line per exposed function, in input order, with the rule the lowering recorded, or
    /// `runtime` where hand-written runtime code decides.
    @Test func oneRuleLinePerExposedFunction() throws {
        let expected = try Self.exposed().map {
            "\($0.failureRule?.description ?? "runtime")\t\($0.name)\t\($0.swift ?? "")"
        }
        let lines = try Self.ruleSection().functions
        #expect(lines.count == expected.count)
        let mismatches = zip(lines, expected).filter { $0 != $1 }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
        #expect(lines.contains("negativeStatus\tvirDomainGetInfo\tDomain.info()"))
        #expect(lines.contains("statedValue(0)\tvirDomainGetMaxMemory\tDomain.maxMemory"))
        #expect(lines.contains("nullConnectionString\tvirConnectGetType\tConnection.hypervisorType"))
        #expect(lines.contains("runtime\tvirConnectOpen\tConnection(uri:readOnly:)"))
    }

    /// The table counts the functions per rule and says whether the rule throws; the counts add
    /// up to the exposed functions.
    @Test func ruleCounts() throws {
        let table = try Self.ruleSection().table
        let counts = Dictionary(uniqueKeysWithValues: table.map { ($0[0], Int($0.last!) ?? -1) })
        let exposed = try Self.exposed()
        #expect(counts.values.reduce(0, +) == exposed.count)
        #expect(counts["negativeStatus"] == exposed.filter { $0.failureRule == .negativeStatus }.count)
        #expect(counts["runtime"] == exposed.filter { $0.failureRule == nil }.count)
        #expect(table.first { $0[0] == "negativeStatus" }?[1] == "yes")
        #expect(table.first { $0[0] == "objectString" }?[1] == "no")
    }
}
