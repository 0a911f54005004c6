import Foundation
import Testing

/// What one run of the `libvirt-swiftgen` executable produced.
struct CLIResult: Sendable {
    /// The exit code (or the signal number, when the process was killed by a signal).
    var status: Int32
    /// Whether the process exited normally rather than by a signal (a crash).
    var exitedNormally: Bool
    /// Everything written to standard output.
    var stdout: String
    /// Everything written to standard error.
    var stderr: String

    /// The non-empty lines of standard error.
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    /// Whether standard error holds something that looks like a crash report or a Swift stack trace.
    var showsStackTrace: Bool {
        let markers = ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "crashed", "#0 "]
        return markers.contains { stderr.contains($0) } || !exitedNormally
    }
}

/// Runs the `libvirt-swiftgen` executable that SwiftPM builds next to the test bundle.
enum CLI {
    /// The executable's name.
    static let name = "libvirt-swiftgen"

    /// The executable, found by searching upward from the test bundle's resources and from the
    /// test process's own path (both sit in the build products folder next to it).
    static func executable() throws -> URL {
        let starts = [
            Bundle.module.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<6 {
                let candidate = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                   !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                folder.deleteLastPathComponent()
            }
        }
        Issue.record("cannot find the \(name) executable near \(Bundle.module.bundleURL.path)")
        throw CocoaError(.fileNoSuchFile)
    }

    /// A started process whose output goes to files in a private folder until it is collected.
    final class Running {
        /// The process.
        private let process: Process
        /// The folder holding the output files.
        private let folder: URL

        /// Starts the executable with `arguments`, in a fresh, empty working folder.
        init(_ arguments: [String]) throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("LibvirtGenTests-cli-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: folder.appendingPathComponent("stdout"))
            try Data().write(to: folder.appendingPathComponent("stderr"))
            process = Process()
            process.executableURL = try CLI.executable()
            process.arguments = arguments
            // A folder with no api-xml/ in it: the command must not depend on the current folder.
            process.currentDirectoryURL = folder
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
            process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
            try process.run()
        }

        /// Waits for the process to end and returns what it printed.
        func finish() throws -> CLIResult {
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: folder) }
            let read = { (name: String) in
                String(decoding: try Data(contentsOf: self.folder.appendingPathComponent(name)), as: UTF8.self)
            }
            return CLIResult(
                status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
                stdout: try read("stdout"), stderr: try read("stderr"))
        }
    }

    /// Runs the executable with `arguments` to completion.
    static func run(_ arguments: [String]) throws -> CLIResult {
        try Running(arguments).finish()
    }

    /// Runs several invocations at the same time and returns their results in order.
    static func runConcurrently(_ invocations: [[String]]) throws -> [CLIResult] {
        let running = try invocations.map(Running.init)
        return try running.map { try $0.finish() }
    }
}
