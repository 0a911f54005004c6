import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory regenerate-bindings [generate options]`:
/// rewrites `Generated/` from `api-xml/9.0.0` (or what the options say) with the package's own generator.
@main
struct RegenerateBindingsPlugin: CommandPlugin {
    /// Runs `libvirt-swiftgen generate` in the package folder.
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let process = Process()
        process.executableURL = try context.tool(named: "libvirt-swiftgen").url
        process.currentDirectoryURL = root
        process.arguments = ["generate", "--output", root.appending(path: "Generated").path] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RegenerateError(description: "libvirt-swiftgen generate failed (exit \(process.terminationStatus))")
        }
    }
}

/// The generator failed; it already printed why.
struct RegenerateError: Error, CustomStringConvertible {
    /// The message.
    let description: String
}
