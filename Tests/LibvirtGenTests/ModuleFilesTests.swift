import Foundation
import LibvirtGenerator
@testable import LibvirtGenSwift
import Testing

/// The `Libvirt` module as a fixed number of files of similar size (the build-tool plugin's output).
@Suite("Module files")
struct ModuleFilesTests {
    /// Consecutive pieces are grouped so that each group ends once it reaches its share of the total.
    @Test func groupsBySize() {
        #expect(ModuleFiles.groups(of: [5, 5, 5, 5], count: 2) == [[0, 1], [2, 3]])
        #expect(ModuleFiles.groups(of: [1, 1, 1, 1, 1, 1], count: 3) == [[0, 1], [2, 3], [4, 5]])
        #expect(ModuleFiles.groups(of: [3, 4, 5], count: 1) == [[0, 1, 2]])
        // A piece larger than a share fills its group and the next; fewer pieces leave groups empty.
        #expect(ModuleFiles.groups(of: [10, 1, 1], count: 3) == [[0], [], [1, 2]])
        #expect(ModuleFiles.groups(of: [1], count: 3) == [[0], [], []])
    }

    /// Eight files hold what the one file holds, in the same order, each a similar share of it.
    @Test func eightFilesHoldTheOneFile() throws {
        try withTemporaryFolder { folder in
            let one = folder.appendingPathComponent("Libvirt.swift")
            let eight = (1...8).map { folder.appendingPathComponent("Libvirt\($0).swift") }
            for urls in [[one], eight] {
                _ = try runGenerator(input: .apiXML(Reference.apiFolder), output: .moduleFiles(urls, cModule: "CLibvirtSystem"))
            }
            let whole = try String(contentsOf: one, encoding: .utf8)
            let parts = try eight.map { try String(contentsOf: $0, encoding: .utf8) }
            let header = try #require(whole.split(separator: "\n").first.map(String.init))
            #expect(parts.allSatisfy { $0.hasPrefix(header + "\n\n// MARK: - ") })
            let bodies = parts.map { $0.dropFirst(header.count + 2) }
            #expect(header + "\n\n" + bodies.joined(separator: "\n\n") == whole)
            let lines = parts.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }
            let share = lines.reduce(0, +) / lines.count
            #expect(lines.allSatisfy { abs($0 - share) < share / 4 }, "lines per file: \(lines)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 9)
        }
    }

    /// A file that cannot be written fails the run with an error naming it, and every destination
    /// stays as it was, with nothing left beside them.
    @Test func failedWriteLeavesTheFilesAlone() throws {
        try withTemporaryFolder { folder in
            let first = folder.appendingPathComponent("Libvirt1.swift")
            try Data("old".utf8).write(to: first)
            let blocker = folder.appendingPathComponent("blocker")
            try Data().write(to: blocker)
            let second = blocker.appendingPathComponent("Libvirt2.swift")
            #expect {
                _ = try runGenerator(input: .apiXML(Reference.apiFolder), output: .moduleFiles([first, second], cModule: "C"))
            } throws: { error in
                "\(error)".contains(second.path) && "\(error)".contains("cannot write the file")
            }
            #expect(try String(contentsOf: first, encoding: .utf8) == "old")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["Libvirt1.swift", "blocker"])
        }
    }

    /// A file named twice (or none) is an error before anything is written: one share of the
    /// module would be missing from what the files hold.
    @Test func fileNamedTwiceIsAnError() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("Libvirt1.swift")
            let again = folder.appendingPathComponent("sub/../Libvirt1.swift")
            let other = folder.appendingPathComponent("Libvirt2.swift")
            #expect {
                _ = try runGenerator(input: .apiXML(Reference.apiFolder), output: .moduleFiles([file, other, again], cModule: "C"))
            } throws: { error in
                "\(error)".contains("Libvirt1.swift") && "\(error)".contains("named twice")
            }
            #expect(throws: (any Error).self) {
                _ = try runGenerator(input: .apiXML(Reference.apiFolder), output: .moduleFiles([], cModule: "C"))
            }
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(written.isEmpty)
        }
    }
}
