import Foundation
import Libvirt
import Testing

/// Opening connections, and what only the bindings' own tests check about them. What the test
/// driver reports about itself, its host and its default objects are the harness's scenarios
/// (`Templates/harness/runner/HostChecks.swift`), which `HarnessScenarioTests` runs under
/// `swift test`.
@Suite("Connection")
struct ConnectionTests {
    /// The library version is the one the process linked, which is at least the headers' the
    /// bindings were generated from.
    @Test("the library is at least as new as the headers")
    func libraryVersion() throws {
        let libraryVersion = try Connection(uri: defaultTestURI).libraryVersion
        #expect(libraryVersion >= LibvirtLibrary.headerVersion)
        #expect(libraryVersion.major >= 9)
        #expect(libraryVersion > LibvirtVersion(major: 8, minor: 10, release: 0))
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
