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
        var diagnostics = DiagnosticBag()
        var package = try Lowering(overrides: overrides).lower(apis, diagnostics: &diagnostics)
        if !schemas.isEmpty {
            let lowering = XMLTypeLowering(naming: Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms))
            package.xmlDocuments = try overrides.xmlDocuments.compactMap { spec in
                try schemas[spec.schema].map { try lowering.lower($0, spec: spec) }
            }
            package.xmlDocumentFunctions = XMLDocumentFunctionLowering.lower(package.xmlDocuments.map(\.spec), in: package)
        }
        return Result(apis: apis, package: package, diagnostics: diagnostics)
    }
}
