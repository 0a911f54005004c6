import Libvirt
import Testing

/// The listing half of the README's example: one "name: state, N vCPUs, M KiB" line per domain,
/// built with only the core names `Connection(uri:)`, `allDomains()`, `Domain.name` and
/// `Domain.info()` (its `state`, `virtualCPUCount` and `memory`), awaited as the README shows.
///
/// A rename of any of those names breaks this file first, which is the point.
///
/// - Parameter uri: The hypervisor connection URI.
/// - Returns: The lines the README's loop would print, sorted by domain name.
func domainSummary(uri: String) async throws -> [String] {
    let connection = try await Connection(uri: uri)
    var lines: [String] = []
    for domain in try await connection.allDomains() {
        let info = try await domain.info()
        lines.append("\(domain.name): \(info.state), \(info.virtualCPUCount) vCPUs, \(info.memory) KiB")
    }
    return lines.sorted()
}

/// The README example, run against the test driver.
@Suite("Core names example")
struct CoreNamesExampleTests {
    /// On `test:///default` the listing shows the one running `test` domain (2 vCPUs, 2 GiB in use).
    @Test("lists the default test domain")
    func defaultNode() async throws {
        #expect(try await domainSummary(uri: defaultTestURI) == ["test: running, 2 vCPUs, 2097152 KiB"])
    }

    /// On a node file with a running and a shut-off domain, both appear with their states.
    @Test("lists running and shut-off domains")
    func customNode() async throws {
        let elements = [domainXML(name: "alpha"), domainXML(name: "beta", running: false)]
        let lines = try await withAsyncTestNode(elements) { connection, _ in
            try await domainSummary(uri: connection.uri)
        }
        #expect(lines == ["alpha: running, 1 vCPUs, 8192 KiB", "beta: shutoff, 1 vCPUs, 8192 KiB"])
    }

    /// The life-cycle half of the README's example, verbatim apart from running on a private
    /// node file (so `test:///default` stays untouched): the state printed after `suspend()` is
    /// `paused`, and after `undefine()` the lookup fails with `.noDomain`.
    @Test("README life cycle: define, start, suspend, resume, destroy, undefine")
    func readmeLifecycle() async throws {
        try await withAsyncTestNode { connection, _ in
            let xml = """
                <domain type='test'><name>demo</name><memory>8192</memory><vcpu>1</vcpu>
                <os><type>hvm</type></os></domain>
                """
            let demo = try await connection.defineDomain(xml: xml)
            try await demo.start()
            try await demo.suspend()
            #expect("\(try await demo.info().state)" == "paused")
            try await demo.resume()
            try await demo.destroy()
            try await demo.undefine()
            var gone: String?
            do {
                _ = try await connection.domain(named: "demo")
            } catch LibvirtError.noDomain {
                gone = "gone"
            } catch let error as LibvirtError {
                gone = "failed: \(error.message)"
            }
            #expect(gone == "gone")
        }
    }
}
