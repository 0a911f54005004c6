import ArgumentParser
import Foundation
import LibvirtGenClang
import LibvirtGenCore
import LibvirtGenReports
import LibvirtGenXML

/// `libvirt-swiftgen diff-frontends`: the API XML frontend against the libclang frontend on the same
/// libvirt version, symbol by symbol.
struct DiffFrontends: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff-frontends",
        abstract: "Compare the model read from the API XML with the one read from the C headers.",
        discussion: """
            Prints each difference in names, types, values, parameters, fields or versions (documentation \
            is not compared) and the time taken; exits 1 when there is any difference.
            """)

    @Option(name: .customLong("api-xml"), help: ArgumentHelp(
        "Folder holding the four libvirt API description files.", valueName: "dir"))
    var apiXML: String

    @Option(help: ArgumentHelp("Folder holding libvirt's public C headers.", valueName: "dir"))
    var headers: String

    func run() throws {
        try reportingFailures {
            let start = Date()
            let xml = try XMLFrontend().read(folder: URL(fileURLWithPath: apiXML))
            let xmlRead = Date()
            let parsed = try HeaderFrontend().read(folder: URL(fileURLWithPath: headers))
            let headersRead = Date()
            let diff = FrontendDiff(xml: xml, headers: parsed)
            let compared = Date()
            for line in diff.differences { print(line) }
            func seconds(_ from: Date, _ to: Date) -> String { String(format: "%.3f s", to.timeIntervalSince(from)) }
            print(
                "\(diff.differences.count) differences in \(diff.symbolCount) symbols "
                    + "(API XML read in \(seconds(start, xmlRead)), headers parsed in \(seconds(xmlRead, headersRead)), "
                    + "compared in \(seconds(headersRead, compared)))")
            if !diff.differences.isEmpty { throw ExitCode(1) }
        }
    }
}
