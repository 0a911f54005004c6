import Foundation
import LibvirtGenModel
import LibvirtGenRNG

/// What each RELAX NG schema of a release describes (`libvirt-swiftgen schemas`): for a document
/// schema, the elements a document starts with and how many definitions, element names and
/// attribute names its grammar reaches; a schema without a start is one that others include.
public struct SchemaReport: Sendable {
    /// One schema file.
    public struct Row: Sendable, Equatable {
        /// The file name (`domain.rng`).
        public var file: String
        /// The root elements of its documents; empty for an included-only schema.
        public var rootElements: [String]
        /// Named definitions after includes.
        public var defines: Int
        /// Distinct element names a document can hold.
        public var elements: Int
        /// Distinct attribute names a document can hold.
        public var attributes: Int
    }

    /// The schemas, by file name.
    public var rows: [Row]

    /// Reads every `*.rng` file of `folder` (each with what it includes).
    ///
    /// - Throws: `DiagnosticError` naming the file and line of what a schema does not allow, or
    ///   the folder when it holds no schema.
    public init(folder: URL) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".rng") }.sorted()
        guard !names.isEmpty else {
            throw DiagnosticError("no RELAX NG schema (*.rng) in the folder", at: SourceLocation(file: folder.path, line: 0))
        }
        let reader = RNGReader(sharing: RNGFileCache())
        rows = try names.map { name in
            let grammar = try reader.read(folder.appendingPathComponent(name))
            let reachable = grammar.reachableNames()
            return Row(
                file: name, rootElements: grammar.rootElements(), defines: grammar.defines.count,
                elements: grammar.start == nil ? 0 : reachable.elements.count,
                attributes: grammar.start == nil ? 0 : reachable.attributes.count)
        }
    }

    /// The report as aligned text lines, a header first.
    public func lines() -> [String] {
        let header = ["schema", "documents", "defines", "elements", "attributes"]
        let cells = rows.map { row in
            [row.file, row.rootElements.isEmpty ? "(included by others)" : row.rootElements.joined(separator: ", "),
             "\(row.defines)", "\(row.elements)", "\(row.attributes)"]
        }
        return AlignedTable.lines([header] + cells, textColumns: 2)
    }
}
