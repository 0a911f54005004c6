import Foundation
import LibvirtGenClang
import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenRNG
import LibvirtGenXML

/// What the generator reads libvirt's API from.
public enum GeneratorInput: Sendable {
    /// A folder of the four API description files (`libvirt-api.xml`, `-qemu-`, `-lxc-`, `-admin-`).
    case apiXML(URL)
    /// A folder of libvirt's public C headers, read through libclang, with an optional API XML
    /// folder of the same release whose documentation, versions and parameter names complete them.
    case headers(URL, documentation: URL?)

    /// The folder of the release's RELAX NG schemas: `schemas` beside the API description, when there.
    public var schemaFolder: URL? {
        let folder: URL? = switch self {
        case .apiXML(let folder): folder
        case .headers(_, let documentation): documentation
        }
        guard let schemas = folder?.appendingPathComponent("schemas"),
              FileManager.default.fileExists(atPath: schemas.path) else { return nil }
        return schemas
    }

    /// Reads the schemas of the document kinds `specs` lists from ``schemaFolder`` (file name →
    /// grammar); empty without a schema folder.
    public func readSchemas(_ specs: [XMLDocumentSpec]) throws -> [String: RNGGrammar] {
        guard let folder = schemaFolder else { return [:] }
        let schemas = specs.map(\.schema).filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        let reader = RNGReader(sharing: RNGFileCache())
        let grammars = try schemas.concurrentMap { try reader.read(folder.appendingPathComponent($0)) }
        return Dictionary(zip(schemas, grammars)) { first, _ in first }
    }

    /// Reads the C-level model with the input's frontend (and, for headers, merges the documentation).
    public func read() throws -> [CAPI] {
        switch self {
        case .apiXML(let folder):
            return try XMLFrontend().read(folder: folder)
        case .headers(let folder, let documentation):
            let apis = try HeaderFrontend().read(folder: folder)
            guard let documentation else { return apis }
            return DocumentationMerge.merge(apis, documentation: try XMLFrontend().read(folder: documentation))
        }
    }
}

extension Pipeline {
    /// Reads the four files of an API XML folder (and its schemas) and lowers them.
    public func run(apiXML folder: URL) throws -> Result {
        try run(input: .apiXML(folder))
    }

    /// Reads an input's API description and schemas and lowers them.
    public func run(input: GeneratorInput) throws -> Result {
        try run(input: input, finishingDocuments: { _, _ in () }).result
    }

    /// Reads an input's API description and schemas, lowers them, and gives the lowered documents
    /// to `finish` as soon as they are (see ``Pipeline/run(readingAPIs:readingSchemas:finishingDocuments:)``).
    public func run<Finished: Sendable>(
        input: GeneratorInput,
        finishingDocuments finish: @Sendable (_ documents: [XMLDocumentTypes], _ libvirtVersion: String) throws -> Finished
    ) throws -> (result: Result, finished: Finished?) {
        let specs = overrides.xmlDocuments
        return try run(
            readingAPIs: { try input.read() }, readingSchemas: { try input.readSchemas(specs) }, finishingDocuments: finish)
    }
}
