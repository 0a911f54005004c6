import Libvirt
import Testing

/// The listing half of the README's example: one "name: state, N vCPUs, M KiB" line per domain,
/// built with only the core names `Connection(uri:)`, `allDomains()`, `Domain.name` and
/// `Domain.info()` (its `state`, `virtualCPUCount` and `memory`).
///
/// A rename of any of those names breaks this file first, which is the point.
///
/// - Parameter uri: The hypervisor connection URI.
/// - Returns: The lines the README's loop would print, sorted by domain name.
func domainSummary(uri: String) throws -> [String] {
    let connection = try Connection(uri: uri)
    var lines: [String] = []
    for domain in try connection.allDomains() {
        let info = try domain.info()
        lines.append("\(domain.name): \(info.state), \(info.virtualCPUCount) vCPUs, \(info.memory) KiB")
    }
    return lines.sorted()
}

/// The README example, run against the test driver.
@Suite("Core names example")
struct CoreNamesExampleTests {
    /// On `test:///default` the listing shows the one running `test` domain (2 vCPUs, 2 GiB in use).
    @Test("lists the default test domain")
    func defaultNode() throws {
        #expect(try domainSummary(uri: defaultTestURI) == ["test: running, 2 vCPUs, 2097152 KiB"])
    }

    /// On a node file with a running and a shut-off domain, both appear with their states.
    @Test("lists running and shut-off domains")
    func customNode() throws {
        let elements = [domainXML(name: "alpha"), domainXML(name: "beta", running: false)]
        let lines = try withTestNode(elements) { connection, _ in
            try domainSummary(uri: connection.uri)
        }
        #expect(lines == ["alpha: running, 1 vCPUs, 8192 KiB", "beta: shutoff, 1 vCPUs, 8192 KiB"])
    }

    /// The life-cycle half of the README's example, verbatim apart from running on a private
    /// node file (so `test:///default` stays untouched): the state printed after `suspend()` is
    /// `paused`, and after `undefine()` the lookup fails with `.noDomain`.
    @Test("README life cycle: define, start, suspend, resume, destroy, undefine")
    func readmeLifecycle() throws {
        try withTestNode { connection, _ in
            let xml = """
                <domain type='test'><name>demo</name><memory>8192</memory><vcpu>1</vcpu>
                <os><type>hvm</type></os></domain>
                """
            let demo = try connection.defineDomain(xml: xml)
            try demo.start()
            try demo.suspend()
            #expect("\(try demo.info().state)" == "paused")
            try demo.resume()
            try demo.destroy()
            try demo.undefine()
            var gone: String?
            do {
                _ = try connection.domain(named: "demo")
            } catch LibvirtError.noDomain {
                gone = "gone"
            } catch let error as LibvirtError {
                gone = "failed: \(error.message)"
            }
            #expect(gone == "gone")
        }
    }
}
