import Foundation
import Libvirt
import Testing

/// Custom metadata elements and sending keys to a guest. A domain's description and title are the
/// harness's scenarios (`Templates/harness/runner/DomainDeviceChecks.swift`), which
/// `HarnessScenarioTests` runs under `swift test`.
@Suite("Metadata and keys")
struct MetadataAndKeysTests {
    /// The namespace of the custom metadata element the tests write.
    static let namespace = "http://example.org/libvirt-binding-tests/1"

    /// A custom element is stored under its namespace with the given prefix, read back by
    /// namespace, and removed by setting nil for that namespace.
    @Test("custom metadata element: set, get, clear")
    func element() throws {
        let name = uniqueName("element")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            try domain.setMetadata(
                type: .element, metadata: "<app><owner>tests</owner></app>", key: "bt", uri: Self.namespace)
            let stored = try domain.metadata(type: .element, uri: Self.namespace)
            #expect(stored.contains("<app>"))
            #expect(stored.contains("<owner>tests</owner>"))
            let xml = try domain.xmlDescription()
            #expect(xml.contains("<bt:app xmlns:bt=\"\(Self.namespace)\">"))

            let otherNamespace = expectLibvirtError {
                _ = try domain.metadata(type: .element, uri: "http://example.org/other")
            }
            #expect(otherNamespace?.code == .noDomainMetadata)

            try domain.setMetadata(type: .element, metadata: nil, uri: Self.namespace)
            let cleared = expectLibvirtError { _ = try domain.metadata(type: .element, uri: Self.namespace) }
            #expect(cleared?.code == .noDomainMetadata)
        }
    }

    /// Sending keys (Linux codes for `a`, `b`, held 10 ms) to a running domain succeeds; the
    /// same keys to a stopped domain are refused.
    @Test("send keys")
    func sendKey() throws {
        let running = uniqueName("keys")
        let stopped = uniqueName("nokeys")
        try withTestNode([domainXML(name: running), domainXML(name: stopped, running: false)]) { connection, _ in
            let domain = try connection.domain(named: running)
            try domain.sendKey(codeset: .linux, holdTime: 10, keycodes: [30, 48])
            try domain.sendKey(codeset: .usb, holdTime: 0, keycodes: [4])
            #expect(try domain.info().state == .running)

            let error = expectLibvirtError {
                try connection.domain(named: stopped).sendKey(codeset: .linux, holdTime: 10, keycodes: [30])
            }
            #expect(error?.code == .operationInvalid)
        }
    }

    /// The keycode set enum maps to libvirt's values (`VIR_KEYCODE_SET_LINUX` is 0, `..._USB` 7).
    @Test("keycode set values")
    func keycodeSetValues() {
        #expect(KeycodeSet.linux.rawValue == 0)
        #expect(KeycodeSet.usb.rawValue == 7)
        #expect(KeycodeSet.qnum.rawValue == 9)
        #expect(KeycodeSet(rawValue: 0) == .linux)
        #expect(KeycodeSet(rawValue: 1000) == .unrecognized(1000))
    }

    /// A guest-agent timeout is one of libvirt's special values or a number of seconds; seconds
    /// that equal a special value are that value. On the test driver, which has no guest agent,
    /// setting one reaches libvirt and fails there as unsupported, not in the bindings.
    @Test("agent timeouts: special values and seconds")
    func agentTimeouts() throws {
        #expect(Domain.AgentResponseTimeout.block.rawValue == -2)
        #expect(Domain.AgentResponseTimeout.seconds(30).rawValue == 30)
        #expect(Domain.AgentResponseTimeout.seconds(0) == .nowait)
        #expect(Domain.AgentResponseTimeout.seconds(30).debugDescription == "seconds(30)")
        let connection = try Connection(uri: defaultTestURI)
        let error = expectLibvirtError { try connection.domain(named: "test").setAgentResponseTimeout(.seconds(5)) }
        #expect(error?.code == .noSupport)
    }
}
