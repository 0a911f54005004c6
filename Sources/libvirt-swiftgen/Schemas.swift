import ArgumentParser
import Foundation
import LibvirtGenReports

/// `libvirt-swiftgen schemas`: what libvirt's RELAX NG schemas of a release describe.
struct Schemas: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the XML documents libvirt's RELAX NG schemas describe.",
        discussion: """
            Reads every schema of the folder with what it includes and prints, per schema, the root \
            elements of its documents and how many definitions, element names and attribute names \
            its grammar reaches. A schema that does not parse, or refers to a definition none \
            declares, is an error naming its file and line.
            """)

    @Option(help: ArgumentHelp(
        "Folder holding the schemas (default api-xml/\(APIOptions.defaultVersion)/schemas).", valueName: "dir"))
    var schemas: String?

    func run() throws {
        try reportingFailures {
            let folder = URL(fileURLWithPath: schemas ?? "api-xml/\(APIOptions.defaultVersion)/schemas")
            for line in try SchemaReport(folder: folder).lines() { print(line) }
        }
    }
}
