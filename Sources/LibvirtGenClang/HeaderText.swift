import Foundation
import LibvirtGenModel

/// The headers' text, read once, for what libclang does not keep: types as written, macro
/// bodies, and the comments carrying `Since:` tags. Offsets are the byte offsets libclang reports.
struct HeaderText {
    private var files: [String: [UInt8]] = [:]

    /// Reads the files at `paths`.
    init(paths: Set<String>) throws {
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DiagnosticError("cannot read the header", at: SourceLocation(file: path, line: 0))
            }
            files[path] = Array(data)
        }
    }

    /// The text between two offsets of a file.
    func text(_ path: String, _ range: Range<Int>) -> String {
        guard let bytes = files[path], range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else {
            return ""
        }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The offset where the line holding `offset` starts.
    func lineStart(_ path: String, _ offset: Int) -> Int {
        guard let bytes = files[path] else { return offset }
        var index = min(offset, bytes.count)
        while index > 0, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }

    /// The offset where the line holding `offset` ends (its newline, or the end of the file).
    func lineEnd(_ path: String, _ offset: Int) -> Int {
        guard let bytes = files[path] else { return offset }
        var index = offset
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// The `/* ... */` comment that ends just before `offset`, with only whitespace between: its inside
    /// text and the offset of its `/*`.
    func commentBefore(_ path: String, _ offset: Int) -> (text: String, start: Int)? {
        guard let bytes = files[path] else { return nil }
        var end = offset
        while end > 0, Self.isSpace(bytes[end - 1]) { end -= 1 }
        guard end >= 4, Self.pair(bytes, end - 2, "*", "/") else { return nil }
        var open = end - 2
        while open > 0, !Self.pair(bytes, open - 1, "/", "*") { open -= 1 }
        guard open > 0 else { return nil }
        return (text(path, (open + 1)..<(end - 2)), open - 1)
    }

    /// The first `/* ... */` comment starting in `range`; its inside text.
    func firstComment(_ path: String, in range: Range<Int>) -> String? {
        guard let bytes = files[path], range.upperBound <= bytes.count else { return nil }
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if Self.pair(bytes, index, "/", "*") {
                var close = index + 2
                while close + 1 < bytes.count, !Self.pair(bytes, close, "*", "/") { close += 1 }
                return text(path, (index + 2)..<close)
            }
            index += 1
        }
        return nil
    }

    /// Whether the bytes at `index` and `index + 1` are `first` and `second`.
    private static func pair(_ bytes: [UInt8], _ index: Int, _ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        index >= 0 && index + 1 < bytes.count && bytes[index] == UInt8(ascii: first) && bytes[index + 1] == UInt8(ascii: second)
    }

    /// Whether a byte is ASCII white space.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (UInt8(ascii: "\t")...UInt8(ascii: "\r")).contains(byte)
    }
}
