// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Per-device and host-model checks on the running domain's disk `vda` and interface `vnet0`.
enum DomainDeviceChecks {
    /// The checks.
    static let all: [Check] = [
        Check("domain devices, metadata and host CPU models") { f in
            let connection = try f.connection()
            let domain = try f.domain()
            try expect(try domain.blockStats(disk: "vda").readRequests >= 0, true, "Domain.blockStats(disk:)")
            try expect(try domain.interfaceStats(device: "52:54:00:aa:00:01").receivedBytes >= 0, true, "Domain.interfaceStats(device:)")
            exercise { _ = try domain.blockInfo(disk: "vda") }
            try expectFailure(LibvirtError.Code.noDomainMetadata.rawValue, "Domain.metadata(type:uri:options:)") {
                _ = try domain.metadata(type: .description)
            }
            try domain.setMetadata(type: .description, metadata: "harness description\nover two lines")
            try expect(try domain.metadata(type: .description), "harness description\nover two lines",
                       "Domain.metadata(type:uri:options:)")
            try expect(try domain.xmlDescription().contains("<description>harness description"), true,
                       "Domain.xmlDescription(options:)")
            try domain.setMetadata(type: .title, metadata: "harness title")
            try expect(try domain.metadata(type: .title), "harness title", "Domain.metadata(type:uri:options:)")
            try expect(try domain.xmlDescription().contains("<title>harness title</title>"), true,
                       "Domain.xmlDescription(options:)")
            try domain.setMetadata(type: .title, metadata: nil)
            try expectFailure(LibvirtError.Code.noDomainMetadata.rawValue, "Domain.metadata(type:uri:options:)") {
                _ = try domain.metadata(type: .title)
            }
            try domain.setMetadata(type: .description, metadata: "replaced")
            try expect(try domain.metadata(type: .description), "replaced", "Domain.metadata(type:uri:options:)")
            try domain.setMetadata(type: .description, metadata: nil)
            try expectFailure(LibvirtError.Code.noDomainMetadata.rawValue, "Domain.metadata(type:uri:options:)") {
                _ = try domain.metadata(type: .description)
            }
            try expect(try domain.xmlDescription().contains("<description>"), false, "Domain.xmlDescription(options:)")
            let stopped = try connection.domain(named: "harness-stopped")
            try stopped.rename(newName: "harness-renamed")
            try expect(try connection.domain(named: "harness-renamed").name, "harness-renamed", "Domain.rename(newName:)")
            exercise { try domain.coreDump(to: f.environment.scratch + "/harness.core", format: .raw) }
            try expect(try connection.cpuModelNames(arch: "x86_64").isEmpty, false, "Connection.cpuModelNames(arch:)")
            exercise { _ = try domain.memoryPeek(start: 0, size: 8, options: .virtual) }
            exercise {
                try connection.beginInterfaceChange()
                try connection.rollbackInterfaceChange()
            }
            try domain.addIOThread(ioThreadID: 7)
            exercise { try domain.pinIOThread(7, to: [true]) }
            exercise { try domain.setIOThreadParameters(ioThreadID: 7, parameters: [.pollMaxNs: .ullong(1000)]) }
            try domain.deleteIOThread(ioThreadID: 7)
            exercise { _ = try domain.fsFreeze(mountPoints: []) }
            exercise { _ = try domain.fsThaw(mountPoints: []) }
            exercise { try domain.fsTrim(mountPoint: "/", minimum: 0) }
            exercise { try domain.setMemoryStatsPeriod(1) }
            let cpu = "<cpu><arch>x86_64</arch><model>core2duo</model></cpu>"
            exercise { _ = try connection.baselineCPU(cpuXMLs: [cpu]) }
        },
        Check("other event streams") { f in
            let connection = try f.connection()
            let pools = try connection.storagePoolEvents(.lifecycle)
            let pool = try await connection.defineStoragePool(xml: "<pool type='dir'><name>harness-events-pool</name>"
                + "<target><path>\(f.environment.scratch)/harness-events-pool</path></target></pool>")
            try await pool.start()
            try await pool.destroy()
            try await pool.undefine()
            let received = try await EventAndStreamChecks.first(4, of: pools) { event -> String? in
                guard case .lifecycle(let pool, let type, _) = event, pool.name == "harness-events-pool" else { return nil }
                return "\(type)"
            }
            try expect(received, ["defined", "started", "stopped", "undefined"],
                       "Connection.storagePoolEvents(_:storagePool:)")
            _ = try connection.nodeDeviceEvents(.lifecycle)
            _ = try connection.closeEvents()
        },
    ]
}
