import ArgumentParser
import Foundation
import LibvirtGenCore
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

    @Flag(help: "List every symbol that is not generated, with its status and reason.")
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
    let report: CoverageReport
    let details: Bool

    var text: String {
        let statuses = SymbolStatus.Status.allCases
        var lines = ["libvirt \(report.libvirtVersion)"]
        let header = ["module", "kind", "total"] + statuses.map(\.rawValue)
        var rows: [[String]] = [header]
        for module in report.modules {
            for (kind, counts) in [("functions", module.functions), ("enum values", module.enumValues), ("macros", module.macros)] {
                rows.append([module.module, kind, String(counts.total)] + statuses.map { String(counts[$0]) })
            }
        }
        let widths = header.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        for row in rows {
            lines.append(row.enumerated().map { i, cell in
                i < 2 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  "))
        }
        if details {
            for row in report.symbols where row.symbol.status != .generated {
                lines.append("\(row.symbol.status.rawValue)\t\(row.symbol.name)\t\(row.symbol.reason ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
