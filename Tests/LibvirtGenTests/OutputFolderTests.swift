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
