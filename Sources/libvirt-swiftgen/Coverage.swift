import ArgumentParser
import Foundation
import LibvirtGenCore
import LibvirtGenReports
import LibvirtGenerator
import LibvirtGenModel

/// `libvirt-swiftgen coverage`: the status of every function, enum value and macro.
struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the binding status of every symbol of the four API description files.",
        discussion: """
            Statuses: generated, override (hand-written, declared in the overrides data), internal \
            (used by the runtime), excluded (with a reason), notYetBound, unaccounted.
            """)

    @OptionGroup var api: APIOptions

    @Flag(help: "Print the JSON document (DESIGN contract) instead of a table.")
    var json = false

    @Flag(help: """
        List every symbol that is not generated, with its status and reason, then the failure rule \
        that made each exposed function throwing or not.
        """)
    var details = false

    func run() throws {
        try reportingFailures {
            let result = try Pipeline().run(apiXML: api.folder)
            for warning in result.diagnostics.warnings { printError(warning.description) }
            let report = CoverageReport(result.package)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(CoverageTable(report: report, details: details).text)
            }
        }
    }
}

/// The human-readable coverage table.
struct CoverageTable {
    /// The report to print.
    let report: CoverageReport
    /// Whether to add the per-symbol lines (`--details`).
    let details: Bool

    /// What the failure-rule lines print for a bound function without a rule: its wrapper is
    /// hand-written runtime code (`override`, event subscriptions), which decides.
    static let runtimeDecides = "runtime"

    /// The counts per module and kind; with details, then the symbols that are not generated and
    /// the failure rules.
    var text: String {
        let statuses = SymbolStatus.Status.allCases
        var lines = ["libvirt \(report.libvirtVersion)"]
        var rows: [[String]] = [["module", "kind", "total"] + statuses.map(\.rawValue)]
        for module in report.modules {
            for (kind, counts) in [("functions", module.functions), ("enum values", module.enumValues), ("macros", module.macros)] {
                rows.append([module.module, kind, String(counts.total)] + statuses.map { String(counts[$0]) })
            }
        }
        lines += AlignedTable.lines(rows, textColumns: 2)
        if details {
            for row in report.symbols where row.symbol.status != .generated {
                lines.append("\(row.symbol.status.rawValue)\t\(row.symbol.name)\t\(row.symbol.reason ?? "")")
            }
            lines += failureRuleLines
        }
        return lines.joined(separator: "\n")
    }

    /// The functions the bindings expose (`generated`, `override`): how many each failure rule
    /// made throwing or not, then one `rule<TAB>C name<TAB>Swift declaration` line per function.
    private var failureRuleLines: [String] {
        let exposed = report.symbols.map(\.symbol).filter {
            $0.kind == .function && [.generated, .override].contains($0.status)
        }
        var counts: [String: (throwing: String, functions: Int)] = [:]
        for symbol in exposed {
            let throwing = symbol.failureRule.map { $0.canFail ? "yes" : "no" } ?? ""
            counts[symbol.failureRule?.name ?? Self.runtimeDecides, default: (throwing, 0)].functions += 1
        }
        let ranked = counts.sorted { ($1.value.functions, $0.key) < ($0.value.functions, $1.key) }
        let table = [["failure rule", "throws", "functions"]]
            + ranked.map { [$0.key, $0.value.throwing, String($0.value.functions)] }
        return AlignedTable.lines(table, textColumns: 2)
            + exposed.map { "\($0.failureRule?.description ?? Self.runtimeDecides)\t\($0.name)\t\($0.swift ?? "")" }
    }
}
