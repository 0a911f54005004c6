import Foundation
import LibvirtGenCore
import LibvirtGenReports

/// Builds a Swift package with `swift build`, asking the compiler for its symbol graphs, and
/// reads its public declarations from them (`api-diff --generated`).
enum SymbolGraphBuild {
    /// The public API of the package in `package`, built in a scratch folder under `scratch`.
    static func publicAPI(of package: URL, scratch: URL, name: String) throws -> PublicAPI {
        guard FileManager.default.fileExists(atPath: package.appendingPathComponent("Package.swift").path) else {
            throw PublicAPIError(message: "\(package.path): no Package.swift (api-diff --generated compares two Swift packages)")
        }
        let symbols = scratch.appendingPathComponent("\(name)-symbols")
        let log = scratch.appendingPathComponent("\(name)-build.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        printError("Building \(package.path) for its symbol graphs ...")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swift", "build", "--package-path", package.path, "--scratch-path", scratch.appendingPathComponent("\(name)-build").path,
            "-Xswiftc", "-emit-symbol-graph", "-Xswiftc", "-emit-symbol-graph-dir", "-Xswiftc", symbols.path,
        ]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let firstError = (try? String(contentsOf: log, encoding: .utf8))?
                .split(separator: "\n").first { $0.contains("error:") }.map { ": \($0)" } ?? ""
            throw PublicAPIError(message: "\(package.path): swift build failed (log: \(log.path))\(firstError)")
        }
        return try PublicAPI(symbolGraphs: symbols)
    }
}
