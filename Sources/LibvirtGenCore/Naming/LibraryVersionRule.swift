/// Version numbers as values: libvirt encodes a version as major × 1,000,000 + minor × 1,000 +
/// release in an `unsigned long` (`libVer`, `hvVer`, `typeVer`) or an `unsigned long long`
/// (`virAdmGetVersion`); the bindings return a `LibvirtVersion` (comparable, printed `9.0.0`).
enum LibraryVersionRule {
    /// The Swift type of a version.
    static let swiftType = "LibvirtVersion"

    /// Whether an unsigned C value's name says it is a version (`libVer`, `hvVer`, `virAdmGetVersion`).
    static func isVersion(name: String, cBase: String) -> Bool {
        guard cBase == "unsigned long" || cBase == "unsigned long long" else { return false }
        guard let last = Naming.camelWords(name).last?.lowercased() else { return false }
        return last == "ver" || last == "version"
    }
}
