import Foundation
import LibvirtGenModel

/// The generator's front half as one value-in, value-out composition: read the API description,
/// lower it. Renderers take the result from here.
public struct Pipeline: Sendable {
    /// The overrides data the lowering reads.
    public var overrides: Overrides

    /// Creates a pipeline with explicit overrides.
    public init(overrides: Overrides) {
        self.overrides = overrides
    }

    /// Creates a pipeline with the overrides built into the generator.
    public init() throws {
        overrides = try Overrides.builtIn()
    }

    /// What a run produces.
    public struct Result: Sendable {
        /// The C-level model of the four files.
        public var apis: [CAPI]
        /// The binding model.
        public var package: BindingPackage
        /// Warnings found on the way.
        public var diagnostics: DiagnosticBag
    }

    /// Reads an input folder with a frontend and lowers what it read.
    public func run(_ frontend: some Frontend, folder: URL) throws -> Result {
        try run(apis: frontend.read(folder: folder))
    }

    /// Lowers an already-read C model (from either frontend) and, when given, the release's
    /// schemas (file name → grammar) to the typed XML documents the overrides list.
    public func run(apis: [CAPI], schemas: [String: RNGGrammar] = [:]) throws -> Result {
        try run(readingAPIs: { apis }, readingSchemas: { schemas })
    }

    /// Reads the C model and the schemas and lowers each: the API and the XML documents are
    /// independent until the document functions join them, so each is lowered on its own core as
    /// soon as it is read.
    ///
    /// - Throws: An error reading or lowering the API before one reading or lowering the schemas.
    public func run(
        readingAPIs readAPIs: @Sendable () throws -> [CAPI],
        readingSchemas readSchemas: @Sendable () throws -> [String: RNGGrammar]
    ) throws -> Result {
        try run(readingAPIs: readAPIs, readingSchemas: readSchemas, finishingDocuments: { _, _ in () }).result
    }

    /// Reads and lowers as ``run(readingAPIs:readingSchemas:)`` does, and gives the lowered
    /// documents, with the libvirt release's version, to `finish` on the documents' core as soon
    /// as they are lowered: the API's lowering, the longer of the two, is still running then. The
    /// generator renders the typed XML module there.
    ///
    /// - Returns: The pipeline's result, and `finish`'s (nil when the release has no documents).
    /// - Throws: An error reading or lowering the API before one reading or lowering the schemas
    ///   or finishing the documents.
    public func run<Finished: Sendable>(
        readingAPIs readAPIs: @Sendable () throws -> [CAPI],
        readingSchemas readSchemas: @Sendable () throws -> [String: RNGGrammar],
        finishingDocuments finish: @Sendable (_ documents: [XMLDocumentTypes], _ libvirtVersion: String) throws -> Finished
    ) throws -> (result: Result, finished: Finished?) {
        let overrides = overrides
        // The version is known once the API is read, long before the documents are lowered.
        let version = Handoff<String>()
        var ((apis, package, diagnostics), (xmlDocuments, finished)) = try concurrently({
            let apis: [CAPI]
            do {
                apis = try readAPIs()
            } catch {
                version.hand(.failure(error))
                throw error
            }
            version.hand(.success(Lowering.version(of: apis)))
            var diagnostics = DiagnosticBag()
            let package = try Lowering(overrides: overrides).lower(apis, diagnostics: &diagnostics)
            return (apis, package, diagnostics)
        }, {
            let schemas = try readSchemas()
            let lowering = XMLTypeLowering(naming: Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms))
            let documents = try overrides.xmlDocuments.filter { schemas[$0.schema] != nil }.concurrentMap { spec in
                try lowering.lower(schemas[spec.schema]!, spec: spec)
            }
            return (documents, documents.isEmpty ? nil : try finish(documents, version.take()))
        })
        if !xmlDocuments.isEmpty {
            package.xmlDocuments = xmlDocuments
            package.xmlDocumentFunctions = XMLDocumentFunctionLowering.lower(xmlDocuments.map(\.spec), in: package)
        }
        return (Result(apis: apis, package: package, diagnostics: diagnostics), finished)
    }
}
