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

    /// How a rewrite changed the folder's list of files (build products aside).
    public struct FileListChange: Sendable {
        /// Files the folder did not have before.
        public var added = 0
        /// Files the folder had and no longer has.
        public var removed = 0
        /// Whether the list is the same.
        public var isEmpty: Bool { added == 0 && removed == 0 }
    }

    /// Replaces the folder's contents with `files` (relative path → text); returns how the list of
    /// files changed, or nil when there was no folder before.
    @discardableResult
    public func write(_ files: [String: String]) throws -> FileListChange? {
        let fm = FileManager.default
        let before = fm.fileExists(atPath: url.path) ? Set(fileList()) : nil
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
            _ = try entries.concurrentMap { file, text in try Self.writeFile(text, to: file.path) }
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
        return before.map { before in
            let after = Set(files.keys)
            return FileListChange(added: after.subtracting(before).count, removed: before.subtracting(after).count)
        }
    }

    /// The folder's files as relative paths, without the build products ``preserved`` names.
    private func fileList() -> [String] {
        Self.regularFiles(in: url.path, prefix: "")
    }

    /// The regular files under `folder`, as paths relative to the listing's start (`prefix` is
    /// the folder's own), skipping ``preserved`` at the top. Plain `readdir` and `lstat`: a
    /// `FileManager` enumeration, standardizing each URL and reading its resource values, took
    /// 8 ms of `generate`'s 170 for 185 files, this 0.2 ms.
    private static func regularFiles(in folder: String, prefix: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var paths: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var status = stat()
            guard lstat(folder + "/" + name, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR where !(prefix.isEmpty && preserved.contains(name)):
                paths += regularFiles(in: folder + "/" + name, prefix: prefix + name + "/")
            case S_IFREG:
                paths.append(prefix + name)
            default:
                break
            }
        }
        return paths
    }

    /// Writes `text` to a new file at `path` with plain POSIX calls. `Data.write(to:)` also syncs
    /// each file to disk, a third of the writing time; the folder's atomic replacement, not each
    /// file's durability, is what keeps a failed run from leaving half an output behind.
    private static func writeFile(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
