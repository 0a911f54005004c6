import Foundation
import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenSwift

/// Where the generator writes the bindings.
public enum GeneratorOutput: Sendable {
    /// A whole package in a folder, replaced atomically, linking libvirt as `link` says.
    case package(URL, link: LinkMode)
    /// The `Libvirt` module as these Swift files, of similar size, importing the C module
    /// `cModule` (what the build-tool plugin compiles into a downstream target), without the typed
    /// XML documents; one file holds it all.
    case moduleFiles([URL], cModule: String)
}

/// What a generator run did.
public struct GeneratorRun: Sendable {
    /// The pipeline's result: the C model, the binding model and the warnings.
    public var result: Pipeline.Result
    /// How many files were written.
    public var fileCount: Int
    /// How the output folder's list of files changed, when a package replaced an existing one.
    public var fileListChange: OutputFolder.FileListChange?
    /// The number of C functions bound.
    public var boundFunctions: Int {
        result.package.modules.flatMap(\.files).flatMap(\.functions).count
    }
}

/// The generator's one entry: reads `input`, lowers it and writes `output`. The CLI's `generate`
/// (and so both plugins, which run it) and the tests call it. An existing output folder is never
/// left half-written: a failure leaves it as it was.
public func runGenerator(
    input: GeneratorInput, output: GeneratorOutput, pipeline: Pipeline? = nil
) throws -> GeneratorRun {
    let pipeline = try pipeline ?? Pipeline()
    switch output {
    case .package(let folder, let link):
        // The typed XML module is rendered while the API is still being lowered.
        let (result, documentFiles) = try pipeline.run(input: input) { documents, version in
            try XMLViewRenderer().render(documents, header: SwiftRenderer.header(libvirtVersion: version))
        }
        let files = try GeneratedPackageFiles.render(result.package, link: link, apis: result.apis, documentFiles: documentFiles)
        let change = try OutputFolder(url: folder).write(files)
        return GeneratorRun(result: result, fileCount: files.count, fileListChange: change)
    case .moduleFiles(let urls, let cModule):
        let result = try pipeline.run(input: input)
        guard !urls.isEmpty else { throw DiagnosticError("no file to write the module into") }
        // Two paths for one file would leave one share of the module out of it.
        if let twice = urls.first(where: { url in urls.filter { $0.standardizedFileURL == url.standardizedFileURL }.count > 1 }) {
            throw DiagnosticError("the file is named twice", at: SourceLocation(file: twice.path, line: 0))
        }
        // One module alone: the typed XML documents and their functions live in modules of their own.
        var package = result.package
        package.xmlDocuments = []
        package.xmlDocumentFunctions = []
        let files = try SwiftRenderer().render(package)
        let texts = ModuleFiles.join(
            files, module: "Libvirt", packageCModule: "CLibvirt", cModule: cModule, count: urls.count)
        try writeReplacing(Array(zip(urls, texts)))
        return GeneratorRun(result: result, fileCount: urls.count, fileListChange: nil)
    }
}

/// Writes each file beside its destination, then moves them all into place, so that a failure
/// leaves the destinations as they were (bar a failing move, after every write succeeded).
private func writeReplacing(_ files: [(URL, String)]) throws {
    var written: [(temporary: URL, destination: URL)] = []
    defer { for file in written { try? FileManager.default.removeItem(at: file.temporary) } }
    for (url, text) in files {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw DiagnosticError("cannot write the file", at: SourceLocation(file: url.path, line: 0))
        }
        written.append((temporary, url))
    }
    for file in written where rename(file.temporary.path, file.destination.path) != 0 {
        throw DiagnosticError("cannot write the file", at: SourceLocation(file: file.destination.path, line: 0))
    }
}
