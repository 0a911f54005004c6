import Foundation
import LibvirtGenModel

/// The binding model as JSON (`generate --dump-model`): what the lowering decided for every
/// module, file, type and function, for reviews of a libvirt upgrade and for other renderers.
public enum ModelDump {
    /// The package's JSON: keys sorted and indented, so two dumps diff line by line.
    public static func json(_ package: BindingPackage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(package)
    }

    /// Writes the package's JSON to `file` atomically; a failure names the file.
    public static func write(_ package: BindingPackage, to file: URL) throws {
        let data = try json(package)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch {
            throw DiagnosticError("cannot write the model", at: SourceLocation(file: file.path, line: 0))
        }
    }
}
