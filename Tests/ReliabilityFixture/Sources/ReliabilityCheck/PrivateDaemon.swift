import Foundation

/// A `libvirtd` of the check's own: its sockets, configuration, pid file and log in a private
/// folder, no authentication on the sockets, and an empty driver folder so it loads no
/// hypervisor driver (its clients use the test driver through `test+unix:///default?socket=...`).
/// It never touches the system's paths.
final class PrivateDaemon {
    /// The folder holding the configuration, the sockets, the pid file and the log.
    let folder: URL
    /// The daemon executable.
    let executable: URL
    /// The running daemon, if any.
    private var process: Process?

    /// The URI of a client connection to the daemon's test driver.
    var uri: String { "test+unix:///default?socket=\(folder.path)/libvirt-sock" }
    /// The URI of an admin connection to the daemon.
    var adminURI: String { "libvirtd:///system?socket=\(folder.path)/libvirt-admin-sock" }

    /// Prepares the folder; starts nothing.
    ///
    /// - Throws: ``CheckFailure`` when libvirtd is not installed.
    init(folder: URL) throws {
        let candidates = ["/usr/sbin/libvirtd", "/usr/local/sbin/libvirtd"]
        guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw CheckFailure("libvirtd is not installed (apt-get install libvirt-daemon)")
        }
        executable = URL(fileURLWithPath: path)
        self.folder = folder
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("drivers"), withIntermediateDirectories: true)
        try """
            unix_sock_dir = "\(folder.path)"
            auth_unix_rw = "none"
            auth_unix_ro = "none"

            """.write(to: folder.appendingPathComponent("libvirtd.conf"), atomically: true, encoding: .utf8)
    }

    /// Starts the daemon and waits (up to ten seconds) for both its sockets.
    ///
    /// - Throws: ``CheckFailure`` when it does not come up; its log is in the folder.
    func start() throws {
        let manager = FileManager.default
        let sockets = ["libvirt-sock", "libvirt-admin-sock"].map { folder.appendingPathComponent($0).path }
        for socket in sockets { try? manager.removeItem(atPath: socket) }
        let log = folder.appendingPathComponent("libvirtd.log")
        if !manager.fileExists(atPath: log.path) { _ = manager.createFile(atPath: log.path, contents: nil) }
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "-f", folder.appendingPathComponent("libvirtd.conf").path,
            "-p", folder.appendingPathComponent("libvirtd.pid").path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["LIBVIRT_DRIVER_DIR": folder.appendingPathComponent("drivers").path]) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        for _ in 0..<200 where !sockets.allSatisfy(manager.fileExists(atPath:)) && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard sockets.allSatisfy(manager.fileExists(atPath:)) else {
            kill()
            throw CheckFailure("the private libvirtd did not start; see \(log.path)")
        }
    }

    /// Kills the daemon with SIGKILL (the child may inherit a signal mask that blocks SIGTERM,
    /// and a fault is what the checks want) and waits for it to exit.
    func kill() {
        guard let process else { return }
        self.process = nil
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Kills the daemon, if it runs.
    deinit {
        kill()
    }
}
