import LibvirtGenModel

/// Converts libvirt's documentation markup into Swift documentation text.
///
/// A small state machine over the text: `@name` becomes the Swift parameter in code font,
/// `%NULL` becomes `nil`, `virDomainGetInfo()` becomes the Swift declaration that wraps it, and
/// `VIR_DOMAIN_RUNNING` the Swift case, where known.
public struct DocText: Sendable {
    /// C symbol → Swift symbol (`virDomainGetInfo` → `Domain.info()`).
    public var symbols: [String: String] {
        didSet { symbolShape = SymbolShape(symbols.keys) }
    }
    /// The first bytes and lengths of the names in ``symbols``: most words of a text are ruled
    /// out by them, before a string is made of them to look them up.
    private var symbolShape: SymbolShape
    /// Whether text is converted at all; `false` for a naming-only pass, which then sees empty text.
    let converts: Bool

    /// Creates a converter with a symbol map.
    public init(symbols: [String: String] = [:]) {
        self.symbols = symbols
        symbolShape = SymbolShape(symbols.keys)
        self.converts = true
    }

    /// A converter that returns empty text, for passes that need names but not documentation.
    static let skipped = DocText(converting: false)

    /// Creates a converter that converts or skips.
    private init(converting: Bool) {
        self.symbols = [:]
        symbolShape = SymbolShape([String: String]().keys)
        self.converts = converting
    }

    /// The converted text as lines; `parameters` maps C parameter names to Swift ones.
    public func lines(_ text: String, parameters: [String: String] = [:]) -> [String] {
        let converted = Self.collapsingRepeats(convert(text, parameters: parameters))
        // Split and trimmed as UTF-8: a line feed is always a character of its own.
        var lines = converted.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            var trimmed = line[...]
            while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed.removeLast() }
            return String(decoding: trimmed, as: UTF8.self)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// A declaration's documentation: the converted text, the C symbol and the version.
    public func document(_ text: String, cName: String, since: String?, parameters: [String: String] = [:]) -> Documentation {
        Documentation(body: lines(text, parameters: parameters), symbols: [cName], since: since)
    }

    /// Converts markup in one string (used for single-line parameter text too). Every line break
    /// comes out as `\n`: a carriage return reaching a `///` comment would end it in Swift's eyes.
    public func convert(_ text: String, parameters: [String: String] = [:]) -> String {
        guard converts else { return "" }
        // UTF-8 bytes rather than Characters: grapheme breaking took most of the generator's time
        // here. A word character is judged by its scalar, as `Character.isLetter` judges a
        // character by its first scalar.
        let bytes = Array(Self.unifyingLineBreaks(text).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var i = 0
        func wordEnd(from start: Int) -> Int {
            var end = start
            while end < bytes.count, let length = Self.wordScalarLength(bytes, at: end) { end += length }
            return end
        }
        func word(from start: Int) -> (String, Int) {
            let end = wordEnd(from: start)
            return (String(decoding: bytes[start..<end], as: UTF8.self), end)
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "@") || c == UInt8(ascii: "%") {
                // `@name` is a parameter; `%NULL`, `%TRUE`, `%FALSE` are C constants.
                let (token, end) = word(from: i + 1)
                let swift = c == UInt8(ascii: "@")
                    ? (token.isEmpty ? nil : parameters[token] ?? token) : Self.constants[token]
                if let swift { out += "`\(swift)`".utf8 } else { out.append(c); out += token.utf8 }
                i = end
            } else if Self.startsSymbol(bytes, at: i) {
                // A C symbol known to the bindings becomes its Swift name (`virDomainGetInfo()` → `Domain.info()`).
                let end = wordEnd(from: i)
                if symbolShape.admits(bytes[i..<end]), let swift = symbols[String(decoding: bytes[i..<end], as: UTF8.self)] {
                    let call = end + 1 < bytes.count && bytes[end] == UInt8(ascii: "(") && bytes[end + 1] == UInt8(ascii: ")")
                    out += "`\(swift)`".utf8
                    i = call ? end + 2 : end
                } else {
                    out += bytes[i..<end]
                    i = end
                }
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a C symbol may start at byte `i`: a word scalar that is not a number, not preceded
    /// by a word scalar.
    static func startsSymbol(_ bytes: [UInt8], at i: Int) -> Bool {
        guard wordScalarLength(bytes, at: i) != nil, !isNumber(decodeScalar(bytes, at: i).0.value) else { return false }
        var previous = i - 1
        while previous >= 0 && bytes[previous] & 0xC0 == 0x80 { previous -= 1 }   // back to the lead byte
        return previous < 0 || wordScalarLength(bytes, at: previous) == nil
    }

    /// The byte length of the scalar at `i` when it continues a word (a letter, a number or `_`),
    /// else nil. ASCII is decided without decoding.
    static func wordScalarLength(_ bytes: [UInt8], at i: Int) -> Int? {
        let c = bytes[i]
        if c < 0x80 { return c.isIdentifierByte ? 1 : nil }
        let (scalar, length) = decodeScalar(bytes, at: i)
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? length : nil
    }

    /// Whether a scalar value is a number.
    static func isNumber(_ value: UInt32) -> Bool {
        value < 0x80 ? UInt8(value).isASCIIDigit : Unicode.Scalar(value)?.properties.numericType != nil
    }

    /// The scalar whose UTF-8 encoding starts at byte `i` of valid UTF-8, and its length in bytes.
    static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<max(length, 1) where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The text with `\r\n`, `\r`, NEL and the Unicode line and paragraph separators as `\n`.
    static func unifyingLineBreaks(_ text: String) -> String {
        // Only these lead bytes can start one: most text has none and is returned as it is.
        guard text.containsByte(0x0D) || text.containsByte(0xC2) || text.containsByte(0xE2) else { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }
            switch scalar {
            case "\r", "\u{85}", "\u{2028}", "\u{2029}": out.append("\n")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Collapses a code span repeated across a separator, which appears when two C names map to
    /// one Swift declaration (`virConnectOpen`/`virConnectOpenReadOnly` → one initializer).
    /// Scanned as UTF-8 bytes: a backtick is one byte, and the spans compared are byte runs.
    static func collapsingRepeats(_ text: String) -> String {
        // Only a code span, a separator and a code span can repeat: skip the scan when none is there.
        let separators = ["/", ", ", " or ", " and "].filter { text.containsBytes("`\($0)`") }
        guard !separators.isEmpty else { return text }
        let backtick = UInt8(ascii: "`")
        var bytes = Array(text.utf8)
        for separator in separators {
            var searchFrom = 0
            while let open = bytes[searchFrom...].firstIndex(of: backtick),
                  let close = bytes[(open + 1)...].firstIndex(of: backtick) {
                let span = bytes[open...close]
                let repeated = span + Array(separator.utf8) + span
                if bytes[open...].starts(with: repeated) {
                    bytes.replaceSubrange(open..<open + repeated.count, with: span)
                    searchFrom = open
                } else {
                    searchFrom = close + 1
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// C constants in libvirt's markup and their Swift spelling.
    static let constants = ["NULL": "nil", "TRUE": "true", "FALSE": "false"]
}

/// What the names of a symbol map have in common that a word can be checked against without
/// hashing it: the bytes they start with and the range of their lengths.
private struct SymbolShape: Sendable {
    /// Whether some name starts with the byte at each index.
    private var firstBytes = [Bool](repeating: false, count: 256)
    /// The shortest and longest name's byte counts (an empty range for no names).
    private var lengths = 1..<1

    /// The shape of `names`.
    init(_ names: some Collection<String>) {
        var shortest = Int.max, longest = 0
        for name in names {
            let count = name.utf8.count
            guard let first = name.utf8.first else { continue }
            firstBytes[Int(first)] = true
            shortest = min(shortest, count)
            longest = max(longest, count)
        }
        if longest > 0 { lengths = shortest..<longest + 1 }
    }

    /// Whether a name of the map could be `word` (false rules it out; true leaves the lookup to decide).
    func admits(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        return firstBytes[Int(first)] && lengths.contains(word.count)
    }
}
