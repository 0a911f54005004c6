import Foundation
import PackagePlugin

/// Generates the `Libvirt` bindings at build time from the libvirt API description installed on
/// the building machine (Debian: `libvirt-dev`), so the bindings match that libvirt.
///
/// The description is found with `pkg-config --variable=libvirt_api libvirt`, or named by a
/// `libvirt-swiftgen.json` file in the target's folder: `{ "apiXML": "path/to/folder" }` (relative
/// to the target's folder). The target also depends on the `CLibvirtSystem` product. The output is
/// a fixed number of files (``fileCount``), so the plan is fixed; they are regenerated only when the
/// description files change.
@main
struct LibvirtGenPlugin: BuildToolPlugin {
    /// The four description files the generator reads.
    static let files = ["libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml", "libvirt-admin-api.xml"]

    /// How many files the module is spread over: the compiler hands a target's files to its jobs in
    /// sorted runs of equal count, so files of similar size let up to this many cores share the
    /// module (one file went to one job, about 40,000 lines).
    static let fileCount = 8

    /// One command: run the generator into the plugin's work folder.
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = try Self.apiFolder(targetFolder: target.directoryURL)
        let outputs = (1...Self.fileCount).map { context.pluginWorkDirectoryURL.appending(path: "Libvirt\($0).swift") }
        return [
            .buildCommand(
                displayName: "Generating libvirt bindings from \(folder.path)",
                executable: try context.tool(named: "libvirt-swiftgen").url,
                arguments: ["generate", "--api-xml", folder.path, "--c-module", "CLibvirtSystem"]
                    + outputs.flatMap { ["--module-file", $0.path] },
                inputFiles: Self.files.map { folder.appending(path: $0) },
                outputFiles: outputs)
        ]
    }

    /// The folder holding the API description: from the target's configuration file, else pkg-config.
    static func apiFolder(targetFolder: URL) throws -> URL {
        let configuration = targetFolder.appending(path: "libvirt-swiftgen.json")
        if let data = try? Data(contentsOf: configuration) {
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            guard let path = object?["apiXML"] as? String else {
                throw PluginError("\(configuration.path): expected {\"apiXML\": \"folder\"}")
            }
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : targetFolder.appending(path: path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pkg-config", "--variable=libvirt_api", "libvirt"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let path = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !path.isEmpty else {
            throw PluginError(
                "cannot find libvirt's API description: install libvirt-dev (pkg-config --variable=libvirt_api libvirt) "
                    + "or name it in \(configuration.path)")
        }
        return URL(fileURLWithPath: path).deletingLastPathComponent()
    }
}

/// A plugin failure with a one-line message.
struct PluginError: Error, CustomStringConvertible {
    /// The message.
    let description: String

    /// Creates an error.
    init(_ description: String) {
        self.description = description
    }
}
