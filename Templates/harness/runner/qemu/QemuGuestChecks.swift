// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt
import LibvirtQemu

/// Checks against the Linux guest: its agent (through libvirt's calls and raw agent commands),
/// hot-plugging a disk with its device events, shutting the guest down through ACPI and through
/// the agent with its lifecycle events, and suspending it to RAM and waking it up.
enum QemuGuestChecks {
    /// The checks.
    static let all: [Check] = [
        Check("QEMU: guest agent") { f in
            let domain = try f.guest()
            let ping = try domain.qemuAgentCommand("{\"execute\":\"guest-ping\"}", timeout: .seconds(5))
            try expect(ping, "{\"return\":{}}", "Domain.qemuAgentCommand(_:timeout:)")
            try expect(try domain.hostname(), "harness-guest", "Domain.hostname(options:)")
            let now = Int64(Date().timeIntervalSince1970)
            try domain.setTime(seconds: now + 3600, nseconds: 0)
            let time = try domain.time()
            try expect(abs(time.seconds - (now + 3600)) < 60, "Domain.time() returned \(time.seconds), expected about \(now + 3600)")
            try domain.setTime(seconds: 0, nseconds: 0, options: [.timeSync])
            let info = try domain.guestInfo(types: [.hostname, .os])
            try expect(info["hostname"], .string("harness-guest"), "Domain.guestInfo(types:)")
            try expect(try domain.guestVCPUs()["vcpus"].map { "\($0)" }, "0-1", "Domain.guestVCPUs()")
            let interfaces = try domain.interfaceAddresses(source: .agent)
            try expect(interfaces.contains { $0.name == "lo" }, "Domain.interfaceAddresses(source:) lists no lo interface")
            _ = try domain.fsInfo()
            let frozen = try domain.fsFreeze()
            let thawed = try domain.fsThaw()
            try expect(frozen, thawed, "Domain.fsThaw(mountPoints:)")
            try domain.setAgentResponseTimeout(.seconds(10))
        },
        Check("QEMU: guest users, keys and vCPUs through the agent") { f in
            let domain = try f.guest()
            try domain.setUserPassword(user: "root", password: "harness-password")
            let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHarnessKeyHarnessKeyHarnessKeyHarnessKey0 harness"
            try domain.setAuthorizedSSHKeys(user: "root", keys: [key])
            try expect(try domain.authorizedSSHKeys(user: "root"), [key], "Domain.authorizedSSHKeys(user:)")
            try domain.setGuestVCPUs(cpuMap: "1", state: false)
            try expect(try domain.guestVCPUs()["online"].map { "\($0)" }, "0", "Domain.setGuestVCPUs(cpuMap:state:)")
            try domain.setGuestVCPUs(cpuMap: "1", state: true)
            try expect(try domain.guestVCPUs()["online"].map { "\($0)" }, "0-1", "Domain.setGuestVCPUs(cpuMap:state:)")
            let stream = try f.connection().makeStream()
            try domain.openChannel(name: "org.harness.echo", stream: stream)
            try expect(try stream.send(Array("harness\n".utf8)), 8, "DataStream.send(_:)")
            try stream.abort()
        },
        Check("QEMU: disk hot-plug with device events") { f in
            let connection = try f.connection()
            let domain = try f.guest()
            let events = try connection.domainEvents(.deviceRemoved, domain: domain)
            let disk = QemuDomains.folder(f.environment) + "/harness-hotplug.qcow2"
            try QemuDisks.blank(disk)
            let xml = """
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='\(disk)'/>\
                <target dev='vdb' bus='virtio'/></disk>
                """
            let detachments: [(String, () throws -> Void)] = [
                ("Domain.detachDevice(xml:options:)", { try domain.detachDevice(xml: xml, options: [.live]) }),
                ("Domain.detachDevice(xml:)", { try domain.detachDevice(xml: xml) }),
            ]
            for (api, detach) in detachments {
                try await domain.attachDevice(xml: xml, options: [.live])
                try await expect(try domain.xmlDescription().contains(disk), true, "Domain.attachDevice(xml:options:)")
                try detach()
                let removed = try await EventAndStreamChecks.first(1, of: events, timeout: 30) { event -> String? in
                    guard case .deviceRemoved(_, let alias) = event else { return nil }
                    return alias
                }
                try expect(removed, ["virtio-disk1"], "Connection.domainEvents(_:domain:) after \(api)")
                try await expect(try domain.xmlDescription().contains(disk), false, api)
            }
        },
        Check("QEMU: guest shutdown through ACPI and through the agent") { f in
            let connection = try f.connection()
            for (how, options) in [("ACPI", Domain.ShutdownOptions.acpiPowerBtn), ("the agent", .guestAgent)] {
                let domain = try f.guest()
                let events = try connection.domainEvents(.lifecycle, domain: domain)
                try await domain.shutdown(options: options)
                let received = try await EventAndStreamChecks.first(2, of: events, timeout: 60,
                                                                    select: QemuLifecycleChecks.lifecycleDetail)
                try expect(received, [.shutdown(.guest), .stopped(.shutdown)],
                           "Domain.shutdown(options:) through \(how): Connection.domainEvents(_:domain:)")
                let state = try await domain.state()
                try expect(state.state, .shutoff, "Domain.state()")
                try expect(state.reason, .shutoff(.shutdown), "Domain.state()")
            }
        },
        Check("QEMU: guest suspended to RAM through the agent and woken up") { f in
            let connection = try f.connection()
            let domain = try f.guest()
            let events = try connection.domainEvents(.lifecycle, domain: domain)
            try await domain.suspendGuest(target: .memory, duration: 0)
            let suspended = try await EventAndStreamChecks.first(1, of: events, timeout: 30,
                                                                 select: QemuLifecycleChecks.lifecycleDetail)
            try expect(suspended, [.pmsuspended(.memory)], "Domain.suspendGuest(target:duration:)")
            try await expect(try domain.state().state, .pmsuspended, "Domain.state()")
            try await domain.wakeUpGuest()
            try await waitUntil("the guest runs again after Domain.wakeUpGuest()") { try domain.state().state == .running }
            try await expect(try domain.state().reason, .running(.wakeup), "Domain.state()")
            try expect(QemuDomains.agentAnswers(domain, attempts: 60), "the guest's agent answers after waking up")
            // This small guest's PCIe hot-plug and ACPI button do not recover from the suspension:
            // the next check boots it again.
            try await domain.destroy()
        },
    ]
}
