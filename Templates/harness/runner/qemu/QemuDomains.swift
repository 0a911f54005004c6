// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt

/// The QEMU proving ground's domains: definitions, disks, and the fixture's domains kept in the
/// state the checks expect (a probe may have destroyed, paused or undefined one).
enum QemuDomains {
    /// The firmware-only domain the probes work on, kept running.
    static let running = "harness-running"
    /// The firmware-only domain kept defined and shut off.
    static let stopped = "harness-stopped"
    /// The Linux guest with QEMU's guest agent, kept running with its agent connected.
    static let guest = "harness-guest"

    /// The UUID of a fixture domain, fixed so checks can compare it.
    static func uuid(_ name: String) -> String {
        switch name {
        case running: "2a7b3c4d-0000-4000-8000-000000000001"
        case stopped: "2a7b3c4d-0000-4000-8000-000000000002"
        case guest: "2a7b3c4d-0000-4000-8000-000000000003"
        default: UUID().uuidString.lowercased()
        }
    }

    /// The virtualization type of firmware-only domains: `kvm` where `/dev/kvm` can be opened,
    /// else QEMU's own emulation (TCG).
    static let acceleratedType: String = {
        let descriptor = open("/dev/kvm", O_RDWR)
        guard descriptor >= 0 else { return "qemu" }
        close(descriptor)
        return "kvm"
    }()

    /// The folder the proving ground's disks, save images and dumps are written to.
    static func folder(_ environment: RunnerEnvironment) -> String {
        environment.scratch + "/qemu"
    }

    /// A domain without an operating system (the firmware finds no boot disk and waits): it
    /// starts in a fraction of a second and supports everything the host side of QEMU does. Besides
    /// the common devices, an empty CD-ROM drive and a network interface on a tap device of its
    /// own, connected to nothing and without a boot ROM (so the host has interface statistics to
    /// report and the firmware sends nothing).
    static func definition(_ name: String, _ environment: RunnerEnvironment, type: String = acceleratedType) throws -> String {
        try domainXML(name, environment, type: type, memoryKiB: 131_072, vcpus: "<vcpu placement='static' current='1'>2</vcpu>",
                      os: "<type arch='x86_64' machine='q35'>hvm</type>", devices: """
            <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' bus='sata'/><readonly/></disk>
            <interface type='ethernet'><mac address='52:54:00:aa:00:01'/><model type='virtio'/><rom enabled='no'/></interface>
            """)
    }

    /// The Linux guest: Debian's kernel booted directly with the harness's initramfs, which starts
    /// QEMU's guest agent on the `org.qemu.guest_agent.0` channel and a shell on its serial
    /// console (a pseudo-terminal, logged to a file); a second channel, `org.harness.echo`, is
    /// there for `openChannel`, and a user-mode network interface gives the agent an address.
    static func guestDefinition(_ environment: RunnerEnvironment, type: String) throws -> String {
        guard let image = environment.guestImage else { throw CheckFailure("the harness passed no guest image") }
        return try domainXML(guest, environment, type: type, memoryKiB: 262_144, vcpus: "<vcpu placement='static'>2</vcpu>", os: """
            <type arch='x86_64' machine='q35'>hvm</type><kernel>\(image)/vmlinuz</kernel>\
            <initrd>\(image)/initrd.img</initrd><cmdline>console=ttyS0 quiet panic=-1</cmdline>
            """, devices: """
            <interface type='user'><mac address='52:54:00:aa:00:03'/><model type='virtio'/></interface>
            <serial type='pty'><log file='\(folder(environment))/\(guest).console'/><target port='0'/></serial>
            <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
            <channel type='unix'><source mode='bind'/><target type='virtio' name='org.harness.echo'/></channel>
            """)
    }

    /// A q35 domain definition with the devices every proving-ground domain has: a qcow2 overlay
    /// disk with a backing file (for block jobs), a VNC display on a unix socket (for
    /// screenshots), a balloon with statistics, and free PCIe root ports for hot-plugged disks;
    /// then `devices`.
    static func domainXML(
        _ name: String, _ environment: RunnerEnvironment, type: String, memoryKiB: Int, vcpus: String, os: String,
        devices: String
    ) throws -> String {
        let disk = try QemuDisks.overlay(name, environment)
        return """
            <domain type='\(type)'>
              <name>\(name)</name><uuid>\(uuid(name))</uuid>
              <memory unit='KiB'>\(memoryKiB)</memory><currentMemory unit='KiB'>\(memoryKiB)</currentMemory>
              \(vcpus)
              <os>\(os)</os>
              <features><acpi/></features>
              <pm><suspend-to-mem enabled='yes'/></pm>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                \(pciControllers)
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/><source file='\(disk)'/><target dev='vda' bus='virtio'/>
                </disk>
                <graphics type='vnc' socket='\(folder(environment))/\(name).vnc'/>
                <video><model type='vga'/></video>
                <memballoon model='virtio'><stats period='1'/></memballoon>
                \(devices)
              </devices>
            </domain>
            """
    }

    /// The PCIe root complex and eight root ports (q35 has no hot-pluggable slots without them).
    static let pciControllers = "<controller type='pci' index='0' model='pcie-root'/>"
        + (1...8).map { "<controller type='pci' index='\($0)' model='pcie-root-port'/>" }.joined()

    /// The firmware-only fixture domain `name`, defined if missing (or left transient by a probe
    /// that undefined it), running when `running` is set (resumed if paused) and shut off
    /// otherwise.
    static func ensure(_ name: String, running shouldRun: Bool, on connection: Connection,
                       _ environment: RunnerEnvironment) throws -> Domain {
        let domain = try persistent(name, on: connection) { try definition(name, environment) }
        try settle(domain, running: shouldRun)
        return domain
    }

    /// The guest, booted with its agent answering. The first call in a run boots it with KVM
    /// where the guest comes up under it (a Linux guest was seen to hang at boot under nested
    /// KVM), else with TCG; later calls start the domain as it was defined.
    static func ensureGuest(on connection: Connection, _ environment: RunnerEnvironment) throws -> Domain {
        if let domain = try? connection.domain(named: guest), try domain.isPersistent {
            if try domain.info().state != .running {
                if try domain.isActive { try domain.destroy() }
                try domain.start()
            }
            if agentAnswers(domain, attempts: 120) { return domain }
            try domain.destroy()
            try domain.undefine()
        }
        var tried: [String] = []
        for type in acceleratedType == "kvm" ? ["kvm", "qemu"] : ["qemu"] {
            let domain = try connection.defineDomain(xml: guestDefinition(environment, type: type))
            let start = Date()
            try domain.start()
            if agentAnswers(domain, attempts: type == "kvm" ? 30 : 120) {
                progress("    guest booted under \(type) with its agent answering in "
                    + String(format: "%.1f s", Date().timeIntervalSince(start)))
                return domain
            }
            tried.append(type)
            progress("    the guest's agent did not answer under \(type)" + (type == "kvm" ? "; trying TCG" : ""))
            try domain.destroy()
            try domain.undefine()
        }
        throw CheckFailure("the guest's agent did not answer under \(tried.joined(separator: " or ")); "
            + "see \(folder(environment))/\(guest).console")
    }

    /// Whether the guest agent answers a ping, trying every half second.
    static func agentAnswers(_ domain: Domain, attempts: Int) -> Bool {
        for attempt in 0..<attempts {
            if attempt > 0 { Thread.sleep(forTimeInterval: 0.5) }
            if let reply = try? domain.qemuAgentCommand("{\"execute\":\"guest-ping\"}", timeout: .seconds(2)),
               reply.contains("return") {
                return true
            }
        }
        return false
    }

    /// The persistent domain `name`: looked up, made persistent again, or defined from `xml`.
    static func persistent(_ name: String, on connection: Connection, xml: () throws -> String) throws -> Domain {
        guard let domain = try? connection.domain(named: name) else {
            return try connection.defineDomain(xml: xml())
        }
        if try !domain.isPersistent {
            try domain.destroy()
            return try connection.defineDomain(xml: xml())
        }
        return domain
    }

    /// Brings `domain` to running or shut off.
    static func settle(_ domain: Domain, running shouldRun: Bool) throws {
        let state = try domain.info().state
        if !shouldRun {
            if state != .shutoff { try domain.destroy() }
            if try domain.hasManagedSaveImage() { try domain.removeManagedSave() }
            return
        }
        switch state {
        case .running: return
        case .paused: try domain.resume()
        default:
            if try domain.isActive { try domain.destroy() }
            try domain.start()
        }
    }
}

/// The proving ground's qcow2 disks: one base image shared by every domain, and an overlay per
/// domain backed by it (so block pull and commit have a chain to work on).
enum QemuDisks {
    /// The overlay disk of domain `name`, created on first use.
    static func overlay(_ name: String, _ environment: RunnerEnvironment) throws -> String {
        let folder = QemuDomains.folder(environment)
        let base = folder + "/base.qcow2"
        let path = "\(folder)/\(name).qcow2"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: base) { try image(["create", "-f", "qcow2", base, "64M"]) }
        if !FileManager.default.fileExists(atPath: path) {
            try image(["create", "-f", "qcow2", "-F", "qcow2", "-b", base, path])
        }
        return path
    }

    /// A new empty qcow2 image of `size` at `path`.
    static func blank(_ path: String, size: String = "16M") throws {
        try? FileManager.default.removeItem(atPath: path)
        try image(["create", "-f", "qcow2", path, size])
    }

    /// Runs `qemu-img` with `arguments`.
    static func image(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/qemu-img")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CheckFailure("qemu-img \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }
}
