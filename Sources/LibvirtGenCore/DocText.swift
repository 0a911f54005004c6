/// Converts libvirt's documentation markup into Swift documentation text.
///
/// A small state machine over the text: `@name` becomes the Swift parameter in code font,
/// `%NULL` becomes `nil`, `virDomainGetInfo()` becomes the Swift declaration that wraps it, and
/// `VIR_DOMAIN_RUNNING` the Swift case, where known.
public struct DocText: Sendable {
    /// C symbol → Swift symbol (`virDomainGetInfo` → `Domain.info()`).
    public var symbols: [String: String]
    /// Whether text is converted at all; `false` for a naming-only pass, which then sees empty text.
    let converts: Bool

    /// Creates a converter with a symbol map.
    public init(symbols: [String: String] = [:]) {
        self.symbols = symbols
        self.converts = true
    }

    /// A converter that returns empty text, for passes that need names but not documentation.
    static let skipped = DocText(converting: false)

    /// Creates a converter that converts or skips.
    private init(converting: Bool) {
        self.symbols = [:]
        self.converts = converting
    }

    /// The converted text as lines; `parameters` maps C parameter names to Swift ones.
    public func lines(_ text: String, parameters: [String: String] = [:]) -> [String] {
        let converted = Self.collapsingRepeats(convert(text, parameters: parameters))
        var lines = converted.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            return String(trimmed)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// A declaration's documentation: the converted text, then the C symbol and the version
    /// (separated by a blank line when there is text).
    public func document(_ text: String, cName: String, since: String?, parameters: [String: String] = [:]) -> [String] {
        document(lines: lines(text, parameters: parameters), cName: cName, since: since)
    }

    /// Documentation lines followed by the C symbol and the version.
    /// A body line holding a line break (a parameter's text) continues on lines of its own.
    public func document(lines body: [String], cName: String, since: String?) -> [String] {
        let body = body.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var lines = body.isEmpty ? [] : body + [""]
        lines.append("C symbol: `\(cName)`.")
        if let since { lines.append("Available since libvirt \(since).") }
        return lines
    }

    /// Converts markup in one string (used for single-line parameter text too). Every line break
    /// comes out as `\n`: a carriage return reaching a `///` comment would end it in Swift's eyes.
    public func convert(_ text: String, parameters: [String: String] = [:]) -> String {
        guard converts else { return "" }
        let chars = Array(Self.unifyingLineBreaks(text))
        var out = ""
        var i = 0
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        func word(from start: Int) -> (String, Int) {
            var end = start
            while end < chars.count, isWordCharacter(chars[end]) { end += 1 }
            return (String(chars[start..<end]), end)
        }
        while i < chars.count {
            let c = chars[i]
            if c == "@" || c == "%" {
                // `@name` is a parameter; `%NULL`, `%TRUE`, `%FALSE` are C constants.
                let (token, end) = word(from: i + 1)
                let swift = c == "@" ? (token.isEmpty ? nil : parameters[token] ?? token) : Self.constants[token]
                out += swift.map { "`\($0)`" } ?? String(c) + token
                i = end
            } else if isWordCharacter(c) && !c.isNumber && (i == 0 || !isWordCharacter(chars[i - 1])) {
                // A C symbol known to the bindings becomes its Swift name (`virDomainGetInfo()` → `Domain.info()`).
                let (token, end) = word(from: i)
                if let swift = symbols[token] {
                    let call = end + 1 < chars.count && chars[end] == "(" && chars[end + 1] == ")"
                    out += "`\(swift)`"
                    i = call ? end + 2 : end
                } else {
                    out += token
                    i = end
                }
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// The text with `\r\n`, `\r`, NEL and the Unicode line and paragraph separators as `\n`.
    static func unifyingLineBreaks(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }
            out.append(["\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) ? "\n" : scalar)
        }
        return String(out)
    }

    /// Collapses a code span repeated across a separator, which appears when two C names map to
    /// one Swift declaration (`virConnectOpen`/`virConnectOpenReadOnly` → one initializer).
    static func collapsingRepeats(_ text: String) -> String {
        var result = text
        // Only a code span, a separator and a code span can repeat: skip the scan when none is there.
        for separator in ["/", ", ", " or ", " and "] where text.contains("`\(separator)`") {
            var searchFrom = result.startIndex
            while let open = result[searchFrom...].firstIndex(of: "`"),
                  let close = result[result.index(after: open)...].firstIndex(of: "`") {
                let span = result[open...close]
                let repeated = span + separator + span
                let after = result.index(after: close)
                if result[open...].hasPrefix(repeated) {
                    result.replaceSubrange(open..<result.index(open, offsetBy: repeated.count), with: span)
                    searchFrom = open
                } else {
                    searchFrom = after
                }
            }
        }
        return result
    }

    /// C constants in libvirt's markup and their Swift spelling.
    static let constants = ["NULL": "nil", "TRUE": "true", "FALSE": "false"]
}
