import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import Testing

/// Paths of the repository the tests run in, and the pipeline's result for the checked-in API
/// description, computed once and shared by every test (it takes about a second).
enum Reference {
    /// The repository root: three levels up from this file (`Tests/LibvirtGenTests/TestSupport.swift`).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The libvirt version whose description is checked in and generated into `Generated/`.
    static let version = "9.0.0"

    /// The folder holding the four checked-in API description files.
    static let apiFolder = root.appendingPathComponent("api-xml/\(version)", isDirectory: true)

    /// The checked-in generated package.
    static let generatedFolder = root.appendingPathComponent("Generated", isDirectory: true)

    /// The pipeline run over ``apiFolder``, or the error it threw.
    private static let outcome = Result { try Pipeline().run(apiXML: apiFolder) }

    /// The pipeline's result for the checked-in description; throws what the pipeline threw.
    static func result() throws -> Pipeline.Result { try outcome.get() }

    /// The lowered binding package.
    static func package() throws -> BindingPackage { try result().package }

    /// Every bound function of the package by C name.
    private static let functionsByName: [String: BoundFunction] = {
        guard let package = try? outcome.get().package else { return [:] }
        let all = package.modules.flatMap(\.files).flatMap(\.functions)
        return Dictionary(all.map { ($0.cName, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// Every symbol status of the package by C name.
    private static let symbolsByName: [String: SymbolStatus] = {
        guard let package = try? outcome.get().package else { return [:] }
        return Dictionary(package.symbols.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The bound function for a C function; records an issue and throws when there is none.
    static func function(_ cName: String) throws -> BoundFunction {
        _ = try result()
        return try #require(functionsByName[cName], "\(cName) is not among the bound functions")
    }

    /// The status entry of a C symbol; records an issue and throws when there is none.
    static func symbol(_ cName: String) throws -> SymbolStatus {
        _ = try result()
        return try #require(symbolsByName[cName], "\(cName) has no symbol status")
    }
}

/// Creates an empty folder with a unique name under the system's temporary folder, runs `body`
/// with it, and removes it afterwards; each test gets its own, so tests run in parallel.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("LibvirtGenTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Files of a folder tree, read for byte-for-byte comparisons.
enum FolderContents {
    /// Every regular file under `folder` by relative path, skipping the top-level names in `skipping`.
    static func read(_ folder: URL, skipping: Set<String> = []) throws -> [String: Data] {
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [])
        else { throw CocoaError(.fileReadNoSuchFile) }
        var files: [String: Data] = [:]
        for case let url as URL in walker {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if skipping.contains(String(path.prefix { $0 != "/" })) {
                walker.skipDescendants()
                continue
            }
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// The names directly inside `folder`, sorted.
    static func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}

/// Copies of the checked-in API description files, to damage for bad-input tests.
enum APIFolder {
    /// Copies the four checked-in description files into `folder` (created if needed).
    static func copyReference(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml", "libvirt-admin-api.xml"] {
            try FileManager.default.copyItem(
                at: Reference.apiFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    /// The lines of a text file (without their newlines).
    static func lines(of file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    }

    /// Writes lines back as a text file.
    static func write(_ lines: [String], to file: URL) throws {
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    /// A fixture file's text from the test bundle's `Fixtures` folder.
    static func fixture(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
