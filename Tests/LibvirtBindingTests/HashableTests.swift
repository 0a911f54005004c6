import Foundation
import Libvirt
import Testing

/// Handles compare and hash by the libvirt object they refer to, not by the Swift instance.
@Suite("Hashable identity")
struct HashableTests {
    /// Two lookups of one domain give distinct instances that are equal, hash alike and make
    /// one set element; another domain differs.
    @Test("domains")
    func domains() throws {
        let first = uniqueName("first")
        let second = uniqueName("second")
        try withTestNode([domainXML(name: first), domainXML(name: second, running: false)]) { connection, _ in
            let a = try connection.domain(named: first)
            let b = try connection.domain(named: first)
            let other = try connection.domain(named: second)
            #expect(a !== b)
            #expect(a == b)
            #expect(a.hashValue == b.hashValue)
            #expect(a != other)
            #expect(Set([a, b, other]).count == 2)

            // Handles from listing and from a lookup by UUID are the same objects too.
            let listed = try connection.allDomains()
            #expect(Set(listed) == Set([a, other]))
            #expect(try connection.domain(uuid: other.uuid) == other)

            var names: [Domain: String] = [:]
            names[a] = "first"
            #expect(names[b] == "first")
            #expect(names[other] == nil)
        }
    }

    /// The same domain (one UUID) reached through two connections is two values: handle identity
    /// includes the connection.
    @Test("the same domain on two connections is two values")
    func domainsOnTwoConnections() throws {
        let first = try Connection(uri: defaultTestURI)
        let second = try Connection(uri: defaultTestURI)
        let a = try first.domain(named: "test")
        let b = try second.domain(named: "test")
        #expect(try a.uuid == b.uuid)
        #expect(a != b)
        #expect(a == (try first.domain(named: "test")))
        #expect(Set([a, b]).count == 2)
    }

    /// A domain keeps its identity through state changes (the id changes, the UUID does not).
    @Test("domain identity survives a restart")
    func domainAcrossStates() throws {
        let name = uniqueName("restart")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let before = try connection.domain(named: name)
            try before.destroy()
            try before.start()
            let after = try connection.domain(named: name)
            #expect(before == after)
            #expect(before.hashValue == after.hashValue)
        }
    }

    /// The domain an event carries is equal to the handle the test holds.
    @Test("a domain from an event equals the looked-up domain")
    func domainFromEvent() async throws {
        let name = uniqueName("evented")
        try await withAsyncTestNode([domainXML(name: name, running: false)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let events = try connection.domainEvents(.lifecycle)
            try await domain.start()
            let received = await firstEvents(1, from: events) { event -> Domain? in
                guard case .lifecycle(let domain, _, _) = event else { return nil }
                return domain
            }
            #expect(received == [domain])
        }
    }

    /// Networks, storage pools and volumes: equal across lookups, distinct from each other.
    @Test("networks, pools and volumes")
    func networksPoolsVolumes() throws {
        try withTestNode { connection, directory in
            let net1 = try connection.defineNetwork(xml: networkXML(name: uniqueName("net"), index: 51))
            let net2 = try connection.defineNetwork(xml: networkXML(name: uniqueName("net"), index: 52))
            #expect(try connection.network(named: net1.name) == net1)
            #expect(try connection.network(named: net1.name).hashValue == net1.hashValue)
            #expect(net1 != net2)
            #expect(Set(try connection.allNetworks()) == [net1, net2])

            let path = directory.appendingPathComponent("pool").path
            let pool = try connection.defineStoragePool(xml: storagePoolXML(name: uniqueName("pool"), path: path))
            try pool.start()
            #expect(try connection.storagePool(named: pool.name) == pool)
            #expect(try connection.storagePool(uuid: pool.uuid).hashValue == pool.hashValue)

            let volume = try pool.createVolume(xml: "<volume><name>a.img</name><capacity>1024</capacity></volume>")
            let other = try pool.createVolume(xml: "<volume><name>b.img</name><capacity>1024</capacity></volume>")
            #expect(try pool.volume(named: "a.img") == volume)
            #expect(try pool.volume(named: "a.img").hashValue == volume.hashValue)
            #expect(volume != other)
            #expect(Set(try pool.allVolumes()) == [volume, other])
        }
    }

    /// A connection is its own identity: the connection a domain reports is the one it was
    /// looked up on, and a second connection to the same node is a different connection.
    @Test("connections")
    func connections() throws {
        let name = uniqueName("conn")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            #expect(try domain.connection == connection)
            #expect(try domain.connection.hashValue == connection.hashValue)
            let second = try Connection(uri: defaultTestURI)
            #expect(second != connection)
        }
    }

    /// Two lookups of one snapshot or checkpoint are equal and hash alike, though libvirt
    /// allocates a new object for every lookup; snapshots of the same name on different
    /// domains differ.
    @Test("snapshots and checkpoints compare by domain and name")
    func snapshotsAndCheckpoints() throws {
        let snapshotted = uniqueName("snaps")
        let other = uniqueName("othersnaps")
        let checkpointed = uniqueName("checks")
        let elements = [domainXML(name: snapshotted), domainXML(name: other), diskDomainXML(name: checkpointed)]
        try withTestNode(elements) { connection, _ in
            let domain = try connection.domain(named: snapshotted)
            let created = try domain.createSnapshot(xml: "<domainsnapshot><name>s1</name></domainsnapshot>")
            let second = try domain.createSnapshot(xml: "<domainsnapshot><name>s2</name></domainsnapshot>")
            let sameName = try connection.domain(named: other)
                .createSnapshot(xml: "<domainsnapshot><name>s1</name></domainsnapshot>")

            let lookedUp = try domain.snapshot(named: "s1")
            #expect(lookedUp !== created)
            #expect(lookedUp == created)
            #expect(lookedUp.hashValue == created.hashValue)
            #expect(try domain.currentSnapshot() == second)
            #expect(try second.parent() == created)
            #expect(created != second)
            #expect(created != sameName)
            #expect(Set(try domain.allSnapshots()) == [created, second])

            let checkDomain = try connection.domain(named: checkpointed)
            let checkpoint = try checkDomain.createCheckpoint(xml: "<domaincheckpoint><name>c1</name></domaincheckpoint>")
            let checkpointLookedUp = try checkDomain.checkpoint(named: "c1")
            #expect(checkpointLookedUp == checkpoint)
            #expect(checkpointLookedUp.hashValue == checkpoint.hashValue)
            #expect(Set(try checkDomain.allCheckpoints()) == [checkpoint])
        }
    }
}
