import ArgumentParser
import Foundation
import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenerator

/// `libvirt-swiftgen generate`: API description → bindings package (or, for the build-tool
/// plugin, the `Libvirt` module as a few source files).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the Swift bindings package.",
        discussion: """
            The output folder is replaced atomically: a failed run leaves an existing folder untouched. \
            With --single-file or --module-file, only the Libvirt module is written, as Swift files that \
            import --c-module (what the build-tool plugin compiles into a downstream target): one file, or \
            the module's sources spread over the files given, in parts of similar size, so that the \
            compiler's jobs share them.
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

    @Option(name: .customLong("module-file"), help: ArgumentHelp(
        "Write the Libvirt module over these Swift files instead of a package (repeat the option).",
        valueName: "file"))
    var moduleFiles: [String] = []

    @Option(name: .customLong("c-module"), help: ArgumentHelp(
        "With --single-file or --module-file: the C module the files import.", valueName: "name"))
    var cModule = "CLibvirt"

    @Option(name: .customLong("dump-model"), help: ArgumentHelp(
        "Also write the binding model (every decision of the lowering) as JSON to this file.", valueName: "file"))
    var dumpModel: String?

    func run() throws {
        try reportingFailures {
            let start = Date()
            let files = (singleFile.map { [$0] } ?? []) + moduleFiles
            let output: GeneratorOutput = files.isEmpty
                ? .package(URL(fileURLWithPath: self.output), link: link)
                : .moduleFiles(files.map { URL(fileURLWithPath: $0) }, cModule: cModule)
            let run = try runGenerator(input: input.generatorInput, output: output)
            if let note = input.note { printError(note) }
            if let dumpModel { try ModelDump.write(run.result.package, to: URL(fileURLWithPath: dumpModel)) }
            for warning in run.result.diagnostics.warnings { printError(warning.description) }
            let summary = "(\(run.boundFunctions) functions bound, libvirt \(run.result.package.libvirtVersion))"
            if !files.isEmpty {
                print("Generated \(files.joined(separator: ", ")) \(summary)")
            } else {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
                print("Generated \(run.fileCount) files \(summary) into \(self.output) in \(seconds) s")
            }
            if let change = run.fileListChange, !change.isEmpty {
                // SwiftPM keeps a package's build plan, file lists included, until its own manifest changes.
                printError(
                    "note: \(self.output): \(change.added) files added, \(change.removed) removed; a package depending on it "
                        + "by path builds its old file list until its Package.swift is touched or its .build removed")
            }
            // The run holds the whole model, hundreds of thousands of small objects, and the process
            // ends here: it exits rather than free them one by one (4 ms of a 150 ms run).
            withExtendedLifetime(run) { Foundation.exit(EXIT_SUCCESS) }
        }
    }
}

extension LinkMode: ExpressibleByArgument {}
