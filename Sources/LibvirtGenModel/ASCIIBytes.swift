import Foundation

/// Classes of ASCII bytes, for the generator's byte-level scans of C names, types and text (all
/// ASCII where they matter; a byte of a multi-byte UTF-8 sequence belongs to none of them).
extension UInt8 {
    /// `A`–`Z`.
    public var isASCIIUppercase: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
    /// `a`–`z`.
    public var isASCIILowercase: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }
    /// `0`–`9`.
    public var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    /// A byte of a C identifier: an ASCII letter, a digit or `_`.
    public var isIdentifierByte: Bool {
        isASCIIUppercase || isASCIILowercase || isASCIIDigit || self == UInt8(ascii: "_")
    }
}

extension String {
    /// Whether the text contains `pattern`, compared as UTF-8 bytes; with `ignoringASCIICase`,
    /// ASCII letters match in either case (`pattern` then in lowercase). Library searches,
    /// Foundation's and the string-processing module's, took a third of the generator's time on
    /// such checks; a case-insensitive Foundation search costs a locale-aware comparison per position.
    /// The exact search finds candidates with `memchr` and compares them with `memcmp`.
    public func containsBytes(_ pattern: String, ignoringASCIICase: Bool = false) -> Bool {
        var text = self
        var pattern = pattern
        return text.withUTF8 { bytes in
            pattern.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard bytes.count >= needle.count, let base = bytes.baseAddress else { return false }
                let lastStart = bytes.count - needle.count
                if !ignoringASCIICase {
                    var start = 0
                    while let found = bytes.firstIndex(of: first, from: start), found <= lastStart {
                        if memcmp(base + found, needle.baseAddress!, needle.count) == 0 { return true }
                        start = found + 1
                    }
                    return false
                }
                func folded(_ byte: UInt8) -> UInt8 { byte.isASCIIUppercase ? byte + 32 : byte }
                for start in 0...lastStart where folded(bytes[start]) == first {
                    if (1..<needle.count).allSatisfy({ folded(bytes[start + $0]) == needle[$0] }) { return true }
                }
                return false
            }
        }
    }
}

extension String {
    /// Whether the text contains `other` as Foundation's `contains(_:)` answers it, where
    /// canonically equivalent characters match (U+212A KELVIN SIGN matches `K`), and a combining
    /// mark joined to the text's last matching character makes it no match. A byte search runs
    /// first and rules out, at next to no cost, the texts that do not hold `other`'s bytes (most):
    /// Foundation's search costs about 8,000 instructions a call. It rules out only for an ASCII
    /// `other` without `K`, `;` and `` ` ``, the ASCII characters other characters are equivalent
    /// to: another `other` may match text of other bytes.
    public func containsText(_ other: String) -> Bool {
        let bytesDecide = other.utf8.allSatisfy { byte in
            byte < 0x80 && byte != UInt8(ascii: "K") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "`")
        }
        return (!bytesDecide || containsBytes(other)) && contains(other)
    }
}

extension String {
    /// ``trimmingCharacters(in:)`` with `.whitespaces` (space, tab and the other Unicode spaces).
    public var trimmingWhitespace: String { trimming(.whitespaces) { $0 == 0x20 || $0 == 0x09 } }

    /// ``trimmingCharacters(in:)`` with `.whitespacesAndNewlines`.
    public var trimmingWhitespaceAndNewlines: String {
        trimming(.whitespacesAndNewlines) { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    /// The text without the ASCII characters of `characters` at either end, as
    /// `trimmingCharacters(in: CharacterSet(charactersIn: characters))` gives it.
    public func trimming(asciiCharacters characters: String) -> String {
        let bytes = Array(characters.utf8)
        return trimming(nil) { bytes.contains($0) }
    }

    /// The text without the characters of `set` at either end. `asciiMember` says which ASCII
    /// bytes `set` holds: they are trimmed as bytes, and Foundation's trimming (a conversion to
    /// `NSString`, 30,000 instructions a call) runs only when a non-ASCII character is left at an
    /// end and `set` is given.
    private func trimming(_ set: CharacterSet?, asciiMember: (UInt8) -> Bool) -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !asciiMember($0) }) else { return "" }
        let last = utf8.lastIndex { !asciiMember($0) }!
        let trimmed = String(decoding: utf8[first...last], as: UTF8.self)
        guard let set, utf8[first] >= 0x80 || utf8[last] >= 0x80 else { return trimmed }
        return trimmed.trimmingCharacters(in: set)
    }
}

extension String {
    /// The text split at each character that is a single ASCII byte `isSeparator` accepts, as
    /// `split(omittingEmptySubsequences:whereSeparator:)` over characters splits it. ASCII text
    /// without a carriage return, nearly all the generator sees, is split as bytes, without
    /// grapheme breaking; other text as characters, where a separator joined to a combining mark,
    /// or a CR LF pair, is one character that is no separator.
    public func splitting(
        omittingEmptySubsequences: Bool = true, atASCII isSeparator: (UInt8) -> Bool
    ) -> [String] {
        guard isASCII, !containsByte(UInt8(ascii: "\r")) else {
            return split(omittingEmptySubsequences: omittingEmptySubsequences) { character in
                character.utf8.count == 1 && isSeparator(character.utf8.first!)
            }.map(String.init)
        }
        return utf8.split(omittingEmptySubsequences: omittingEmptySubsequences, whereSeparator: isSeparator)
            .map { String(decoding: $0, as: UTF8.self) }
    }
}

extension String {
    /// The text's paragraphs: `components(separatedBy: "\n\n")`, every empty part kept. A line
    /// feed is a character of its own unless it ends a CR LF pair, so text without a carriage
    /// return is cut at byte pairs, where Foundation's search cost 360,000 instructions a call;
    /// other text goes to Foundation.
    public var paragraphs: [String] {
        guard !containsByte(UInt8(ascii: "\r")) else { return components(separatedBy: "\n\n") }
        var parts: [String] = []
        var text = self
        text.withUTF8 { bytes in
            let feed = UInt8(ascii: "\n")
            var start = 0
            var search = 0
            while let found = bytes.firstIndex(of: feed, from: search) {
                search = found + 1
                guard search < bytes.count, bytes[search] == feed else { continue }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<found]), as: UTF8.self))
                search += 1
                start = search
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return parts
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// How many times `byte` occurs, counted from one `memchr` hit to the next: generated text
    /// holds a line feed every few dozen bytes, and comparing byte by byte cost several times more.
    public func occurrences(of byte: UInt8) -> Int {
        var count = 0
        var start = 0
        while let found = firstIndex(of: byte, from: start) {
            count += 1
            start = found + 1
        }
        return count
    }

    /// The index of the first `byte` at or after `start`, found with `memchr`; nil for none.
    public func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress, let found = memchr(base + start, Int32(byte), count - start) else {
            return nil
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension String {
    /// Whether the text's UTF-8 holds `byte`, found with `memchr`.
    public func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { $0.firstIndex(of: byte, from: 0) != nil }
    }

    /// Whether every character is ASCII, read eight bytes at a time.
    public var isASCII: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
            var offset = 0
            while offset + 8 <= bytes.count {
                if base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                offset += 8
            }
            return bytes[offset...].allSatisfy { $0 < 0x80 }
        }
    }
}
