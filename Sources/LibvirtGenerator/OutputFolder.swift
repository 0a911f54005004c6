import Foundation
import LibvirtGenModel

/// Writes a set of files as a folder atomically: everything goes into a temporary sibling folder,
/// which then replaces the target, so a failed run never leaves a half-written folder.
public struct OutputFolder: Sendable {
    /// The folder to write.
    public var url: URL
    /// Build products inside an existing folder that survive a rewrite (they are not generator output).
    public static let preserved = [".build", ".swiftpm"]

    /// Creates the writer.
    public init(url: URL) {
        self.url = url
    }

    /// Replaces the folder's contents with `files` (relative path → text).
    public func write(_ files: [String: String]) throws {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let backup = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: temporary)
            let entries = files.sorted { $0.key < $1.key }.map { (temporary.appendingPathComponent($0.key), $0.value) }
            for folder in Set(entries.map { $0.0.deletingLastPathComponent() }).sorted(by: { $0.path < $1.path }) {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            // The files are independent: written on every core at once.
            _ = try entries.concurrentMap { file, text in try Data(text.utf8).write(to: file) }
        } catch {
            try? fm.removeItem(at: temporary)
            throw DiagnosticError("cannot write output: \(error.localizedDescription)", at: SourceLocation(file: url.path, line: 0))
        }
        do {
            if fm.fileExists(atPath: url.path) {
                for name in Self.preserved where fm.fileExists(atPath: url.appendingPathComponent(name).path) {
                    try fm.moveItem(at: url.appendingPathComponent(name), to: temporary.appendingPathComponent(name))
                }
                try fm.moveItem(at: url, to: backup)
                try fm.moveItem(at: temporary, to: url)
                try fm.removeItem(at: backup)
            } else {
                try fm.moveItem(at: temporary, to: url)
            }
        } catch {
            if !fm.fileExists(atPath: url.path), fm.fileExists(atPath: backup.path) {
                try? fm.moveItem(at: backup, to: url)
            }
            try? fm.removeItem(at: temporary)
            throw DiagnosticError("cannot replace the output folder: \(error.localizedDescription)",
                                  at: SourceLocation(file: url.path, line: 0))
        }
    }
}
