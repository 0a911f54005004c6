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

extension StringProtocol {
    /// Whether the text contains `word` (lowercase ASCII) in any ASCII letter case: a byte scan,
    /// where Foundation's case-insensitive search costs a locale-aware comparison per position.
    public func containsASCIIIgnoringCase(_ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard let first = needle.first else { return true }
        let bytes = Array(utf8)
        guard bytes.count >= needle.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { byte.isASCIIUppercase ? byte + 32 : byte }
        for start in 0...(bytes.count - needle.count) where lower(bytes[start]) == first {
            if (1..<needle.count).allSatisfy({ lower(bytes[start + $0]) == needle[$0] }) { return true }
        }
        return false
    }
}
