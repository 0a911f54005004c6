#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibvirt

/// A security label of a running domain's process.
///
/// C symbol: `virSecurityLabel` (its label is a 4097-byte array Swift does not import, so the
/// bindings read it here).
public struct SecurityLabel: Sendable, Hashable {
    /// The label.
    public var label: String
    /// Whether the security model enforces it.
    public var enforcing: Bool

    /// Copies a C label: the `label` array starts the struct.
    init(_ c: virSecurityLabel) {
        var copy = c
        label = withUnsafeBytes(of: &copy) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        enforcing = c.enforcing != 0
    }
}

extension Domain {
    /// The security label of the domain's process.
    ///
    /// C symbol: `virDomainGetSecurityLabel`.
    public func securityLabel() throws -> SecurityLabel {
        try ensureOpen()
        var label = virSecurityLabel()
        try check(virDomainGetSecurityLabel(pointer, &label))
        return SecurityLabel(label)
    }

    /// The security labels of the domain's process, one per security model.
    ///
    /// C symbol: `virDomainGetSecurityLabelList`.
    public func securityLabels() throws -> [SecurityLabel] {
        try ensureOpen()
        var labels: UnsafeMutablePointer<virSecurityLabel>?
        let count = Int(try check(virDomainGetSecurityLabelList(pointer, &labels)))
        defer { free(labels) }
        guard let labels else { return [] }
        return UnsafeBufferPointer(start: labels, count: count).map(SecurityLabel.init)
    }

    /// The disk errors the domain has met, one per disk.
    ///
    /// C symbol: `virDomainGetDiskErrors`.
    public func diskErrors() throws -> [Domain.DiskError] {
        try ensureOpen()
        let count = try check(virDomainGetDiskErrors(pointer, nil, 0, 0))
        guard count > 0 else { return [] }
        var errors = [virDomainDiskError](repeating: virDomainDiskError(), count: Int(count))
        let filled = Int(try check(virDomainGetDiskErrors(pointer, &errors, UInt32(count), 0)))
        defer { for index in 0..<filled { free(errors[index].disk) } }
        return errors.prefix(filled).map(Domain.DiskError.init)
    }
}

extension Secret {
    /// The secret's value.
    ///
    /// C symbol: `virSecretGetValue`.
    public func value() throws -> [UInt8] {
        try ensureOpen()
        var size = 0
        let bytes = try checkPointer(virSecretGetValue(pointer, &size, 0))
        defer { free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}
