// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt

/// Device and disk checks on a firmware-only domain: attaching, detaching and updating devices
/// live and in the persistent definition, and the disk's contents, size, limits and I/O tuning.
enum QemuDeviceChecks {
    /// The checks.
    static let all: [Check] = [
        Check("QEMU: devices attached, updated and detached") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-devices", running: true, on: connection, f.environment)
            let folder = QemuDomains.folder(f.environment)
            func disk(_ target: String, alias: String? = nil) throws -> String {
                let path = "\(folder)/harness-devices-\(target).qcow2"
                try QemuDisks.blank(path)
                return "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='\(path)'/>"
                    + (alias.map { "<alias name='\($0)'/>" } ?? "") + "<target dev='\(target)' bus='virtio'/></disk>"
            }
            func defined() throws -> String { try domain.xmlDescription(options: [.inactive]) }

            try domain.attachDevice(xml: disk("vdb"))
            try expect(try domain.xmlDescription().contains("harness-devices-vdb"), true, "Domain.attachDevice(xml:)")
            let vdc = try disk("vdc")
            try domain.attachDevice(xml: vdc, options: [.config])
            try expect(try defined().contains("harness-devices-vdc"), true, "Domain.attachDevice(xml:options:)")
            try domain.detachDevice(xml: vdc, options: [.config])
            try expect(try defined().contains("harness-devices-vdc"), false, "Domain.detachDevice(xml:options:)")
            try domain.attachDevice(xml: disk("vdd", alias: "ua-harness-vdd"), options: [.config])
            try domain.detachDevice(alias: "ua-harness-vdd", options: [.config])
            try expect(try defined().contains("harness-devices-vdd"), false, "Domain.detachDevice(alias:options:)")

            let medium = "\(folder)/harness-devices-medium.img"
            try Data(repeating: 0, count: 2048).write(to: URL(fileURLWithPath: medium))
            try domain.updateDevice(xml: """
                <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='\(medium)'/>\
                <target dev='sda' bus='sata'/><readonly/></disk>
                """, options: [.live])
            try expect(try domain.xmlDescription().contains(medium), true, "Domain.updateDevice(xml:options:)")
            try domain.destroy()
        },
        Check("QEMU: disk contents, size, threshold and I/O tuning") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-disks", running: true, on: connection, f.environment)
            let events = try connection.domainEvents(.blockJob, domain: domain)
            let raw = QemuDomains.folder(f.environment) + "/harness-disks-raw.img"
            try (Data("HARNESS".utf8) + Data(count: 1 << 20)).write(to: URL(fileURLWithPath: raw))
            try await domain.attachDevice(xml: """
                <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='\(raw)'/>\
                <target dev='vdb' bus='virtio'/></disk>
                """, options: [.live])
            let header = try await domain.blockPeek(disk: "vdb", offset: 0, size: 7)
            try expect(header, Array("HARNESS".utf8), "Domain.blockPeek(disk:offset:size:)")
            try await domain.blockResize(disk: "vda", size: 96 << 20, options: [.bytes])
            try await expect(try domain.blockInfo(disk: "vda").capacity, 96 << 20, "Domain.blockInfo(disk:)")
            try await domain.setBlockThreshold(device: "vda", threshold: 1 << 20)
            try await domain.setBlockIOTune(disk: "vda", parameters: [.totalBytesSec: .ullong(10_000_000)], options: [.live])
            try await expect(try domain.blockIOTune(disk: "vda")[.totalBytesSec], .ullong(10_000_000),
                       "Domain.blockIOTune(disk:options:)")
            try await domain.blockRebase(disk: "vda", bandwidth: 0)
            try await QemuStorageChecks.waitForJob(domain, events, .pull, until: .completed)
            let memory = try await domain.memoryPeek(start: 0, size: 16, options: [.physical])
            try expect(memory.count, 16, "Domain.memoryPeek(start:size:options:)")
            try await domain.destroy()
        },
    ]
}
