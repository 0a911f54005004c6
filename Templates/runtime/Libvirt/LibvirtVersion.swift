/// A libvirt (or hypervisor) version, as libvirt encodes it: major × 1,000,000 + minor × 1,000 +
/// release. Versions compare in release order and print as `9.0.0`.
public struct LibvirtVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version.
    public var major: Int
    /// The minor version.
    public var minor: Int
    /// The release (micro) version.
    public var release: Int

    /// Creates a version from its parts.
    public init(major: Int, minor: Int, release: Int) {
        self.major = major
        self.minor = minor
        self.release = release
    }

    /// Decodes libvirt's number (`9_000_000` is 9.0.0).
    public init(encoded: UInt64) {
        self.init(
            major: Int(encoded / 1_000_000), minor: Int(encoded / 1_000 % 1_000), release: Int(encoded % 1_000))
    }

    /// libvirt's number for the version.
    public var encoded: UInt64 {
        UInt64(major) * 1_000_000 + UInt64(minor) * 1_000 + UInt64(release)
    }

    /// `major.minor.release`.
    public var description: String { "\(major).\(minor).\(release)" }

    /// Whether `lhs` is an earlier release than `rhs`.
    public static func < (lhs: LibvirtVersion, rhs: LibvirtVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.release) < (rhs.major, rhs.minor, rhs.release)
    }
}
