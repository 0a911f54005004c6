import LibvirtGenModel

/// Documentation as the lines of a Swift `///` comment (without the slashes): the description,
/// the `- Parameter`, `- Returns:` and `- Throws:` callouts, then the C symbols and the version
/// after a blank line.
enum DocumentationComment {
    /// The comment's lines; a callout whose text spans lines continues on lines of its own.
    static func lines(_ doc: Documentation) -> [String] {
        var callouts = doc.parameters.map { "- Parameter \($0.name): \($0.text)" }
        if let returns = doc.returns { callouts.append("- Returns: \(returns)") }
        if let throwing = doc.throwing { callouts.append("- Throws: \(throwing)") }
        var lines = doc.body + callouts.flatMap { $0.splitting(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "\n") } }
        var trailer: [String] = []
        switch doc.symbols.count {
        case 0: break
        case 1: trailer.append("C symbol: `\(doc.symbols[0])`.")
        default: trailer.append("C symbols: " + doc.symbols.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        if let since = doc.since { trailer.append("Available since libvirt \(since).") }
        if !trailer.isEmpty, !lines.isEmpty { lines.append("") }
        return lines + trailer
    }
}
