import Libvirt
import MemoryFixtureSupport

/// Lists the objects of a private node with domains, networks and a pool: handle lists,
/// name and ID lists, domain stats records, snapshots and node CPU statistics.
let listScenario = Scenario("lists") {
    let elements = [
        domainXML(name: "run1"), domainXML(name: "run2"), domainXML(name: "off", running: false),
        networkXML(name: "net1", index: 11), networkXML(name: "net2", index: 12),
        storagePoolXML(name: "pool", path: "/tmp/libvirt-memory-pool"),
    ]
    return try withTestNode(elements) { _, connection in
        var handles = 1
        let domains = try connection.allDomains()
        try require(Set(domains.map(\.name)) == ["run1", "run2", "off"], "allDomains lists the node's domains")
        handles += domains.count
        let active = try connection.allDomains(options: .active)
        try require(active.count == 2, "two domains run")
        handles += active.count
        try require(try connection.definedDomainNames == ["off"], "one domain is defined but not running")
        try require(try connection.activeDomainIDs.count == 2, "two running domains have IDs")
        let networks = try connection.allNetworks()
        try require(Set(networks.map(\.name)) == ["net1", "net2"], "allNetworks lists the node's networks")
        try require(try connection.networkNames.sorted() == ["net1", "net2"], "networkNames lists both")
        let pools = try connection.allStoragePools()
        try require(pools.map(\.name) == ["pool"], "allStoragePools lists the pool")
        try require(try connection.storagePoolNames == ["pool"], "storagePoolNames lists the pool")
        handles += networks.count + pools.count

        let records = try connection.allDomainStats()
        try require(records.count == 3, "one stats record per domain")
        try require(records.allSatisfy { $0.parameters["state.state"] != nil }, "every record has state.state")
        let chosen = try connection.domainStats(for: active)
        try require(chosen.map(\.domain) == active, "domainStats(for:) keeps the list's order")
        handles += records.count + chosen.count

        let domain = try connection.domain(named: "run1")
        _ = try domain.createSnapshot(xml: "<domainsnapshot><name>first</name></domainsnapshot>")
        _ = try domain.createSnapshot(xml: "<domainsnapshot><name>second</name></domainsnapshot>")
        let snapshots = try domain.allSnapshots()
        try require(snapshots.map(\.name).sorted() == ["first", "second"], "allSnapshots lists both")
        try require(try domain.snapshotNames(options: .leaves) == ["second"], "the second snapshot is the leaf")
        let parent = try domain.snapshot(named: "second").parent()
        try require(parent.name == "first", "the second snapshot's parent is the first")
        try require(try parent.domain == domain, "a snapshot's domain is its domain")
        handles += 4 + snapshots.count + 3

        try require(try connection.nodeCPUStats(cpu: -1).count > 0, "node CPU statistics are reported")
        return handles
    }
}
