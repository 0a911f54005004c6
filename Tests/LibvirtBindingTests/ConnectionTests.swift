import Foundation
import Libvirt
import Testing

/// Opening connections to the test driver and reading what it reports about itself and its host.
///
/// Every test here only reads, so they share `test:///default` safely.
@Suite("Connection")
struct ConnectionTests {
    /// The driver name, the URI and the versions come back as the test driver reports them.
    @Test("hypervisor type, URI and versions")
    func identity() throws {
        let connection = try Connection(uri: defaultTestURI)
        #expect(try connection.hypervisorType == "TEST")
        #expect(try connection.uri == defaultTestURI)
        // The test driver reports hypervisor version 0.0.2.
        #expect(try connection.hypervisorVersion == LibvirtVersion(major: 0, minor: 0, release: 2))
        #expect(try connection.hypervisorVersion.description == "0.0.2")
        // The library version is the one the process linked, which is at least the headers'.
        let libraryVersion = try connection.libraryVersion
        #expect(libraryVersion >= LibvirtLibrary.headerVersion)
        #expect(libraryVersion.major >= 9)
        #expect(libraryVersion > LibvirtVersion(major: 8, minor: 10, release: 0))
        #expect(LibvirtVersion(encoded: libraryVersion.encoded) == libraryVersion)
        #expect(try LibvirtLibrary.version().libraryVersion == libraryVersion)
    }

    /// `nodeInfo()` returns the test driver's fixed fake host: an i686 with 16 CPUs and 3 GiB.
    @Test("node info matches the test driver's fake host")
    func nodeInfo() throws {
        let connection = try Connection(uri: defaultTestURI)
        let info = try connection.nodeInfo()
        #expect(info.model == "i686")
        #expect(info.memory == 3 * 1024 * 1024)
        #expect(info.cpus == 16)
        #expect(info.mhz == 1400)
        #expect(info.nodes == 2)
        #expect(info.sockets == 2)
        #expect(info.cores == 2)
        #expect(info.threads == 2)
        #expect(info.cpus == info.nodes * info.sockets * info.cores * info.threads)
    }

    /// The hostname is the local machine's (possibly expanded to a fully-qualified name).
    @Test("hostname is the local host's name")
    func hostname() throws {
        let connection = try Connection(uri: defaultTestURI)
        let hostname = try connection.hostname()
        #expect(!hostname.isEmpty)
        let shortName = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? ""
        #expect(hostname.hasPrefix(shortName), "\(hostname) vs \(shortName)")
    }

    /// A local test connection is alive, and counts as secure but not encrypted.
    @Test("connection flags")
    func flags() throws {
        let connection = try Connection(uri: defaultTestURI)
        #expect(try connection.isAlive)
        #expect(try connection.isSecure)
        #expect(try connection.isEncrypted == false)
    }

    /// The capabilities XML describes the fake host and its `test` guest type.
    @Test("capabilities XML")
    func capabilities() throws {
        let connection = try Connection(uri: defaultTestURI)
        let xml = try connection.capabilities
        #expect(xml.contains("<capabilities>"))
        #expect(xml.contains("<arch>i686</arch>"))
        #expect(xml.contains("<domain type='test'"))
    }

    /// Two connections to the same URI are distinct handles; a connection equals itself.
    @Test("connections compare by handle")
    func equality() throws {
        let first = try Connection(uri: defaultTestURI)
        let second = try Connection(uri: defaultTestURI)
        #expect(first == first)
        #expect(first != second)
        #expect(Set([first, second, first]).count == 2)
    }

    /// A read-only connection can read but is denied any change.
    @Test("read-only connection reads but cannot define")
    func readOnly() throws {
        let connection = try Connection(uri: defaultTestURI, readOnly: true)
        #expect(try connection.hypervisorType == "TEST")
        #expect(try connection.allDomains().map(\.name).contains("test"))
        let error = expectLibvirtError {
            _ = try connection.defineDomain(xml: domainXML(name: uniqueName("readonly")))
        }
        #expect(error?.code == .operationDenied)
        #expect(error?.message.isEmpty == false)
    }

    /// An unknown URI scheme fails to open with a ``LibvirtError`` instead of crashing.
    ///
    /// Without a daemon libvirt hands the URI to its remote driver, which fails to reach the
    /// daemon socket (`.systemError`); with a daemon running, the daemon refuses it (`.noConnect`).
    @Test("opening a bogus URI throws")
    func bogusURI() {
        let error = expectLibvirtError {
            _ = try Connection(uri: "nosuchdriver:///nowhere")
        }
        #expect(error.map { [.systemError, .noConnect].contains($0.code) } == true)
        #expect(error?.message.isEmpty == false)
    }

    /// A node-description file that does not exist fails to open.
    @Test("opening a missing node-description file throws")
    func missingNodeFile() {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("no-such-node-\(UUID().uuidString).xml").path
        let error = expectLibvirtError {
            _ = try Connection(uri: "test://" + path)
        }
        #expect(error != nil)
    }
}
