import Foundation

/// The QEMU driver's side of a harness run: the root folder of libvirt's embedded QEMU driver
/// (`qemu:///embed?root=DIR`, in the runner's process, no daemon), the guest image, and the
/// clean-up of the QEMU processes, which outlive the process that started them. The binding
/// tests' QEMU suite uses its configuration, prerequisites and clean-up too.
public struct QemuProvingGround {
    /// The embedded driver's root folder.
    let root: URL
    /// The folder holding the guest's `vmlinuz` and `initrd.img`.
    let guestImage: URL

    /// The embedded driver's `qemu.conf`: QEMU runs as root with no confinement or namespaces,
    /// and writes its console to a file instead of through `virtlogd`; without `cgroups` (a
    /// machine whose cgroup file system cannot be written) it uses no cgroup controllers, and the
    /// calls that need them fail as the overrides data declares.
    public static func configuration(cgroups: Bool) -> String {
        """
        user = "root"
        group = "root"
        stdio_handler = "file"
        security_driver = "none"
        namespaces = []
        \(cgroups ? "" : "cgroup_controllers = []\n")
        """
    }

    /// Whether this process may create cgroups (version 1's `cpu` hierarchy or version 2's root).
    public static var cgroupsWritable: Bool {
        let version1 = "/sys/fs/cgroup/cpu"
        if FileManager.default.fileExists(atPath: version1) { return access(version1, W_OK) == 0 }
        return FileManager.default.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers") && access("/sys/fs/cgroup", W_OK) == 0
    }

    /// What must be installed, with the Debian package that brings it.
    static let requirements: [(path: String, package: String)] = [
        ("/usr/bin/qemu-system-x86_64", "qemu-system-x86"),
        ("/usr/bin/qemu-img", "qemu-utils"),
        ("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so", "libvirt-daemon-driver-qemu"),
        ("/bin/busybox", "busybox-static"),
        ("/usr/sbin/qemu-ga", "qemu-guest-agent"),
    ]

    /// The account names Debian's QEMU driver looks up when it starts, even when `qemu.conf` runs
    /// QEMU as root: without them the driver refuses to initialize.
    static let accounts = (user: "libvirt-qemu", groups: ["libvirt-qemu", "kvm"])

    /// Why the QEMU driver cannot run here, or nil when it can.
    public static func missingPrerequisites() -> String? {
        let missing = requirements.filter { !FileManager.default.fileExists(atPath: $0.path) }.map(\.package)
        if !missing.isEmpty {
            return "the QEMU proving ground needs the Debian packages \(missing.joined(separator: ", ")) "
                + "(bash .ci/setup installs them)"
        }
        if getpwnam(accounts.user) == nil || accounts.groups.contains(where: { getgrnam($0) == nil }) {
            return "Debian's QEMU driver needs the user \(accounts.user) and the groups "
                + "\(accounts.groups.joined(separator: ", ")) (bash .ci/setup creates them)"
        }
        return nil
    }

    /// Writes the driver's configuration (keeping its capability cache from an earlier run) and
    /// builds the guest image when it is not cached; the caller has checked the prerequisites.
    ///
    /// - Parameter builder: The guest-image script (`Templates/harness/qemu-guest/build-image`).
    func prepare(builder: URL, progress: (String) -> Void) throws {
        let manager = FileManager.default
        cleanUp()
        for transient in ["run", "lib", "log", "etc/qemu"] {
            try? manager.removeItem(at: root.appendingPathComponent(transient))
        }
        let etc = root.appendingPathComponent("etc")
        try manager.createDirectory(at: etc, withIntermediateDirectories: true)
        try Self.configuration(cgroups: Self.cgroupsWritable)
            .write(to: etc.appendingPathComponent("qemu.conf"), atomically: true, encoding: .utf8)
        progress("Preparing the guest image in \(guestImage.path) ...")
        progress("  " + (try Self.buildGuestImage(in: guestImage, builder: builder)))
    }

    /// Builds the guest image in `folder` unless it is cached there (the builder keeps a stamp of
    /// its inputs); its output goes to `guest-image.log` beside the folder.
    ///
    /// - Parameter builder: The guest-image script (`Templates/harness/qemu-guest/build-image`).
    /// - Returns: The builder's last line of output.
    /// - Throws: ``HarnessError`` naming the log when the image does not build.
    public static func buildGuestImage(in folder: URL, builder: URL) throws -> String {
        let manager = FileManager.default
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [builder.path, folder.path]
        let log = folder.deletingLastPathComponent().appendingPathComponent("guest-image.log")
        try manager.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = manager.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        let lastLine = ((try? String(contentsOf: log, encoding: .utf8)) ?? "")
            .split(separator: "\n").last.map(String.init) ?? ""
        guard process.terminationStatus == 0 else {
            throw HarnessError("the guest image did not build (\(lastLine)); see \(log.path)")
        }
        return lastLine
    }

    /// Kills every QEMU process the driver started under this root, so no guest outlives the
    /// run, whatever happened to the runner.
    func cleanUp() {
        Self.killDomains(under: root)
    }

    /// Kills every QEMU process libvirt's embedded driver started under `root` (their pid files
    /// are in `run/qemu`; `driver.pid` is the embedding process's own) that is still QEMU.
    public static func killDomains(under root: URL) {
        let folder = root.appendingPathComponent("run/qemu")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files where file.hasSuffix(".pid") && file != "driver.pid" {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1,
                  let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
                  command.contains("qemu-system") else { continue }
            kill(pid, SIGKILL)
        }
    }
}
