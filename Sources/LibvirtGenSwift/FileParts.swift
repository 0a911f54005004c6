import LibvirtGenModel

/// Lays a generated file's declarations out over parts (`Domain.swift`, `Domain+Part02.swift`,
/// ...) of about ``lineBudget`` lines each, cut only between declarations and between an
/// extension's members.
///
/// The compiler hands a module's files to its jobs in sorted runs of equal count, not of equal
/// size: with `DomainDescription.swift` at 27,000 lines, one job of a clean debug build compiled
/// most of `LibvirtXML` while the other core idled. Parts of similar size keep both busy.
public enum FileParts {
    /// About how many lines a part holds: a declaration that would take it past this starts the
    /// next part (one longer than this alone fills a part).
    public static let lineBudget = 1_000

    /// A piece of a file: a top-level declaration, or a member of an extension of `owner` (the
    /// members of one owner that land in one part share one extension there).
    public enum Piece: Sendable {
        /// A top-level declaration's text.
        case declaration(String)
        /// A member's text, unindented, and the type it extends.
        case member(String, owner: String)
    }

    /// The pieces of each part, in order (one part when they fit in one).
    public static func split(_ pieces: [Piece], budget: Int = lineBudget) -> [[Piece]] {
        var parts: [[Piece]] = [[]]
        var lines = 0
        for piece in pieces {
            let size = piece.lineCount
            if lines > 0, lines + size > budget {
                parts.append([])
                lines = 0
            }
            parts[parts.count - 1].append(piece)
            lines += size
        }
        return parts
    }

    /// Top-level declarations split into parts.
    public static func split(declarations: [String], budget: Int = lineBudget) -> [[String]] {
        split(declarations.map(Piece.declaration), budget: budget).map { part in part.map(\.text) }
    }

    /// The file name of part `index` (from 0) of a file named `name`: `Domain.swift` for the
    /// first, `Domain+Part02.swift` for the second (two digits, so that listings sort them).
    public static func name(_ name: String, part index: Int) -> String {
        guard index > 0 else { return name }
        let stem = name.hasSuffix(".swift") ? String(name.dropLast(".swift".count)) : name
        return "\(stem)+Part\(index < 9 ? "0" : "")\(index + 1).swift"
    }

    /// One part's top-level declarations: its declarations as they are, each run of one owner's
    /// members wrapped in the one extension `wrap(owner, members)` spells.
    public static func declarations(
        of pieces: [Piece], wrap: (_ owner: String, _ members: [String]) throws -> String
    ) rethrows -> [String] {
        var declarations: [String] = []
        var run: (owner: String, members: [String])?
        for piece in pieces {
            switch piece {
            case .declaration(let text):
                if let open = run { declarations.append(try wrap(open.owner, open.members)) }
                run = nil
                declarations.append(text)
            case .member(let text, let owner):
                if let open = run, open.owner == owner {
                    run?.members.append(text)
                } else {
                    if let open = run { declarations.append(try wrap(open.owner, open.members)) }
                    run = (owner, [text])
                }
            }
        }
        if let open = run { declarations.append(try wrap(open.owner, open.members)) }
        return declarations
    }
}

extension FileParts.Piece {
    /// The piece's text (a member's unindented, without its extension).
    var text: String {
        switch self {
        case .declaration(let text), .member(let text, _): text
        }
    }

    /// The lines the piece takes in a part, with the blank line before it (counted over the
    /// contiguous bytes: the pieces of a package are 4 MB).
    var lineCount: Int {
        var text = text
        return text.withUTF8 { bytes in 2 + bytes.occurrences(of: UInt8(ascii: "\n")) }
    }
}
