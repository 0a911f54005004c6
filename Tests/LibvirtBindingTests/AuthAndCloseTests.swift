import Foundation
import Libvirt
import Synchronization
import Testing

/// Opening with credentials (`virConnectOpenAuth`) against a test-driver node that requires a
/// user name and password, and close-event registration on a local connection.
///
/// The test driver asks for the user name and then the password in two separate callback
/// rounds, one credential each, and asks for the password even when the user is unknown.
@Suite("Authentication and close events")
struct AuthAndCloseTests {
    /// The user the node file accepts.
    static let user = "fred"
    /// That user's password.
    static let password = "secret123"

    /// An error a credentials closure throws, to check that it comes back unchanged.
    struct RefusedByCaller: Error, Equatable {}

    /// Records the credential requests a closure receives (the closure is not `@Sendable`, but
    /// a lock keeps the recorder safe anyway).
    final class Requests: Sendable {
        /// The rounds of requests, in order.
        private let rounds = Mutex<[[Connection.Credential]]>([])

        /// Records one round.
        func record(_ round: [Connection.Credential]) {
            rounds.withLock { $0.append(round) }
        }

        /// All rounds so far.
        var all: [[Connection.Credential]] { rounds.withLock { $0 } }

        /// The credential types of every round.
        var types: [[Connection.CredentialType]] { all.map { $0.map(\.type) } }
    }

    /// Writes a node file that requires `fred`/`secret123` and holds one running domain, and runs
    /// `body` with its URI and the domain's name.
    static func withAuthNode<Result>(_ body: (String, String) throws -> Result) throws -> Result {
        try withTemporaryDirectory { directory in
            let name = uniqueName("authed")
            let file = directory.appendingPathComponent("node.xml")
            let xml = """
                <node>
                <auth><user password='\(password)'>\(user)</user></auth>
                \(domainXML(name: name))
                </node>
                """
            try xml.write(to: file, atomically: true, encoding: .utf8)
            return try body("test://" + file.path, name)
        }
    }

    /// Answers every request: `user` for a user name, `password` for a passphrase.
    static func answers(user: String, password: String) -> ([Connection.Credential]) -> [String?] {
        { requests in
            requests.map { request in
                switch request.type {
                case .authname: user
                case .passphrase: password
                default: nil
                }
            }
        }
    }

    /// The right user name and password open the connection, which then lists the node's domain.
    /// libvirt asks twice, one credential per round: the user name (prompt "Enter username for
    /// localhost"), then the passphrase (prompt "Enter fred's password for localhost").
    @Test("the right credentials open the connection")
    func rightCredentials() throws {
        try Self.withAuthNode { uri, domainName in
            let requests = Requests()
            let connection = try Connection(uri: uri, credentialTypes: [.authname, .passphrase]) { round in
                requests.record(round)
                return Self.answers(user: Self.user, password: Self.password)(round)
            }
            #expect(try connection.allDomains().map(\.name) == [domainName])
            #expect(requests.types == [[.authname], [.passphrase]])
            let rounds = requests.all
            #expect(rounds.first?.first?.prompt == "Enter username for localhost")
            #expect(rounds.first?.first?.challenge == "localhost")
            #expect(rounds.last?.first?.prompt == "Enter \(Self.user)'s password for localhost")
            #expect(rounds.last?.first?.challenge == "localhost")
            #expect(rounds.flatMap { $0 }.allSatisfy { $0.result.isEmpty && $0.resultLength == 0 })
        }
    }

    /// A wrong password fails with `.authFailed` from the test driver, after both rounds.
    @Test("a wrong password throws authFailed")
    func wrongPassword() throws {
        try Self.withAuthNode { uri, _ in
            let requests = Requests()
            let error = expectLibvirtError {
                _ = try Connection(uri: uri, credentialTypes: [.authname, .passphrase]) { round in
                    requests.record(round)
                    return Self.answers(user: Self.user, password: "wrong")(round)
                }
            }
            #expect(error?.code == .authFailed)
            #expect(error?.errorDomain == .test)
            #expect(error?.message.contains("see test XML for the correct username/password") == true)
            #expect(requests.types == [[.authname], [.passphrase]])
        }
    }

    /// An unknown user fails the same way; the driver still asks for a password first.
    @Test("an unknown user throws authFailed after a password round")
    func unknownUser() throws {
        try Self.withAuthNode { uri, _ in
            let requests = Requests()
            let error = expectLibvirtError {
                _ = try Connection(uri: uri, credentialTypes: [.authname, .passphrase]) { round in
                    requests.record(round)
                    return Self.answers(user: "mallory", password: Self.password)(round)
                }
            }
            #expect(error?.code == .authFailed)
            #expect(requests.types == [[.authname], [.passphrase]])
            #expect(requests.all.last?.first?.prompt == "Enter mallory's password for localhost")
        }
    }

    /// An error the closure throws is rethrown as is (not wrapped in a ``LibvirtError``), no
    /// connection is returned, and libvirt asks nothing more after the failed round.
    @Test("an error thrown by the credentials closure is rethrown")
    func closureErrorRethrown() throws {
        try Self.withAuthNode { uri, _ in
            let requests = Requests()
            var opened: Connection?
            #expect(throws: RefusedByCaller()) {
                opened = try Connection(uri: uri, credentialTypes: [.authname, .passphrase]) { round in
                    requests.record(round)
                    throw RefusedByCaller()
                }
            }
            #expect(opened == nil)
            #expect(requests.types == [[.authname]])
        }
    }

    /// Offering no passphrase type fails in libvirt's auth helper, after the user-name round.
    @Test("offering no passphrase credential type throws authFailed")
    func missingPassphraseType() throws {
        try Self.withAuthNode { uri, _ in
            let requests = Requests()
            let error = expectLibvirtError {
                _ = try Connection(uri: uri, credentialTypes: [.authname]) { round in
                    requests.record(round)
                    return Self.answers(user: Self.user, password: Self.password)(round)
                }
            }
            #expect(error?.code == .authFailed)
            #expect(error?.errorDomain == .auth)
            #expect(error?.message.contains("VIR_CRED_PASSPHRASE") == true)
            #expect(requests.types == [[.authname]])
        }
    }

    /// A nil answer leaves the credential unset; libvirt then fails the open without reporting
    /// a cause, so the error is libvirt's generic one (`.internalError`, "cause is unknown"),
    /// exactly as `virGetLastError()` reports it to a C caller.
    @Test("a nil answer fails the open with libvirt's generic error")
    func nilAnswer() throws {
        try Self.withAuthNode { uri, _ in
            let error = expectLibvirtError {
                _ = try Connection(uri: uri, credentialTypes: [.authname, .passphrase]) { round in
                    round.map { _ in nil }
                }
            }
            #expect(error?.code == .internalError)
            #expect(error?.message.contains("cause is unknown") == true)
        }
    }

    /// Opening an auth-protected node without credentials fails with `.invalidArg`.
    @Test("opening without credentials throws invalidArg")
    func openWithoutCredentials() throws {
        try Self.withAuthNode { uri, _ in
            let error = expectLibvirtError { _ = try Connection(uri: uri) }
            #expect(error?.code == .invalidArg)
            #expect(error?.errorDomain == .auth)
            #expect(error?.message.contains("Missing authentication credentials") == true)
        }
    }

    /// A node without `<auth>` never calls the closure.
    @Test("a node without auth does not ask for credentials")
    func noAuthNoQuestions() throws {
        let requests = Requests()
        let connection = try Connection(uri: defaultTestURI, credentialTypes: [.authname, .passphrase]) { round in
            requests.record(round)
            return round.map { _ in nil }
        }
        #expect(try connection.allDomains().contains { $0.name == "test" })
        #expect(requests.all.isEmpty)
    }

    /// Collects a close-event stream until the reading task is cancelled.
    static func collect(_ events: AsyncStream<Connection.CloseReason>) -> Task<[Connection.CloseReason], Never> {
        Task {
            var reasons: [Connection.CloseReason] = []
            for await reason in events { reasons.append(reason) }
            return reasons
        }
    }

    /// Close events can be registered on a local test connection: the test driver has no close
    /// callback support of its own, and `virConnectRegisterCloseCallback` then succeeds without
    /// keeping the callback (it never calls it, nor its free function), so no event ever
    /// arrives. Two streams register without error (they share one registration in the
    /// bindings; on this driver a second direct C registration would succeed too, so the
    /// sharing is not observable here), each can end on its own, and after both end a new
    /// registration succeeds again.
    @Test("close events register on a local connection and deliver nothing")
    func closeEventsOnLocalConnection() async throws {
        try await withAsyncTestNode([domainXML(name: uniqueName("close"))]) { connection, _ in
            do {
                let first = try connection.closeEvents()
                let second = try connection.closeEvents()
                let firstReader = Self.collect(first)
                let secondReader = Self.collect(second)
                // The connection stays usable while registered.
                #expect(try await connection.allDomains().count == 1)
                try await Task.sleep(for: .milliseconds(100))
                firstReader.cancel()
                #expect(await firstReader.value == [])
                // Ending the first stream leaves the second one subscribed and working.
                #expect(try await connection.allDomains().count == 1)
                secondReader.cancel()
                #expect(await secondReader.value == [])
            }
            let again = try connection.closeEvents()
            let reader = Self.collect(again)
            reader.cancel()
            #expect(await reader.value == [])
        }
    }
}
