import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import Testing

/// A damaged API folder: a copy of the checked-in one with one thing wrong.
enum BadInput: String, CaseIterable, Sendable {
    /// `libvirt-lxc-api.xml` cut off in the middle (of a line).
    case truncatedFile
    /// A function in `libvirt-qemu-api.xml` with an argument of type `virNoSuchType`.
    case unknownArgumentType
    /// A `<function>` element of `libvirt-api.xml` declared twice.
    case duplicateFunction
    /// `libvirt-admin-api.xml` missing from the folder.
    case missingFile
    /// An `--api-xml` folder that does not exist.
    case nonexistentFolder

    /// Where the one-line diagnostic must point, and what it must say.
    struct Expected {
        /// The folder to pass as `--api-xml`.
        var apiFolder: URL
        /// The file the message must name.
        var file: String
        /// The line it must name: an exact line, any line in a range, or none.
        var lines: ClosedRange<Int>?
        /// Text the message must contain.
        var message: String
    }

    /// Builds the damaged folder at `folder` and returns what the diagnostic must say.
    func prepare(at folder: URL) throws -> Expected {
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        if self == .nonexistentFolder {
            return Expected(apiFolder: folder, file: folder.path, lines: nil, message: "no such folder")
        }
        try APIFolder.copyReference(to: folder)
        switch self {
        case .truncatedFile:
            // Cut in the middle of the file, as an interrupted copy would.
            let lxc = file("libvirt-lxc-api.xml")
            let data = try Data(contentsOf: lxc)
            let kept = data.prefix(data.count / 2)
            try kept.write(to: lxc)
            let lineCount = kept.filter { $0 == UInt8(ascii: "\n") }.count + 1
            return Expected(apiFolder: folder, file: lxc.path, lines: 1...lineCount, message: "malformed XML")
        case .unknownArgumentType:
            let qemu = file("libvirt-qemu-api.xml")
            var lines = try APIFolder.lines(of: qemu)
            let end = try #require(lines.firstIndex(of: "  </symbols>"))
            let snippet = try APIFolder.fixture("unknown-type-function.xml")
            lines.insert(contentsOf: snippet.split(separator: "\n").map(String.init), at: end)
            try APIFolder.write(lines, to: qemu)
            return Expected(
                apiFolder: folder, file: qemu.path, lines: end + 1...end + 1,
                message: "unknown type 'virNoSuchType' in argument 'thing' of 'virDomainQemuNoSuchCall'")
        case .duplicateFunction:
            let main = file("libvirt-api.xml")
            var lines = try APIFolder.lines(of: main)
            let start = try #require(lines.firstIndex { $0.contains("<function name='virDomainGetName'") })
            let end = try #require(lines[start...].firstIndex { $0.contains("</function>") })
            lines.insert(contentsOf: lines[start...end], at: end + 1)
            try APIFolder.write(lines, to: main)
            return Expected(
                apiFolder: folder, file: main.path, lines: end + 2...end + 2,
                message: "duplicate function 'virDomainGetName' (first declared at \(main.path):\(start + 1))")
        case .missingFile:
            let admin = file("libvirt-admin-api.xml")
            try FileManager.default.removeItem(at: admin)
            return Expected(apiFolder: folder, file: admin.path, lines: nil, message: "missing API description file")
        case .nonexistentFolder:
            preconditionFailure("handled above")
        }
    }
}

/// Bad input through the `libvirt-swiftgen` executable (DESIGN §4): exit code 1, one line on
/// standard error naming the file (and line) and the problem, no stack trace, and an existing
/// output folder left as it was.
@Suite("Bad input")
struct BadInputTests {
    /// Checks a failed run's exit code and its one diagnostic line.
    static func checkDiagnostic(_ run: CLIResult, _ expected: BadInput.Expected) {
        #expect(run.exitedNormally, "the process crashed")
        #expect(run.status == 1)
        #expect(!run.showsStackTrace, "stderr: \(run.stderr)")
        #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.hasSuffix("\n") && run.stderr.filter { $0 == "\n" }.count == 1)
        let line = run.stderrLines.first ?? ""
        #expect(line.contains(expected.message), "stderr: \(line)")
        if let lines = expected.lines {
            let rest = line.dropFirst(expected.file.count + 1)
            #expect(line.hasPrefix(expected.file + ":"), "stderr: \(line)")
            let number = Int(rest.prefix { $0.isNumber }) ?? 0
            #expect(lines.contains(number), "line \(number) not in \(lines): \(line)")
            #expect(rest.drop { $0.isNumber }.hasPrefix(": error: "), "stderr: \(line)")
        } else {
            #expect(line.hasPrefix(expected.file + ": error: "), "stderr: \(line)")
        }
    }

    /// `generate` fails with one diagnostic line and leaves the existing output folder untouched.
    @Test(arguments: BadInput.allCases)
    func generateFails(input: BadInput) throws {
        try withTemporaryFolder { temporary in
            let expected = try input.prepare(at: temporary.appendingPathComponent("api"))
            let work = temporary.appendingPathComponent("work")
            let output = work.appendingPathComponent("Generated")
            let marker = output.appendingPathComponent("marker.txt")
            let markerText = Data("left by the test; must survive a failed run\n".utf8)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try markerText.write(to: marker)

            let run = try CLI.run(["generate", "--api-xml", expected.apiFolder.path, "--output", output.path])

            Self.checkDiagnostic(run, expected)
            #expect(run.stdout.isEmpty, "stdout: \(run.stdout)")
            #expect(try FolderContents.names(work) == ["Generated"], "a temporary folder was left behind")
            #expect(try FolderContents.names(output) == ["marker.txt"])
            #expect(try Data(contentsOf: marker) == markerText)
        }
    }

    /// `coverage --json` fails the same way and prints nothing on standard output.
    @Test(arguments: BadInput.allCases)
    func coverageFails(input: BadInput) throws {
        try withTemporaryFolder { temporary in
            let expected = try input.prepare(at: temporary.appendingPathComponent("api"))
            let run = try CLI.run(["coverage", "--api-xml", expected.apiFolder.path, "--json"])
            Self.checkDiagnostic(run, expected)
            #expect(run.stdout.isEmpty, "stdout: \(run.stdout)")
        }
    }

    /// The library reports the same problem as a thrown ``DiagnosticError`` with its location.
    @Test(arguments: BadInput.allCases)
    func pipelineThrowsDiagnostic(input: BadInput) throws {
        try withTemporaryFolder { temporary in
            let expected = try input.prepare(at: temporary.appendingPathComponent("api"))
            let error = try #require(throws: DiagnosticError.self) {
                try Pipeline().run(apiXML: expected.apiFolder)
            }
            #expect(error.diagnostic.severity == .error)
            #expect(error.diagnostic.location?.file == expected.file)
            if let lines = expected.lines {
                #expect(lines.contains(error.diagnostic.location?.line ?? 0))
            }
            #expect(error.description.contains(expected.message))
            #expect(!error.description.contains("\n"))
        }
    }
}
