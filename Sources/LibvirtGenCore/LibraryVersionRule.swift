/// Version numbers as values: libvirt encodes a version as major × 1,000,000 + minor × 1,000 +
/// release in an `unsigned long` (`libVer`, `hvVer`, `typeVer`) or an `unsigned long long`
/// (`virAdmGetVersion`); the bindings return a `LibvirtVersion` (comparable, printed `9.0.0`).
enum LibraryVersionRule {
    /// The Swift type and the expression converting `local`, for an unsigned C value whose name
    /// says it is a version (`libVer`, `hvVer`, `virAdmGetVersion`); nil for anything else.
    static func swiftValue(name: String, cBase: String, local: String) -> (type: String, expression: String)? {
        guard cBase == "unsigned long" || cBase == "unsigned long long" else { return nil }
        guard let last = Naming.camelWords(name).last?.lowercased(), last == "ver" || last == "version" else { return nil }
        return ("LibvirtVersion", "LibvirtVersion(encoded: UInt64(\(local)))")
    }
}
