import Foundation

extension UUID {
    /// The UUID libvirt wrote into a `VIR_UUID_BUFLEN`-byte buffer.
    package init(libvirtBytes bytes: [UInt8]) {
        precondition(bytes.count == 16, "libvirt writes 16 UUID bytes")
        self.init(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// The 16 bytes libvirt takes for a UUID argument.
package func libvirtBytes(of uuid: UUID) -> [UInt8] {
    withUnsafeBytes(of: uuid.uuid) { Array($0) }
}

/// Calls a function that lists UUIDs as strings into a caller-allocated array
/// (`virConnectListSecrets`), as ``collectNames(_:)`` does for names, and parses each.
package func collectNames(
    _ fill: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, Int32) -> Int32
) throws(LibvirtError) -> [UUID] {
    let strings: [String] = try collectNames(fill)
    return try strings.map { string throws(LibvirtError) -> UUID in
        guard let uuid = UUID(uuidString: string) else {
            throw LibvirtError(code: .internalError, errorDomain: .none, message: "libvirt listed '\(string)' as a UUID")
        }
        return uuid
    }
}
