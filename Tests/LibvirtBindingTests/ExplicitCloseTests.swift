import Foundation
import Libvirt
import Testing

/// `Connection.close()`: explicit, idempotent, and later calls on the connection and its objects
/// throw a clear error instead of reaching libvirt.
@Suite("Closing a connection explicitly")
struct ExplicitCloseTests {
    /// Whether `error` is the closed-connection error.
    private static func isClosedError(_ error: any Error) -> Bool {
        guard let error = error as? LibvirtError else { return false }
        return error.code == .invalidConnection && error.message.contains("close()")
    }

    /// Calls on the connection and on a domain, a network, a pool, a volume and a snapshot
    /// obtained from it throw after `close()`; a second `close()` does nothing.
    @Test("calls on a closed connection and its objects throw")
    func callsThrow() throws {
        let name = uniqueName("closing")
        let nodes = [domainXML(name: name), networkXML(name: name, index: 77), storagePoolXML(name: name, path: "/tmp")]
        try withTestNode(nodes) { connection, _ in
            let domain = try connection.domain(named: name)
            let network = try connection.network(named: name)
            let pool = try connection.storagePool(named: name)
            let snapshot = try domain.createSnapshot(xml: "<domainsnapshot><name>s1</name></domainsnapshot>")
            let sameConnection = try domain.connection
            #expect(try domain.info().maxMemory == 8192)

            connection.close()
            connection.close()

            #expect(performing: { try connection.nodeInfo() }, throws: Self.isClosedError)
            #expect(performing: { try connection.domain(named: name) }, throws: Self.isClosedError)
            #expect(performing: { try domain.info() }, throws: Self.isClosedError)
            #expect(performing: { try domain.xmlDescription() }, throws: Self.isClosedError)
            #expect(performing: { try network.isActive }, throws: Self.isClosedError)
            #expect(performing: { try pool.info() }, throws: Self.isClosedError)
            #expect(performing: { try snapshot.xmlDescription() }, throws: Self.isClosedError)
            // Another instance of the same libvirt connection is closed too.
            #expect(performing: { try sameConnection.nodeInfo() }, throws: Self.isClosedError)
            // What needs no connection still answers.
            #expect(domain.name == name)
        }
    }

    /// Connections opened afterwards, even at the address libvirt reuses, are not closed, and a
    /// closed connection that nothing else holds is released at once.
    @Test("other and later connections keep working")
    func othersWork() throws {
        let other = try Connection(uri: defaultTestURI)
        for _ in 0..<20 {
            let connection = try Connection(uri: defaultTestURI)
            connection.close()
            #expect(performing: { try connection.hostname() }, throws: Self.isClosedError)
        }
        #expect(try other.nodeInfo().cpus == 16)
        let later = try Connection(uri: defaultTestURI)
        #expect(try later.domain(named: "test").name == "test")
        #expect(try later.domain(named: "test").info().maxMemory > 0)
    }

    /// Closing ends the connection's event streams instead of leaving their readers waiting.
    @Test("closing ends the connection's event streams")
    func endsEvents() async throws {
        let connection = try await Connection(uri: defaultTestURI)
        let events = try connection.domainEvents(.lifecycle)
        let reader = Task { () -> Int in
            var count = 0
            for await _ in events { count += 1 }
            return count
        }
        connection.close()
        #expect(await reader.value == 0)
        #expect(performing: { try connection.domainEvents(.lifecycle) }, throws: Self.isClosedError)
    }
}
