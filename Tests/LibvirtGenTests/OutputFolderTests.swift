import Foundation
import LibvirtGenerator
import LibvirtGenCore
import LibvirtGenModel
import Testing

/// Atomic output writing (DESIGN §3): the folder is replaced as a whole, build products inside it
/// survive, and nothing is left beside it.
@Suite("Output folder")
struct OutputFolderTests {
    /// A rewrite replaces the files, removes stale ones, and keeps `.build` and `.swiftpm`.
    @Test func replacesContentsKeepingBuildProducts() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Generated")
            try OutputFolder(url: output).write(["Package.swift": "old\n", "Sources/Old.swift": "old\n"])
            for name in OutputFolder.preserved {
                try FileManager.default.createDirectory(
                    at: output.appendingPathComponent("\(name)/inner"), withIntermediateDirectories: true)
                try Data("product\n".utf8).write(to: output.appendingPathComponent("\(name)/inner/file"))
            }

            try OutputFolder(url: output).write(["Package.swift": "new\n", "Sources/New.swift": "new\n"])

            let files = try FolderContents.read(output)
            #expect(files["Package.swift"] == Data("new\n".utf8))
            #expect(files["Sources/New.swift"] == Data("new\n".utf8))
            #expect(files["Sources/Old.swift"] == nil)
            for name in OutputFolder.preserved {
                #expect(files["\(name)/inner/file"] == Data("product\n".utf8))
            }
            #expect(try FolderContents.names(folder) == ["Generated"])
        }
    }

    /// A rewrite reports how the list of files changed, build products aside; a new folder, nil.
    @Test func reportsTheFileListChange() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Generated")
            #expect(try OutputFolder(url: output).write(["a.swift": "a\n", "b/c.swift": "c\n"]) == nil)
            try FileManager.default.createDirectory(at: output.appendingPathComponent(".build/x"), withIntermediateDirectories: true)
            try Data("product\n".utf8).write(to: output.appendingPathComponent(".build/x/file"))
            let same = try OutputFolder(url: output).write(["a.swift": "changed\n", "b/c.swift": "c\n"])
            #expect(same?.isEmpty == true)
            let change = try OutputFolder(url: output).write(["a.swift": "a\n", "b/d.swift": "d\n", "e.swift": "e\n"])
            #expect(change?.added == 2 && change?.removed == 1)
        }
    }

    /// `generate` says when it changed the list of files of an existing folder, since packages
    /// depending on it by path keep building the old list; it says nothing otherwise.
    @Test func generateNotesAChangedFileList() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Generated")
            let arguments = ["generate", "--api-xml", Reference.apiFolder.path, "--output", output.path]
            let first = try CLI.run(arguments)
            #expect(first.status == 0 && first.stderr.isEmpty)
            try Data("// stray\n".utf8).write(to: output.appendingPathComponent("Sources/Libvirt/Generated/Stray.swift"))
            let second = try CLI.run(arguments)
            #expect(second.status == 0)
            #expect(second.stderr.contains("note: \(output.path): 0 files added, 1 removed;"))
            let third = try CLI.run(arguments)
            #expect(third.status == 0 && third.stderr.isEmpty)
        }
    }

    /// Writing into a folder that does not exist yet creates it and its parents.
    @Test func createsMissingFolder() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("a/b/Generated")
            try OutputFolder(url: output).write(["x/y.swift": "text\n"])
            #expect(try FolderContents.read(output) == ["x/y.swift": Data("text\n".utf8)])
            #expect(try FolderContents.names(folder.appendingPathComponent("a/b")) == ["Generated"])
        }
    }

    /// A write that cannot happen throws a diagnostic naming the folder and leaves the old one alone.
    @Test func failedWriteLeavesFolderAlone() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Generated")
            try OutputFolder(url: output).write(["keep.txt": "kept\n"])
            // A file where a folder must go makes the write fail.
            let error = try #require(throws: DiagnosticError.self) {
                try OutputFolder(url: output).write(["a": "file\n", "a/b": "needs a folder\n"])
            }
            #expect(error.diagnostic.location?.file == output.path)
            #expect(try FolderContents.read(output) == ["keep.txt": Data("kept\n".utf8)])
            #expect(try FolderContents.names(folder) == ["Generated"])
        }
    }
}
