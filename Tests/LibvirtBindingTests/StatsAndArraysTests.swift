import Foundation
import Libvirt
import Testing

/// Statistics and the calls that return arrays of C structs or stats records: domain stats,
/// memory stats, file systems, interface addresses, node CPU and cell statistics, security
/// labels and disk errors, with the values the test driver reports.
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

    /// `allDomainStats()` has a record for `test` with `state.state` = 1 (running) and
    /// `state.reason`; the state group is all the test driver reports.
    @Test("allDomainStats reports the state of test")
    func allDomainStats() throws {
        let (connection, _) = try Self.defaultDomain()
        let records = try connection.allDomainStats()
        let record = try #require(records.first { $0.domain.name == "test" })
        #expect(record.parameters["state.state"]?.signedValue == 1)
        #expect(record.parameters["state.reason"] != nil)
        #expect(record.parameters.map(\.key.rawValue).sorted() == ["state.reason", "state.state"])
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

    /// `domainStats(for:)` returns one record, for the domain asked about, with its state.
    @Test("domainStats(for:) returns one record for the domain")
    func domainStatsForOneDomain() throws {
        let (connection, domain) = try Self.defaultDomain()
        let records = try connection.domainStats(for: [domain])
        #expect(records.count == 1)
        #expect(records.first?.domain == domain)
        #expect(records.first?.domain.name == "test")
        #expect(records.first?.parameters["state.state"]?.signedValue == 1)
    }

    /// On a node of its own: the options filter running and shut-off domains, records for a list
    /// come back in the list's order, and an empty list is refused by libvirt.
    @Test("domain stats filter by state and keep list order")
    func domainStatsFiltering() throws {
        let running = uniqueName("run")
        let stopped = uniqueName("off")
        try withTestNode([domainXML(name: running), Self.stoppedDomainXML(name: stopped)]) { connection, _ in
            let all = try connection.allDomainStats()
            #expect(Set(all.map(\.domain.name)) == [running, stopped])
            let active = try connection.allDomainStats(options: .active)
            #expect(active.map(\.domain.name) == [running])
            #expect(active.first?.parameters["state.state"]?.signedValue == 1)
            let inactive = try connection.allDomainStats(options: .inactive)
            #expect(inactive.map(\.domain.name) == [stopped])
            #expect(inactive.first?.parameters["state.state"]?.signedValue == 5)

            let domains = [try connection.domain(named: stopped), try connection.domain(named: running)]
            #expect(try connection.domainStats(for: domains).map(\.domain.name) == [stopped, running])

            let empty = expectLibvirtError { _ = try connection.domainStats(for: []) }
            #expect(empty?.code == .invalidArg)
        }
    }

    /// Asking for a group the driver lacks gives empty records, or `.argumentUnsupported` when
    /// the request is enforced.
    @Test("unsupported stats groups are empty or refused when enforced")
    func unsupportedStatsGroup() throws {
        let (connection, _) = try Self.defaultDomain()
        let balloon = try connection.allDomainStats(.balloon)
        let record = try #require(balloon.first { $0.domain.name == "test" })
        #expect(record.parameters.isEmpty)
        let error = expectLibvirtError { _ = try connection.allDomainStats(.balloon, options: .enforceStats) }
        #expect(error?.code == .argumentUnsupported)
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

    /// `securityLabel()` of a running domain is the test driver's enforcing `libvirt-test`
    /// label; a shut-off domain has an empty, non-enforcing one. `securityLabels()` (the list
    /// form) is not implemented: `.noSupport`.
    @Test("security labels")
    func securityLabels() throws {
        let (_, domain) = try Self.defaultDomain()
        let label = try domain.securityLabel()
        #expect(label.label == "libvirt-test")
        #expect(label.enforcing)
        let list = expectLibvirtError { _ = try domain.securityLabels() }
        #expect(list?.code == .noSupport)
        #expect(list?.message.contains("virDomainGetSecurityLabelList") == true)

        let name = uniqueName("off")
        try withTestNode([Self.stoppedDomainXML(name: name)]) { connection, _ in
            let stopped = try connection.domain(named: name)
            let label = try stopped.securityLabel()
            #expect(label.label.isEmpty)
            #expect(!label.enforcing)
        }
    }

    /// `diskErrors()` returns one entry per disk: the test driver reports `.unspec` for the
    /// first disk and `.noSpace` for the second.
    @Test("diskErrors reports one error per disk")
    func diskErrors() throws {
        let (_, domain) = try Self.defaultDomain()
        let defaultErrors = try domain.diskErrors()
        #expect(defaultErrors.map(\.disk) == ["vda"])
        #expect(defaultErrors.map(\.error) == [.unspec])

        let name = uniqueName("disks")
        let secondDisk = """
            <disk type='file' device='disk'><source file='/var/lib/libvirt/images/\(name)-b.img'/>\
            <target dev='vdb' bus='virtio'/></disk></devices>
            """
        let xml = diskDomainXML(name: name).replacingOccurrences(of: "</devices>", with: secondDisk)
        try withTestNode([xml]) { connection, _ in
            let errors = try connection.domain(named: name).diskErrors()
            #expect(errors.map(\.disk) == ["vda", "vdb"])
            #expect(errors.map(\.error) == [.unspec, .noSpace])
        }
    }
}
