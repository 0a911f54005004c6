import ArgumentParser
import Foundation
import LibvirtGenCore
import LibvirtGenDocs

/// `libvirt-swiftgen generate`: API description → bindings package.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the Swift bindings package.",
        discussion: "The output folder is replaced atomically: a failed run leaves an existing folder untouched.")

    @OptionGroup var api: APIOptions

    @Option(help: ArgumentHelp("Folder to write the package into.", valueName: "dir"))
    var output: String = "Generated"

    func run() throws {
        try reportingFailures {
            let start = Date()
            let result = try Pipeline().run(apiXML: api.folder)
            for warning in result.diagnostics.warnings { printError(warning.description) }
            let files = try GeneratedPackageFiles.render(result.package)
            try OutputFolder(url: URL(fileURLWithPath: output)).write(files)
            let bound = result.package.modules.flatMap(\.files).flatMap(\.functions).count
            let seconds = Date().timeIntervalSince(start)
            print(
                "Generated \(files.count) files (\(bound) functions bound, libvirt \(result.package.libvirtVersion)) "
                    + "into \(output) in \(String(format: "%.2f", seconds)) s")
        }
    }
}
