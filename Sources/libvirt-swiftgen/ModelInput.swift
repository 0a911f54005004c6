import ArgumentParser
import Foundation
import LibvirtGenClang
import LibvirtGenModel
import LibvirtGenXML

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

    func validate() throws {
        guard apiXML == nil || headers == nil else {
            throw ValidationError("--api-xml and --headers are mutually exclusive")
        }
    }

    /// Reads the model with the frontend the options name.
    func read() throws -> [CAPI] {
        if let headers {
            return try HeaderFrontend().read(folder: URL(fileURLWithPath: headers))
        }
        return try XMLFrontend().read(folder: URL(fileURLWithPath: apiXML ?? "api-xml/\(APIOptions.defaultVersion)"))
    }
}
