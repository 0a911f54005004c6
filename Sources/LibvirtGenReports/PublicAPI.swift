import Foundation

/// The public declarations of a built Swift package, read from the symbol graphs the compiler
/// emits (`-emit-symbol-graph`): what users can call, hand-written runtime code included, as the
/// compiler sees it rather than as the generator meant it.
public struct PublicAPI: Sendable, Equatable {
    /// The declarations at one path (`Libvirt.Domain.info()`): overloads share a path.
    public struct Entry: Sendable, Equatable {
        /// The symbol kind, e.g. `swift.method` or `swift.enum.case`.
        public var kind: String
        /// The declarations as the compiler prints them, one per overload.
        public var declarations: Set<String>
        /// The C symbols their documentation names (`C symbol: …`).
        public var cSymbols: Set<String>
    }

    /// Path (`Module.Type.member(labels:)`) → its declarations.
    public private(set) var entries: [String: Entry] = [:]

    /// Reads every `*.symbols.json` in `folder`, whose symbols are attributed to the module that
    /// declares them (extension graphs `A@B` to `A`); compiler-synthesized symbols are left out.
    public init(symbolGraphs folder: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".symbols.json") }
        guard !files.isEmpty else { throw PublicAPIError(message: "\(folder.path): no symbol graphs (*.symbols.json)") }
        for file in files.sorted(by: { $0.path < $1.path }) {
            let graph: SymbolGraph
            do {
                graph = try JSONDecoder().decode(SymbolGraph.self, from: Data(contentsOf: file))
            } catch {
                throw PublicAPIError(message: "\(file.path): not a symbol graph: \(error)")
            }
            for symbol in graph.symbols where !symbol.identifier.precise.contains("::SYNTHESIZED::") {
                add(symbol, module: graph.module.name)
            }
        }
    }

    /// Builds from entries, for tests.
    public init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// Files one symbol under its path.
    private mutating func add(_ symbol: SymbolGraph.Symbol, module: String) {
        let path = ([module] + symbol.pathComponents).joined(separator: ".")
        let declaration = symbol.declarationFragments.map(\.spelling).joined()
        let documentation = symbol.docComment?.lines.map(\.text).joined(separator: " ") ?? ""
        var entry = entries[path] ?? Entry(kind: symbol.kind.identifier, declarations: [], cSymbols: [])
        entry.declarations.insert(declaration)
        entry.cSymbols.formUnion(Self.cSymbols(in: documentation))
        entries[path] = entry
    }

    /// The names in a documentation's `C symbol: `x`` or `C symbols: `x`, `y`` sentence.
    static func cSymbols(in documentation: String) -> [String] {
        guard let marker = documentation.range(of: "C symbol: ") ?? documentation.range(of: "C symbols: ") else { return [] }
        var names: [String] = []
        let pieces = documentation[marker.upperBound...].split(separator: "`", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if index % 2 == 1 {
                names.append(String(piece))
            } else if index > 0 && ![", ", ", and ", " and "].contains(piece) {
                break
            }
        }
        return names
    }
}

/// A symbol graph folder that cannot be read.
public struct PublicAPIError: Error, CustomStringConvertible {
    /// The one-line message.
    public var message: String

    /// Creates an error with its message.
    public init(message: String) {
        self.message = message
    }
    /// The message.
    public var description: String { message }
}

/// The parts of the compiler's symbol graph JSON that ``PublicAPI`` reads.
private struct SymbolGraph: Decodable {
    /// The module the graph describes.
    struct Module: Decodable {
        /// Its name.
        var name: String
    }

    /// One declaration.
    struct Symbol: Decodable {
        /// Its kind.
        struct Kind: Decodable {
            /// E.g. `swift.method`.
            var identifier: String
        }

        /// Its unique identifier.
        struct Identifier: Decodable {
            /// The mangled name, with `::SYNTHESIZED::` for compiler-provided members.
            var precise: String
        }

        /// A piece of the declaration's text.
        struct Fragment: Decodable {
            /// The text.
            var spelling: String
        }

        /// Its documentation comment.
        struct DocComment: Decodable {
            /// A line of it.
            struct Line: Decodable {
                /// The text.
                var text: String
            }

            /// Its lines.
            var lines: [Line]
        }

        /// Its kind.
        var kind: Kind
        /// Its unique identifier.
        var identifier: Identifier
        /// The names from the module down to it.
        var pathComponents: [String]
        /// Its declaration.
        var declarationFragments: [Fragment]
        /// Its documentation, if any.
        var docComment: DocComment?
    }

    /// The module.
    var module: Module
    /// Its public symbols.
    var symbols: [Symbol]
}
