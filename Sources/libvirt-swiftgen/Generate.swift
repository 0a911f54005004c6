import ArgumentParser
import Foundation
import LibvirtGenCore
import LibvirtGenDocs
import LibvirtGenModel
import LibvirtGenSwift

/// `libvirt-swiftgen generate`: API description → bindings package (or, for the build-tool
/// plugin, the `Libvirt` module as one source file).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the Swift bindings package.",
        discussion: """
            The output folder is replaced atomically: a failed run leaves an existing folder untouched. \
            With --single-file, only the Libvirt module is written, as one Swift file that imports \
            --c-module (what the build-tool plugin compiles into a downstream target).
            """)

    @OptionGroup var input: ModelInput

    @Option(help: ArgumentHelp("Folder to write the package into.", valueName: "dir"))
    var output: String = "Generated"

    @Option(help: ArgumentHelp(
        "direct: link libvirt at build time through its headers; dynamic: declare libvirt's API and load "
            + "libvirt.so.0 at run time, resolving each function on first use.", valueName: "direct|dynamic"))
    var link: LinkMode = .direct

    @Option(name: .customLong("single-file"), help: ArgumentHelp(
        "Write the Libvirt module as this one Swift file instead of a package.", valueName: "file"))
    var singleFile: String?

    @Option(name: .customLong("c-module"), help: ArgumentHelp(
        "With --single-file: the C module the file imports.", valueName: "name"))
    var cModule = "CLibvirt"

    func run() throws {
        try reportingFailures {
            let start = Date()
            let result = try Pipeline().run(apis: input.read())
            for warning in result.diagnostics.warnings { printError(warning.description) }
            let bound = result.package.modules.flatMap(\.files).flatMap(\.functions).count
            let summary = "(\(bound) functions bound, libvirt \(result.package.libvirtVersion))"
            if let singleFile {
                let files = try SwiftRenderer().render(result.package)
                let text = SingleFileBindings.join(files, module: "Libvirt", packageCModule: "CLibvirt", cModule: cModule)
                let url = URL(fileURLWithPath: singleFile)
                do {
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url, options: .atomic)
                } catch {
                    throw DiagnosticError("cannot write the file", at: SourceLocation(file: singleFile, line: 0))
                }
                print("Generated \(singleFile) \(summary)")
                return
            }
            let files = try GeneratedPackageFiles.render(result.package, link: link, apis: result.apis)
            try OutputFolder(url: URL(fileURLWithPath: output)).write(files)
            let seconds = Date().timeIntervalSince(start)
            print(
                "Generated \(files.count) files \(summary) into \(output) in \(String(format: "%.2f", seconds)) s")
        }
    }
}

extension LinkMode: ExpressibleByArgument {}
