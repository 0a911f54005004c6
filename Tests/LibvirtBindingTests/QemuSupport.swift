import Foundation
import Libvirt
import LibvirtGenHarness
import Testing

// The QEMU proving ground of this test target: libvirt's embedded QEMU driver
// (`qemu:///embed?root=DIR`), which runs inside the test process, with no daemon, and starts real
// QEMU processes.
//
// libvirt 9.0 registers the embedded driver again every time a process opens it after its last
// connection closed, and after about 20 such re-opens every open fails ("Too many drivers, cannot
// register QEMU"); a process may also use only one embed root. So the whole test process shares
// ONE connection to ONE root folder, opened on first use and never closed (``QemuGround``).
// Tests keep apart by giving their domains unique names.

/// The tags of this test target.
extension Tag {
    /// Tests that start real QEMU processes through libvirt's embedded QEMU driver.
    @Tag static var qemu: Self
}

extension Trait where Self == ConditionTrait {
    /// Runs a QEMU suite only where the QEMU packages are installed, saying which are missing.
    static var qemuAvailable: Self {
        .enabled(
            if: QemuGround.isAvailable,
            """
            the QEMU packages (qemu-system-x86, qemu-utils, libvirt-daemon-driver-qemu) are not installed; \
            bash .ci/setup installs them
            """)
    }
}

/// The shared QEMU environment of the test process: the embed root folder, the one connection
/// to it, the virtualization type, and disk images and domain definitions for the tests.
enum QemuGround {
    /// Whether the QEMU packages are installed; the QEMU suite is skipped only when they are not.
    static var isAvailable: Bool { QemuProvingGround.missingPrerequisites() == nil }

    /// The embed root folder of this test process, unique to it.
    ///
    /// The path is kept short: QEMU's monitor sockets live below it, and a unix socket path has
    /// at most 107 bytes. A long temporary directory gives way to `/tmp`.
    static let root: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let parent = temporary.path.utf8.count <= 32 ? temporary : URL(fileURLWithPath: "/tmp", isDirectory: true)
        return parent.appendingPathComponent("lvq-\(UUID().uuidString.prefix(8).lowercased())", isDirectory: true)
    }()

    /// The folder holding every test domain's own folder (disks, VNC socket, save images).
    static var domainsFolder: URL { root.appendingPathComponent("d", isDirectory: true) }

    /// The domain type to define: `kvm` when `/dev/kvm` can be opened, else `qemu` (TCG).
    static let domainType: String = {
        let descriptor = open("/dev/kvm", O_RDWR)
        guard descriptor >= 0 else { return "qemu" }
        close(descriptor)
        return "kvm"
    }()

    /// The process's connection, and a domain event stream that stays registered for the whole
    /// process, never read.
    ///
    /// The idle stream is there because libvirt 9.0 may lose every later event of a driver when
    /// its last event callback is deregistered while another thread queues an event (see
    /// `EventTests.changesAfterBreak`); with tests ending their streams in parallel on one shared
    /// connection, keeping one callback registered throughout rules that out. It asks for
    /// metadata changes, which no QEMU test makes, so it buffers nothing.
    private struct Shared: Sendable {
        /// The one connection to the embedded driver.
        let connection: Connection
        /// The idle event stream.
        let keeper: AsyncStream<Domain.Event>
    }

    /// The shared state, set up on first use: exactly once per process, whatever the outcome.
    private static let shared: Result<Shared, any Error> = Result {
        let manager = FileManager.default
        let etc = root.appendingPathComponent("etc", isDirectory: true)
        try manager.createDirectory(at: etc, withIntermediateDirectories: true)
        try manager.createDirectory(at: domainsFolder, withIntermediateDirectories: true)
        try QemuProvingGround.configuration(cgroups: QemuProvingGround.cgroupsWritable)
            .write(to: etc.appendingPathComponent("qemu.conf"), atomically: true, encoding: .utf8)
        atexit { QemuGround.cleanUp() }
        let connection: Connection
        do {
            connection = try Connection(uri: "qemu:///embed?root=\(root.path)")
        } catch {
            throw QemuGroundError(
                "cannot open the embedded QEMU driver at \(root.path): \(error) (Debian's driver also needs "
                    + "the user libvirt-qemu and the groups libvirt-qemu and kvm; bash .ci/setup creates them)")
        }
        return Shared(connection: connection, keeper: try connection.domainEvents(.metadataChange))
    }

    /// The process's one connection to the embedded QEMU driver, opened on first use and never
    /// closed.
    ///
    /// - Throws: The error that kept the driver from opening (the same one on every call).
    static func connection() throws -> Connection {
        try shared.get().connection
    }

    /// Kills the QEMU processes the driver started under ``root`` that are still alive (their pid
    /// files are in `run/qemu`; `driver.pid` is the test process's own), then removes the root
    /// folder. Runs when the test process exits.
    static func cleanUp() {
        QemuProvingGround.killDomains(under: root)
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `/usr/bin/qemu-img` with `arguments`.
    ///
    /// - Throws: ``QemuGroundError`` with qemu-img's output when it fails.
    static func qemuImg(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/qemu-img")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw QemuGroundError("qemu-img \(arguments.joined(separator: " ")) failed: \(text)")
        }
    }

    /// Creates an empty 64 MiB qcow2 image at `path`.
    static func createDisk(at path: String) throws {
        try qemuImg(["create", "-q", "-f", "qcow2", path, "64M"])
    }

    /// The PCIe root complex and four root ports (q35 has no hot-pluggable slots without them).
    static let pciControllers = "<controller type='pci' index='0' model='pcie-root'/>"
        + (1...4).map { "<controller type='pci' index='\($0)' model='pcie-root-port'/>" }.joined()

    /// A domain without an operating system (the firmware finds nothing to boot and waits): it
    /// starts in a fraction of a second. 128 MiB, one of two vCPUs online, a qcow2 virtio disk
    /// `vda`, serial consoles on pseudo-terminals (`serial0`, ...), a VNC display on a unix socket
    /// (for screenshots) and a balloon with statistics.
    ///
    /// - Parameter name: The domain name.
    /// - Parameter uuid: The domain UUID.
    /// - Parameter disk: The qcow2 image of `vda`.
    /// - Parameter folder: Where the VNC socket goes.
    /// - Parameter serialPorts: How many serial consoles (at most four).
    /// - Parameter devices: More device elements.
    static func domainXML(
        name: String, uuid: String, disk: String, folder: String, serialPorts: Int = 1, devices: String = ""
    ) -> String {
        """
        <domain type='\(domainType)'>
          <name>\(name)</name>
          <uuid>\(uuid)</uuid>
          <memory unit='KiB'>131072</memory><currentMemory unit='KiB'>131072</currentMemory>
          <vcpu placement='static' current='1'>2</vcpu>
          <os><type arch='x86_64' machine='q35'>hvm</type></os>
          <features><acpi/></features>
          <devices>
            <emulator>/usr/bin/qemu-system-x86_64</emulator>
            \(pciControllers)
            <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>\
        <source file='\(disk)'/><target dev='vda' bus='virtio'/></disk>
            \((0..<serialPorts).map { "<serial type='pty'><target port='\($0)'/></serial>" }.joined())
            <graphics type='vnc' socket='\(folder)/vnc'/>
            <video><model type='vga'/></video>
            <memballoon model='virtio'><stats period='1'/></memballoon>
            \(devices)
          </devices>
        </domain>
        """
    }

    /// Defines a persistent firmware-only domain named `prefix-<random>` with a folder of its
    /// own, starts it unless told not to, and runs `body`; afterwards destroys it, undefines it
    /// (with its managed save image and snapshot metadata) and removes its folder, whatever
    /// `body` did.
    ///
    /// - Parameter prefix: The start of the domain name.
    /// - Parameter start: Whether to start the domain before `body`.
    /// - Parameter serialPorts: How many serial consoles the domain has (at most four).
    /// - Parameter devices: More device elements for the definition.
    /// - Parameter body: The test; receives the shared connection and the domain.
    static func withDomain<Result>(
        _ prefix: String, start: Bool = true, serialPorts: Int = 1, devices: String = "",
        body: (Connection, QemuTestDomain) async throws -> Result
    ) async throws -> Result {
        let connection = try connection()
        let name = uniqueName(prefix)
        let folder = domainsFolder.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("vda.qcow2").path
        try createDisk(at: disk)
        let uuid = UUID().uuidString.lowercased()
        let domain = try await connection.defineDomain(xml: domainXML(
            name: name, uuid: uuid, disk: disk, folder: folder.path, serialPorts: serialPorts, devices: devices))
        defer {
            if (try? domain.isActive) == true { try? domain.destroy() }
            try? domain.undefine(options: [.managedSave, .snapshotsMetadata])
        }
        if start { try await domain.start() }
        let testDomain = QemuTestDomain(domain: domain, name: name, uuid: uuid, folder: folder)
        return try await body(connection, testDomain)
    }
}

/// One test's domain, as ``QemuGround/withDomain(_:start:serialPorts:devices:body:)`` defined it.
struct QemuTestDomain: Sendable {
    /// The domain.
    let domain: Domain
    /// Its (unique) name.
    let name: String
    /// The UUID its definition gave it, in lowercase.
    let uuid: String
    /// Its own folder (disk images, VNC socket), removed after the test: the place for files
    /// such as save images.
    let folder: URL
}

/// A failure to set up the QEMU proving ground.
struct QemuGroundError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// Creates an error saying `description`.
    init(_ description: String) {
        self.description = description
    }
}
