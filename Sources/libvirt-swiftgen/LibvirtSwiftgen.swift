import ArgumentParser
import Foundation
import LibvirtGenReports
import LibvirtGenModel

/// The `libvirt-swiftgen` command: generates idiomatic Swift bindings from libvirt's API description.
@main
struct LibvirtSwiftgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "libvirt-swiftgen",
        abstract: "Generate idiomatic Swift bindings for libvirt from its API description.",
        discussion: """
            Reads the four API description files libvirt ships (libvirt-api.xml, libvirt-qemu-api.xml, \
            libvirt-lxc-api.xml, libvirt-admin-api.xml), or libvirt's C headers through libclang, and writes \
            a Swift package with the modules Libvirt, LibvirtQemu, LibvirtLXC and LibvirtAdmin.
            """,
        subcommands: [
            Generate.self, Coverage.self, Docs.self, HarnessCommand.self, APIDiffCommand.self, DiffFrontends.self,
            Schemas.self,
        ])
}

/// Options every subcommand that reads an API description shares.
struct APIOptions: ParsableArguments {
    /// The libvirt version whose description is the default input.
    static let defaultVersion = "9.0.0"

    @Option(name: .customLong("api-xml"), help: ArgumentHelp(
        "Folder holding the four libvirt API description files.", valueName: "dir"))
    var apiXML: String = "api-xml/\(APIOptions.defaultVersion)"

    /// The folder as a URL.
    var folder: URL { URL(fileURLWithPath: apiXML) }
}

/// Runs a command body, turning diagnostics into a one-line message on standard error and exit code 1.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as DiagnosticError {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Prints a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
