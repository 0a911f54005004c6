// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
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
            let library = try connection.libraryVersion
            try expect(library.major > 0, true, "Connection.libraryVersion")
            try expect(LibvirtVersion(encoded: library.encoded), library, "LibvirtVersion(encoded:)")
            try expect(try LibvirtLibrary.version().libraryVersion, library, "LibvirtLibrary.version()")
            try expect(try connection.hypervisorVersion, LibvirtVersion(major: 0, minor: 0, release: 2),
                       "Connection.hypervisorVersion")
            try expect(try connection.hypervisorVersion.description, "0.0.2", "LibvirtVersion.description")
            let hostname = try connection.hostname()
            let shortName = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? ""
            try expect(!hostname.isEmpty && hostname.hasPrefix(shortName),
                       "Connection.hostname() returned \(hostname), not the local host's name \(shortName)")
            let capabilities = try connection.capabilities
            for part in ["<capabilities>", "<arch>i686</arch>", "<domain type='test'"] {
                try expect(capabilities.contains(part), "Connection.capabilities lacks \(part)")
            }
            // The test driver's fixed fake host: an i686 with 2 nodes × 2 sockets × 2 cores × 2 threads.
            let node = try connection.nodeInfo()
            try expect(node.model, "i686", "Connection.nodeInfo()")
            try expect(node.cpus, 16, "Connection.nodeInfo()")
            try expect(node.memory, 3_145_728, "Connection.nodeInfo()")
            try expect(node.mhz, 1400, "Connection.nodeInfo()")
            try expect([node.nodes, node.sockets, node.cores, node.threads], [2, 2, 2, 2], "Connection.nodeInfo()")
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
            try expect(try domain.isActive, true, "Domain.isActive")
            try expect(try domain.isPersistent, true, "Domain.isPersistent")
            try expect(try domain.osType, "linux", "Domain.osType")
            try expect(try domain.uuid.uuidString.lowercased(), "6695eb01-f6a4-8304-79aa-97f2502e193f", "Domain.uuid")
            try expect(try connection.domain(id: 1).name, "test", "Connection.domain(id:)")
            try expect(try connection.domain(uuid: domain.uuid).name, "test", "Connection.domain(uuid:)")
            try expect(try connection.allDomains().map(\.name), ["test"], "Connection.allDomains(options:)")
            try expect(try connection.interface(named: "eth1").isActive, true, "Interface.isActive")
            // A read-only connection reads, and is denied any change.
            let denied = try expectFailure(LibvirtError.Code.operationDenied.rawValue, "Connection.defineDomain(xml:)") {
                _ = try connection.defineDomain(xml: DomainChecks.definition("harness-read-only"))
            }
            try expect(!denied.message.isEmpty, "LibvirtError.message is empty")
        },
        Check("default network and storage pool of test:///default") { _ in
            let connection = try Connection(uri: "test:///default", readOnly: true)
            try expect(try connection.allNetworks().map(\.name), ["default"], "Connection.allNetworks(options:)")
            try expect(try connection.networkNames, ["default"], "Connection.networkNames")
            let network = try connection.network(named: "default")
            try expect(try network.isActive, true, "Network.isActive")
            try expect(try network.isPersistent, true, "Network.isPersistent")
            try expect(try network.bridgeName, "virbr0", "Network.bridgeName")
            try expect(try network.uuid.uuidString.lowercased(), "dd8fe884-6c02-601e-7551-cca97df1c5df", "Network.uuid")
            try expect(try connection.network(uuid: network.uuid), network, "Connection.network(uuid:)")
            try expect(try network.xmlDescription().contains("192.168.122.1"), true, "Network.xmlDescription(options:)")

            try expect(try connection.allStoragePools().map(\.name), ["default-pool"], "Connection.allStoragePools(options:)")
            try expect(try connection.storagePoolNames, ["default-pool"], "Connection.storagePoolNames")
            let pool = try connection.storagePool(named: "default-pool")
            try expect(try pool.isActive, true, "StoragePool.isActive")
            try expect(try pool.isPersistent, true, "StoragePool.isPersistent")
            try expect(try pool.uuid.uuidString.lowercased(), "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566", "StoragePool.uuid")
            try expect(try pool.info().state, .running, "StoragePool.info()")
            try expect(try pool.xmlDescription().contains("<path>/default-pool</path>"), true,
                       "StoragePool.xmlDescription(options:)")
            try expectFailure(noSupportCode, "Connection.storagePool(targetPath:)") {
                _ = try connection.storagePool(targetPath: "/default-pool")
            }
        },
    ]
}
