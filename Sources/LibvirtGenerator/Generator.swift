import Foundation
import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenSwift

/// Where the generator writes the bindings.
public enum GeneratorOutput: Sendable {
    /// A whole package in a folder, replaced atomically, linking libvirt as `link` says.
    case package(URL, link: LinkMode)
    /// The `Libvirt` module as one Swift file importing the C module `cModule` (what the build-tool
    /// plugin compiles into a downstream target), without the typed XML documents.
    case singleFile(URL, cModule: String)
}

/// What a generator run did.
public struct GeneratorRun: Sendable {
    /// The pipeline's result: the C model, the binding model and the warnings.
    public var result: Pipeline.Result
    /// How many files were written.
    public var fileCount: Int
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
    let result = try pipeline.run(input: input)
    switch output {
    case .package(let folder, let link):
        let files = try GeneratedPackageFiles.render(result.package, link: link, apis: result.apis)
        try OutputFolder(url: folder).write(files)
        return GeneratorRun(result: result, fileCount: files.count)
    case .singleFile(let file, let cModule):
        // One module alone: the typed XML documents and their functions live in modules of their own.
        var package = result.package
        package.xmlDocuments = []
        package.xmlDocumentFunctions = []
        let files = try SwiftRenderer().render(package)
        let text = SingleFileBindings.join(files, module: "Libvirt", packageCModule: "CLibvirt", cModule: cModule)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw DiagnosticError("cannot write the file", at: SourceLocation(file: file.path, line: 0))
        }
        return GeneratorRun(result: result, fileCount: 1)
    }
}
