// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Checks of the connection and the host, against the test driver's known defaults.
enum HostChecks {
    /// The checks.
    static let all: [Check] = [
        Check("connection and host") { _ in
            let connection = try Connection(uri: "test:///default")
            try expect(try connection.hypervisorType, "TEST", "Connection.hypervisorType")
            try expect(try connection.uri, "test:///default", "Connection.uri")
            try expect(try connection.isAlive, true, "Connection.isAlive")
            try expect(try connection.isEncrypted, false, "Connection.isEncrypted")
            try expect(try connection.isSecure, true, "Connection.isSecure")
            try expect(try connection.libraryVersion.major > 0, true, "Connection.libraryVersion")
            try expect(try connection.hypervisorVersion, LibvirtVersion(encoded: 2), "Connection.hypervisorVersion")
            try expect(!(try connection.hostname().isEmpty), "Connection.hostname() is empty")
            try expect(try connection.capabilities.contains("<capabilities>"), true, "Connection.capabilities")
            let node = try connection.nodeInfo()
            try expect(node.cpus, 16, "Connection.nodeInfo()")
            try expect(node.memory, 3_145_728, "Connection.nodeInfo()")
            try expect(try connection.nodeFreeMemory > 0, true, "Connection.nodeFreeMemory")
            try expect(try connection.nodeCellsFreeMemory(startCell: 0, cellCount: 2).count, 2,
                       "Connection.nodeCellsFreeMemory(startCell:cellCount:)")
        },
        Check("default domain of test:///default") { _ in
            let connection = try Connection(uri: "test:///default", readOnly: true)
            let domain = try connection.domain(named: "test")
            try expect(domain.id, 1, "Domain.id")
            try expect(domain.name, "test", "Domain.name")
            try expect(try domain.maxMemory, 8_388_608, "Domain.maxMemory")
            let info = try domain.info()
            try expect(info.maxMemory, 8_388_608, "Domain.info()")
            try expect(info.memory, 2_097_152, "Domain.info()")
            try expect(info.virtualCPUCount, 2, "Domain.info()")
            try expect(info.state, .running, "Domain.info()")
            try expect(try domain.state().state, .running, "Domain.state()")
            try expect(try domain.osType, "linux", "Domain.osType")
            try expect(try domain.uuid.uuidString.lowercased(), "6695eb01-f6a4-8304-79aa-97f2502e193f", "Domain.uuid")
            try expect(try connection.domain(id: 1).name, "test", "Connection.domain(id:)")
            try expect(try connection.domain(uuid: domain.uuid).name, "test", "Connection.domain(uuid:)")
            try expect(try connection.allDomains().map(\.name), ["test"], "Connection.allDomains(options:)")
            try expect(try connection.network(named: "default").bridgeName, "virbr0", "Network.bridgeName")
            try expect(try connection.storagePool(named: "default-pool").isActive, true, "StoragePool.isActive")
            try expect(try connection.interface(named: "eth1").isActive, true, "Interface.isActive")
        },
    ]
}
