import Libvirt
import MemoryFixtureSupport

/// Creates and drops handles of every ownership kind: connections opened and closed (read-write
/// and read-only), owned handles from lookups, borrowed ones retained from accessors, handles
/// kept in a set and a dictionary, and handles that outlive their connection variable.
let handleScenario = Scenario("handles") {
    var handles = 0
    var kept: [Domain: Int] = [:]
    for index in 0..<4 {
        let connection = try Connection(uri: "test:///default", readOnly: index % 2 == 1)
        let domain = try connection.domain(named: "test")
        kept[domain, default: 0] += 1
        kept[try connection.domain(named: "test"), default: 0] += 1
        let borrowed = try domain.connection
        try require(borrowed == connection, "the borrowed connection is the same connection")
        handles += 4
    }
    // Identity includes the connection: two lookups on one connection are one key, the same
    // domain on four connections is four.
    try require(kept.count == 4 && kept.values.allSatisfy { $0 == 2 }, "one domain on four connections is four keys")
    // The domains keep their connections open; reading them after the loop must still work.
    for domain in kept.keys { try require(try domain.info().state == .running, "a kept domain is usable") }

    let outlived = try Connection(uri: "test:///default").network(named: "default")
    try require(try outlived.isActive, "a network outlives its connection variable")
    let pool = try Connection(uri: "test:///default").storagePool(named: "default-pool")
    try require(try pool.connection.uri == "test:///default", "a pool's connection is still open")
    return handles + 5
}
