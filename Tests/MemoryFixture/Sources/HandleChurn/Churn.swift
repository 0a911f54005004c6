import Libvirt
import MemoryFixtureSupport

/// Creates and drops handles of every kind on one node until `count` have been made: domain
/// lookups by name, UUID and ID, `allDomains()` results, network and pool lookups, borrowed
/// connections retained from domains, failed lookups (a thrown ``LibvirtError``, no handle), and
/// every 1,000 handles a batch of 10 connections opened and closed and of 10 lifecycle event
/// streams opened, fed by a suspend and a resume, and dropped unread.
///
/// - Parameter count: How many handles to create.
/// - Parameter node: The node to look objects up on.
/// - Parameter connection: An open connection to the node.
/// - Parameter leak: Leaks every domain handle (the canary that proves the bound catches a leak).
/// - Throws: ``LibvirtError`` when a call fails, ``CheckFailure`` when a result is wrong.
func churn(_ count: Int, node: TestNode, connection: Connection, leak: Bool) throws {
    var made = 0
    var nextBatch = 1_000
    while made < count {
        let domain = try connection.domain(named: "churn0")
        if leak { _ = Unmanaged.passRetained(domain) }
        let byUUID = try connection.domain(uuid: try domain.uuid)
        try require(byUUID == domain, "lookups by name and UUID agree")
        let all = try connection.allDomains()
        if leak { all.forEach { _ = Unmanaged.passRetained($0) } }
        try require(all.count == churnDomainCount, "allDomains lists the node's domains")
        let network = try connection.network(named: "churnnet")
        let pool = try connection.storagePool(named: "churnpool")
        try require(try domain.connection == connection, "the borrowed connection is the node's")
        try requireLibvirtError(.noDomain) { _ = try connection.domain(named: "missing") }
        withExtendedLifetime((network, pool)) {}
        made += 5 + all.count
        if made >= nextBatch {
            let batch = try (0..<10).map { _ in try Connection(uri: "test:///default") }
            try require(batch.allSatisfy { (try? $0.isAlive) == true }, "the batch's connections are open")
            made += batch.count
            let streams = try (0..<10).map { _ in try connection.domainEvents(.lifecycle) }
            try domain.suspend()
            try domain.resume()
            withExtendedLifetime(streams) {}
            nextBatch += 1_000
        }
    }
}

/// How many domains the churn node holds.
let churnDomainCount = 8

/// The churn node: ``churnDomainCount`` running domains, a network and a pool.
func churnNode() throws -> TestNode {
    try TestNode(
        (0..<churnDomainCount).map { domainXML(name: "churn\($0)") } + [
            networkXML(name: "churnnet", index: 20), storagePoolXML(name: "churnpool", path: "/tmp/churnpool"),
        ])
}
