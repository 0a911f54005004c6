import LibvirtGenModel

/// The Swift spelling of C's builtin arithmetic types, as Swift imports them on 64-bit Linux.
public enum CScalar {
    /// Builtin C type → Swift type.
    public static let swiftTypes: [String: String] = [
        "int": "Int32", "unsigned int": "UInt32", "unsigned": "UInt32", "long": "Int", "unsigned long": "UInt",
        "long long": "Int64", "unsigned long long": "UInt64", "double": "Double", "size_t": "Int",
        "char": "CChar", "unsigned char": "UInt8", "short": "Int16", "unsigned short": "UInt16",
        "signed char": "Int8",
    ]

    /// The Swift type for a builtin C scalar, or nil.
    public static func swiftType(_ base: String) -> String? { swiftTypes[base] }
}
