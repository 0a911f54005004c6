import Foundation
import Libvirt
import Testing

/// Statistics and the calls that return arrays of C structs or stats records: typed views of stats
/// records, memory stats, file systems, interface addresses, node CPU and cell statistics, with the
/// values the test driver reports. Domain stats on a node, disk errors and security labels are the
/// harness's scenarios (`Templates/harness/runner/HandWrittenChecks.swift`), which
/// `HarnessScenarioTests` runs under `swift test`.
///
/// The read-only tests use `test:///default`'s running `test` domain, for which the test driver
/// reports canned guest data (file systems, addresses, memory statistics); tests that need other
/// domains use a node file of their own.
@Suite("Stats and arrays")
struct StatsAndArraysTests {
    /// A connection to `test:///default` and its running `test` domain.
    static func defaultDomain() throws -> (connection: Connection, domain: Domain) {
        let connection = try Connection(uri: defaultTestURI)
        return (connection, try connection.domain(named: "test"))
    }

    /// A stopped domain (runstate 5, shut off) for a node file.
    static func stoppedDomainXML(name: String) -> String {
        domainXML(name: name, running: false)
    }

    /// The typed views read the same values: `state.state` as `Domain.State`, the reason as a
    /// number, and nil for a group the test driver does not report.
    @Test("typed views of a record")
    func typedViews() throws {
        let (connection, _) = try Self.defaultDomain()
        let record = try #require(try connection.allDomainStats([.state]).first { $0.domain.name == "test" })
        #expect(record.state.state == .running)
        #expect(record.state.reason == record.parameters["state.reason"]?.signedValue.map(Int32.init))
        #expect(record.cpu.time == nil && record.block.entries.isEmpty)
    }

    /// Numbered entries come from the keys present, in numeric order, with nested lists and
    /// values of the stated type only (another type reads as nil, the raw value stays).
    @Test("numbered entries of a record")
    func numberedEntries() throws {
        let (_, domain) = try Self.defaultDomain()
        let record = DomainStatsRecord(domain: domain, parameters: [
            "block.count": .uint(2), "block.10.name": .string("vdb"), "block.2.name": .string("vda"),
            "block.2.rd.reqs": .ullong(7), "block.10.rd.reqs": .uint(3),
            "cpu.cache.monitor.0.bank.1.bytes": .ullong(64), "cpu.cache.monitor.0.name": .string("m0"),
            "vcpu.1.state": .int(1),
        ])
        #expect(record.block.count == 2)
        #expect(record.block.entries.map(\.index) == [2, 10])
        #expect(record.block.entries.map(\.name) == ["vda", "vdb"])
        #expect(record.block.entries.map(\.readRequests) == [7, nil])
        let monitor = try #require(record.cpu.cacheMonitors.first)
        #expect(monitor.name == .string("m0"))
        #expect(monitor.banks.map(\.index) == [1] && monitor.banks.first?.bytes == .ullong(64))
        #expect(record.vcpu.entries.map(\.index) == [1] && record.vcpu.entries.first?.state == .running)
    }

    /// `memoryStats()` is non-empty, with distinct tags, and its balloon size is the domain's
    /// current memory.
    @Test("memoryStats reports the balloon size")
    func memoryStats() throws {
        let (_, domain) = try Self.defaultDomain()
        let stats = try domain.memoryStats()
        #expect(!stats.isEmpty)
        #expect(Set(stats.map(\.tag)).count == stats.count)
        let balloon = stats.first { $0.tag == .actualBalloon }
        #expect(balloon?.value == UInt64(try domain.info().memory))
    }

    /// `fsInfo` lists the guest's two file systems on `vda` with their mount points.
    @Test("fsInfo lists mount points")
    func fsInfo() throws {
        let (_, domain) = try Self.defaultDomain()
        let filesystems = try domain.fsInfo()
        #expect(filesystems.map(\.mountPoint) == ["/", "/boot"])
        #expect(filesystems.map(\.name) == ["vda1", "vda2"])
        #expect(filesystems.allSatisfy { $0.filesystemType == "ext4" && $0.deviceAlias == ["vda"] })
    }

    /// `interfaceAddresses(source: .lease)` reports the guest's interface with one IPv4 address;
    /// the test driver gives the same answer for every source.
    @Test("interfaceAddresses returns an IPv4 address")
    func interfaceAddresses() throws {
        let (_, domain) = try Self.defaultDomain()
        let interfaces = try domain.interfaceAddresses(source: .lease)
        #expect(interfaces.count == 1)
        let interface = try #require(interfaces.first)
        #expect(interface.name == "testnet0")
        #expect(interface.hardwareAddress == "aa:bb:cc:dd:ee:ff")
        #expect(interface.addresses.count == 1)
        #expect(interface.addresses.first?.type == .ipv4)
        #expect(interface.addresses.first?.address == "192.168.122.3")
        #expect(interface.addresses.first?.prefix == 24)
        #expect(try domain.interfaceAddresses(source: .agent) == interfaces)
        #expect(try domain.interfaceAddresses(source: .arp) == interfaces)
    }

    /// Guest data needs a running domain: on a shut-off one the calls throw `.operationInvalid`.
    @Test("guest data of a shut-off domain throws operationInvalid")
    func guestDataNeedsRunningDomain() throws {
        let name = uniqueName("off")
        try withTestNode([Self.stoppedDomainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            #expect(expectLibvirtError { _ = try domain.memoryStats() }?.code == .operationInvalid)
            #expect(expectLibvirtError { _ = try domain.fsInfo() }?.code == .operationInvalid)
            #expect(expectLibvirtError { _ = try domain.interfaceAddresses(source: .lease) }?.code == .operationInvalid)
            #expect(expectLibvirtError { _ = try domain.diskErrors() }?.code == .operationInvalid)
        }
    }

    /// `nodeCPUStats(cpu: -1)` (all CPUs) reports `user`, `kernel`, `idle` and `iowait`.
    @Test("nodeCPUStats has a user field")
    func nodeCPUStats() throws {
        let connection = try Connection(uri: defaultTestURI)
        let stats = try connection.nodeCPUStats(cpu: -1)
        #expect(stats.map(\.field) == ["user", "kernel", "idle", "iowait"])
        #expect((stats.first { $0.field == "user" }?.value ?? 0) > 0)
    }

    /// The default node has two NUMA cells: asking for two returns two positive values, asking
    /// for more returns only those two, and starting past the last cell throws `.invalidArg`.
    @Test("nodeCellsFreeMemory returns one value per cell")
    func nodeCellsFreeMemory() throws {
        let connection = try Connection(uri: defaultTestURI)
        let free = try connection.nodeCellsFreeMemory(startCell: 0, cellCount: 2)
        #expect(free.count == 2)
        #expect(free.allSatisfy { $0 > 0 })
        #expect(try connection.nodeCellsFreeMemory(startCell: 0, cellCount: 5) == free)
        #expect(try connection.nodeCellsFreeMemory(startCell: 1, cellCount: 1) == [free[1]])
        let error = expectLibvirtError { _ = try connection.nodeCellsFreeMemory(startCell: 2, cellCount: 1) }
        #expect(error?.code == .invalidArg)
    }

    /// Block peeking, DHCP leases and node memory statistics are not implemented by the test
    /// driver: each throws `.noSupport` naming its C function.
    @Test("blockPeek, dhcpLeases and nodeMemoryStats throw noSupport")
    func unsupportedArrays() throws {
        let (connection, domain) = try Self.defaultDomain()
        let peek = expectLibvirtError { _ = try domain.blockPeek(disk: "vda", offset: 0, size: 512) }
        #expect(peek?.code == .noSupport)
        #expect(peek?.message.contains("virDomainBlockPeek") == true)
        let network = try connection.network(named: "default")
        let leases = expectLibvirtError { _ = try network.dhcpLeases() }
        #expect(leases?.code == .noSupport)
        #expect(leases?.message.contains("virNetworkGetDHCPLeases") == true)
        let memory = expectLibvirtError { _ = try connection.nodeMemoryStats(cell: -1) }
        #expect(memory?.code == .noSupport)
        #expect(memory?.message.contains("virNodeGetMemoryStats") == true)
    }
}
