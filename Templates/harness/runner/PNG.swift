// Copied into the harness runner by libvirt-swiftgen harness; the binding tests use it too.

/// The screenshot format of the test driver and of QEMU, as the checks know it.
enum PNG {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    /// Fails unless `bytes` is a complete PNG image: the signature, an `IHDR` chunk of length 13
    /// right after it, and an empty `IEND` chunk with its fixed CRC at the very end.
    ///
    /// - Parameter api: The Swift declaration that delivered the bytes, for the failure message.
    static func expectComplete(_ bytes: [UInt8], _ api: String) throws {
        let ihdr = [0, 0, 0, 13] + Array("IHDR".utf8)
        let iend = [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        guard bytes.count > 8 + 25 + 12, Array(bytes.prefix(8)) == signature, Array(bytes[8..<16]) == ihdr,
              Array(bytes.suffix(12)) == iend else {
            throw CheckFailure("\(api) delivered \(bytes.count) bytes that are not a complete PNG image")
        }
    }
}
