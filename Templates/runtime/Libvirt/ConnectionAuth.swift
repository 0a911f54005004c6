#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibvirt

// At file level, so that no function declares a type (the job emitting the module skips their bodies).
/// What the credentials closure of `Connection(uri:readOnly:credentialTypes:credentials:)` is.
private typealias CredentialAnswer = ([Connection.Credential]) throws -> [String?]

extension Connection {
    /// Opens a connection that may ask for credentials (a user name, a password, ...), answered
    /// by `credentials` while the connection opens.
    ///
    /// - Parameter uri: The connection URI, or nil for libvirt's default.
    /// - Parameter readOnly: Whether to open the connection read-only.
    /// - Parameter credentialTypes: The kinds of credential `credentials` can answer.
    /// - Parameter credentials: Given libvirt's requests, returns one answer per request, in order
    ///   (nil for none); an error it throws fails the open and is rethrown.
    /// - Throws: ``LibvirtError`` (for example `.authFailed`) when the connection cannot be opened.
    ///
    /// C symbol: `virConnectOpenAuth`.
    public convenience init(
        uri: String?, readOnly: Bool = false, credentialTypes: [Connection.CredentialType],
        credentials: ([Connection.Credential]) throws -> [String?]
    ) throws {
        LibvirtRuntime.prepare()
        var types = credentialTypes.map(\.rawValue)
        let opened = try withoutActuallyEscaping(credentials) { credentials -> OpaquePointer? in
            let box = CallbackBox<CredentialAnswer>(credentials)
            let pointer = types.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
                var auth = virConnectAuth(
                    credtype: buffer.baseAddress, ncredtype: UInt32(buffer.count),
                    cb: { requests, count, opaque in
                        guard let requests, let opaque else { return -1 }
                        return CallbackBox<CredentialAnswer>.from(opaque).run { answer in
                            let asked = (0..<Int(count)).map { Connection.Credential(requests[$0]) }
                            let answers = try answer(asked)
                            for index in 0..<Int(count) {
                                let value = index < answers.count ? answers[index] : nil
                                requests[index].result = value.map { strdup($0) }
                                requests[index].resultlen = UInt32(value?.utf8.count ?? 0)
                            }
                            return 0
                        }
                    },
                    cbdata: box.opaque)
                return virConnectOpenAuth(uri, &auth, readOnly ? Connection.OpenOptions.readOnlyFlag : 0)
            }
            if pointer == nil { try box.finish(-1) }
            return pointer
        }
        self.init(opened: try checkPointer(opened))
    }
}

extension Connection.OpenOptions {
    /// `VIR_CONNECT_RO` as the C flags value.
    fileprivate static var readOnlyFlag: UInt32 { UInt32(VIR_CONNECT_RO.rawValue) }
}
