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
