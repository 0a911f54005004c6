import ArgumentParser
import Foundation
import LibvirtGenerator

/// Where `generate` reads the C-level model from: the API XML folder, or instead libvirt's C headers.
struct ModelInput: ParsableArguments {
    @Option(name: .customLong("api-xml"), help: ArgumentHelp(
        "Folder holding the four libvirt API description files (default api-xml/\(APIOptions.defaultVersion)).",
        valueName: "dir"))
    var apiXML: String?

    @Option(help: ArgumentHelp(
        "Folder holding libvirt's public C headers, read through libclang instead of the API XML "
            + "(e.g. $(pkg-config --variable=includedir libvirt)/libvirt).", valueName: "dir"))
    var headers: String?

    @Option(name: .customLong("docs-from"), help: ArgumentHelp(
        "With --headers: an API XML folder of the same release whose documentation, function versions and "
            + "parameter names complete the headers' model (the headers carry none for functions).", valueName: "dir"))
    var docsFrom: String?

    /// Rejects two inputs at once, and `--docs-from` without `--headers`.
    func validate() throws {
        guard apiXML == nil || headers == nil else {
            throw ValidationError("--api-xml and --headers are mutually exclusive")
        }
        guard docsFrom == nil || headers != nil else {
            throw ValidationError("--docs-from completes --headers; with --api-xml the documentation is there already")
        }
    }

    /// The input the options name.
    var generatorInput: GeneratorInput {
        guard let headers else {
            return .apiXML(URL(fileURLWithPath: apiXML ?? "api-xml/\(APIOptions.defaultVersion)"))
        }
        return .headers(URL(fileURLWithPath: headers), documentation: docsFrom.map { URL(fileURLWithPath: $0) })
    }

    /// What the model lacks, for standard error once it was read: headers without `--docs-from`
    /// carry no documentation of functions.
    var note: String? {
        guard headers != nil, docsFrom == nil else { return nil }
        return "note: the headers carry no documentation, versions or parameter names of functions (libvirt "
            + "keeps them in its .c files); pass --docs-from DIR to take them from the API XML"
    }
}
