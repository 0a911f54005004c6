import Foundation
import LibvirtGenModel
import Testing

/// `libvirt-swiftgen coverage --json` through the executable: the JSON document is a contract
/// (DESIGN §4), and with `--json` standard output holds only that document.
@Suite("coverage --json")
struct CoverageJSONTests {
    /// The status keys every count object has.
    static let countKeys: Set<String> = [
        "total", "generated", "override", "internal", "excluded", "notYetBound", "unaccounted",
    ]

    /// The one run of `coverage --json`, shared by the tests below.
    private static let outcome = Result {
        try CLI.run(["coverage", "--api-xml", Reference.apiFolder.path, "--json"])
    }

    /// The run's result.
    static func run() throws -> CLIResult { try outcome.get() }

    /// The parsed document.
    static func document() throws -> [String: Any] {
        let data = Data(try run().stdout.utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A count object as numbers by key; records an issue when a key is missing or not a number.
    static func counts(_ value: Any?, _ context: String) throws -> [String: Int] {
        let object = try #require(value as? [String: Any], "\(context) is not an object")
        #expect(Set(object.keys) == countKeys, "\(context) keys: \(object.keys.sorted())")
        return object.compactMapValues { $0 as? Int }
    }

    /// The command succeeds with nothing on standard error and only JSON on standard output.
    @Test func onlyJSONOnStdout() throws {
        let run = try Self.run()
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
        let text = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.first == "{" && text.last == "}")
        _ = try Self.document()
    }

    /// The top-level keys and the version.
    @Test func topLevel() throws {
        let document = try Self.document()
        #expect(Set(document.keys).isSuperset(of: ["libvirtVersion", "totals", "modules", "symbols"]))
        #expect(document["libvirtVersion"] as? String == Reference.version)
        let totals = try #require(document["totals"] as? [String: Any])
        #expect(Set(totals.keys) == ["functions", "enumValues", "macros"])
    }

    /// The four modules, named by their Swift module, each with counts per kind.
    @Test func modules() throws {
        let modules = try #require(try Self.document()["modules"] as? [[String: Any]])
        #expect(modules.compactMap { $0["module"] as? String } == ["Libvirt", "LibvirtQemu", "LibvirtLXC", "LibvirtAdmin"])
        for module in modules {
            let name = module["module"] as? String ?? "?"
            for kind in ["functions", "enumValues", "macros"] { _ = try Self.counts(module[kind], "\(name).\(kind)") }
        }
    }

    /// Every symbol row has the eight keys, with null where a value is absent.
    @Test func symbolRows() throws {
        let symbols = try #require(try Self.document()["symbols"] as? [[String: Any]])
        #expect(symbols.count == 558 + 1042 + 288)
        let statuses = Set(SymbolStatus.Status.allCases.map(\.rawValue))
        for row in symbols {
            #expect(Set(row.keys) == ["name", "kind", "module", "status", "swift", "since", "reason", "failureRule"], "\(row)")
            #expect(["function", "enumValue", "macro"].contains(row["kind"] as? String ?? ""))
            #expect(statuses.contains(row["status"] as? String ?? ""))
        }
        let info = try #require(symbols.first { $0["name"] as? String == "virDomainGetInfo" })
        #expect(info["kind"] as? String == "function")
        #expect(info["module"] as? String == "Libvirt")
        #expect(info["status"] as? String == "generated")
        #expect(info["swift"] as? String == "Domain.info()")
        #expect(info["since"] as? String == "0.0.3")
        #expect(info["reason"] is NSNull)
        let free = try #require(symbols.first { $0["name"] as? String == "virDomainFree" })
        #expect(free["swift"] is NSNull)
        #expect(!(free["reason"] as? String ?? "").isEmpty)
        #expect(free["failureRule"] is NSNull)
        let open = try #require(symbols.first { $0["name"] as? String == "virConnectOpen" })
        #expect(open["status"] as? String == "override")
        #expect(open["failureRule"] is NSNull)
    }

    /// A bound function's `failureRule` names the rule, the value it names and whether the
    /// declaration throws; functions whose wrapper is runtime code have none.
    @Test(arguments: [
        ("virDomainGetInfo", "negativeStatus", nil, true),
        ("virDomainGetMaxMemory", "statedValue", "0", true),
        ("virConnectNumOfSecrets", "signedDefaultMinusOne", "-1", true),
        ("virDomainGetID", "failureIsNil", "UInt32.max", false),
        ("virDomainGetName", "objectString", nil, false),
    ] as [(String, String, String?, Bool)])
    func failureRule(name: String, rule: String, value: String?, throwing: Bool) throws {
        let symbols = try #require(try Self.document()["symbols"] as? [[String: Any]])
        let row = try #require(symbols.first { $0["name"] as? String == name })
        let failure = try #require(row["failureRule"] as? [String: Any], "\(row)")
        #expect(Set(failure.keys) == ["rule", "value", "throws"])
        #expect(failure["rule"] as? String == rule)
        #expect(value.map { failure["value"] as? String == $0 } ?? (failure["value"] is NSNull))
        #expect(failure["throws"] as? Bool == throwing)
    }

    /// Totals add up: statuses to each total, modules to the totals, rows to the counts; nothing unaccounted.
    @Test func totalsAddUp() throws {
        let document = try Self.document()
        let totals = try #require(document["totals"] as? [String: Any])
        let modules = try #require(document["modules"] as? [[String: Any]])
        let symbols = try #require(document["symbols"] as? [[String: Any]])
        for kind in ["functions", "enumValues", "macros"] {
            let total = try Self.counts(totals[kind], "totals.\(kind)")
            let statusSum = Self.countKeys.subtracting(["total"]).reduce(0) { $0 + (total[$1] ?? 0) }
            #expect(statusSum == total["total"], "totals.\(kind) statuses do not add up")
            #expect(total["unaccounted"] == 0)
            for key in Self.countKeys {
                let moduleSum = try modules.reduce(0) { $0 + (try Self.counts($1[kind], kind)[key] ?? 0) }
                #expect(moduleSum == total[key], "modules' \(kind).\(key) do not add up to the total")
            }
            let rows = symbols.filter { $0["kind"] as? String == String(kind.dropLast()) }
            #expect(rows.count == total["total"], "\(kind): \(rows.count) rows")
            for status in SymbolStatus.Status.allCases {
                #expect(rows.filter { $0["status"] as? String == status.rawValue }.count == total[status.rawValue])
            }
        }
        #expect(try Self.counts(totals["functions"], "functions")["total"] == 558)
        #expect(try Self.counts(totals["enumValues"], "enumValues")["total"] == 1042)
        #expect(try Self.counts(totals["macros"], "macros")["total"] == 288)
    }

    /// The executable reports the same statuses as the library.
    @Test func agreesWithLibrary() throws {
        let symbols = try #require(try Self.document()["symbols"] as? [[String: Any]])
        let rows = symbols.map { "\($0["kind"] as? String ?? "") \($0["name"] as? String ?? "") \($0["status"] as? String ?? "")" }
        let library = try Reference.package().symbols.map { "\($0.kind.rawValue) \($0.name) \($0.status.rawValue)" }
        #expect(rows == library)
    }
}
