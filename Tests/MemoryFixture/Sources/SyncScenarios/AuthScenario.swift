import Libvirt
import MemoryFixtureSupport

/// An error a credentials closure throws, which must come back unchanged.
struct RefusedByCaller: Error {}

/// Opens connections with credentials (`virConnectOpenAuth`, whose answers the bindings hand to
/// libvirt as strings libvirt frees) to a node that requires `fred`/`secret123`: the right
/// answers open it, a wrong password throws `.authFailed`, and a closure's own error comes back.
let authScenario = Scenario("credentials") {
    let auth = "<auth><user password='secret123'>fred</user></auth>"
    let node = try TestNode([auth, domainXML(name: "authed")])
    defer { node.remove() }
    /// Answers `fred` and `password`.
    func answers(password: String) -> ([Connection.Credential]) -> [String?] {
        { requests in requests.map { $0.type == .authname ? "fred" : $0.type == .passphrase ? password : nil } }
    }
    let types: [Connection.CredentialType] = [.authname, .passphrase]
    let connection = try Connection(uri: node.uri, credentialTypes: types, credentials: answers(password: "secret123"))
    try require(try connection.allDomains().map(\.name) == ["authed"], "the right credentials open the node")
    try requireLibvirtError(.authFailed) {
        _ = try Connection(uri: node.uri, credentialTypes: types, credentials: answers(password: "wrong"))
    }
    do {
        _ = try Connection(uri: node.uri, credentialTypes: types) { _ in throw RefusedByCaller() }
        throw CheckFailure(description: "a throwing credentials closure opened the connection")
    } catch is RefusedByCaller {}
    return 1
}
