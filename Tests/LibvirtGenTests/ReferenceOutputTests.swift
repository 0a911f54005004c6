import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenSwift
import LibvirtGenDocs
import Testing

/// Several `generate` runs of the executable over the checked-in description, made at the same
/// time in separate processes and shared by the tests below. Separate processes matter: Swift
/// seeds hashing per process, so an output that depends on dictionary order differs between them.
enum GenerationRuns {
    /// How many processes generate (each takes about a second). With six, an output that depends on
    /// the order of a two-key dictionary is caught in all but about 3% of test runs.
    static let count = 6

    /// One run: what the executable printed and the files it wrote.
    struct Run: Sendable {
        /// The process's result.
        var result: CLIResult
        /// The output folder's files by relative path.
        var files: [String: Data]
    }

    /// The runs, or the error that kept them from running.
    private static let outcome = Result { try makeRuns() }

    /// The runs; throws when the executable could not be run.
    static func runs() throws -> [Run] { try outcome.get() }

    /// Runs the executable ``count`` times concurrently into temporary folders and reads the output.
    private static func makeRuns() throws -> [Run] {
        try withTemporaryFolder { folder in
            let outputs = (0..<count).map { folder.appendingPathComponent("Generated-\($0)") }
            let results = try CLI.runConcurrently(outputs.map {
                ["generate", "--api-xml", Reference.apiFolder.path, "--output", $0.path]
            })
            return try zip(results, outputs).map { result, output in
                Run(result: result, files: result.status == 0 ? try FolderContents.read(output) : [:])
            }
        }
    }

    /// Where two versions of a text file first differ, as `line N: "…" vs "…"`.
    static func firstDifference(_ left: Data, _ right: Data) -> String {
        let a = String(decoding: left, as: UTF8.self).components(separatedBy: "\n")
        let b = String(decoding: right, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(a.count, b.count) where a[safe: index] != b[safe: index] {
            return "line \(index + 1): \"\(a[safe: index] ?? "<end>")\" vs \"\(b[safe: index] ?? "<end>")\""
        }
        return "no line differs"
    }
}

/// Bounds-checked element access for comparing files line by line.
extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// The generator's output against the checked-in `Generated/` package, its determinism, and the
/// header every generated file carries (DESIGN §3).
@Suite("Reference output")
struct ReferenceOutputTests {
    /// Every run succeeds quietly, with a one-line summary on standard output.
    @Test func generateSucceeds() throws {
        for run in try GenerationRuns.runs() {
            #expect(run.result.status == 0, "stderr: \(run.result.stderr)")
            #expect(run.result.stderr.isEmpty, "stderr: \(run.result.stderr)")
            #expect(run.result.stdout.hasPrefix("Generated "))
            #expect(run.result.stdout.contains("libvirt \(Reference.version)"))
            #expect(run.result.stdout.filter { $0 == "\n" }.count == 1)
            #expect(!run.files.isEmpty)
        }
    }

    /// Every generated file equals the checked-in one byte for byte, and `Generated/` holds no other
    /// files apart from build products.
    @Test func matchesCheckedInReference() throws {
        let reference = try FolderContents.read(Reference.generatedFolder, skipping: Set(OutputFolder.preserved))
        for (number, run) in try GenerationRuns.runs().enumerated() where !run.files.isEmpty {
            let missing = Set(run.files.keys).subtracting(reference.keys).sorted()
            let extra = Set(reference.keys).subtracting(run.files.keys).sorted()
            #expect(missing.isEmpty, "run \(number): generated but not checked in: \(missing)")
            #expect(extra.isEmpty, "run \(number): checked in but not generated: \(extra)")
            for (path, data) in run.files.sorted(by: { $0.key < $1.key }) {
                guard let checkedIn = reference[path] else { continue }
                #expect(data == checkedIn, "run \(number): \(path) differs from Generated/ at \(GenerationRuns.firstDifference(data, checkedIn))")
            }
        }
    }

    /// Separate runs give byte-identical output, and so does rendering in this process.
    @Test func outputIsDeterministic() throws {
        let runs = try GenerationRuns.runs()
        let first = try #require(runs.first?.files)
        try #require(!first.isEmpty)
        let inProcess = try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Generated")
            let run = try runGenerator(input: .apiXML(Reference.apiFolder), output: .package(output, link: .direct))
            #expect(run.fileCount == first.count)
            return try FolderContents.read(output)
        }
        for (name, files) in runs.dropFirst().enumerated().map({ ("run \($0.offset + 1)", $0.element.files) })
            + [("in-process runGenerator", inProcess)] {
            #expect(Set(files.keys) == Set(first.keys), "\(name) wrote other files than run 0")
            for (path, data) in files.sorted(by: { $0.key < $1.key }) where first[path] != data {
                Issue.record("\(name): \(path) differs from run 0 at \(GenerationRuns.firstDifference(data, first[path] ?? Data()))")
            }
        }
    }

    /// Every generated Swift file starts with the "Generated by … DO NOT EDIT." line; `Package.swift`
    /// carries it right after the `swift-tools-version` line SwiftPM requires first.
    @Test func swiftFilesCarryTheHeader() throws {
        let files = try #require(try GenerationRuns.runs().first?.files)
        let swiftFiles = files.filter { $0.key.hasSuffix(".swift") }
        #expect(swiftFiles.count > 20)
        for (path, data) in swiftFiles.sorted(by: { $0.key < $1.key }) {
            var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            if path == "Package.swift" {
                #expect(lines.first?.hasPrefix("// swift-tools-version:") == true)
                lines.removeFirst()
            }
            let header = String(lines.first ?? "")
            #expect(header.hasPrefix("// Generated by libvirt-swiftgen from "), "\(path): \(header)")
            #expect(header.contains("DO NOT EDIT"), "\(path): \(header)")
            #expect(header.contains("(libvirt \(Reference.version))"), "\(path): \(header)")
        }
    }

    /// The package has a Swift target and a system-library module map for each of the four modules.
    @Test func layout() throws {
        let files = try #require(try GenerationRuns.runs().first?.files)
        for module in ["Libvirt", "LibvirtQemu", "LibvirtLXC", "LibvirtAdmin"] {
            #expect(files.keys.contains { $0.hasPrefix("Sources/\(module)/Generated/") }, "\(module) has no sources")
            #expect(files.keys.contains("Sources/C\(module)/module.modulemap"))
        }
        #expect(files["Sources/Libvirt/Generated/Domain.swift"] != nil)
        #expect(files["Sources/Libvirt/Generated/Connection.swift"] != nil)
    }
}

/// The generated package's platform line covers what its runtime uses.
@Suite("Generated package platforms")
struct GeneratedPlatformTests {
    /// `Synchronization` (`Atomic`, `Mutex`) needs macOS 15: a runtime that imports it makes the
    /// package declare at least that.
    @Test func synchronizationNeedsMacOS15() throws {
        let runtime = Reference.root.appendingPathComponent("Templates/runtime/Libvirt")
        let files = try FileManager.default.contentsOfDirectory(atPath: runtime.path)
        let usesSynchronization = try files.contains { name in
            try String(contentsOf: runtime.appendingPathComponent(name), encoding: .utf8).contains("import Synchronization")
        }
        let manifest = try String(contentsOf: Reference.generatedFolder.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(!usesSynchronization || manifest.contains("platforms: [.macOS(.v15)]"))
    }
}
