import Foundation

/// A `libvirtd` of its own, for the harness's admin checks and for tests of daemon faults: its
/// configuration, sockets, pid file and log in a private folder, no authentication on the sockets,
/// and an empty driver folder so it loads no hypervisor driver (clients use the test driver
/// through ``uri``). It never touches the system's paths; it is killed when released.
public final class PrivateDaemon {
    /// The folder holding the configuration, `libvirt-sock`, `libvirt-admin-sock`, the pid file and
    /// `libvirtd.log` (short by default: a unix socket path has at most 107 bytes).
    public let folder: URL
    /// Whether the folder is this daemon's own, removed with it.
    private let ownsFolder: Bool
    /// The running daemon.
    private let process = Process()

    /// The URI of a client connection to the daemon's test driver.
    public var uri: String { "test+unix:///default?socket=\(folder.path)/libvirt-sock" }

    /// The daemon executable, when libvirt's daemon is installed.
    public static var executable: URL? {
        let candidates = ["/usr/sbin/libvirtd", "/usr/local/sbin/libvirtd"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/libvirtd" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }

    /// Whether `libvirtd` is installed, which a daemon needs.
    public static var isAvailable: Bool { executable != nil }

    /// Starts the daemon in `folder` (emptied first), or in a new folder under `/tmp`, and waits
    /// (up to ten seconds) for both of its sockets.
    ///
    /// - Throws: `HarnessError` when libvirtd is not installed or does not come up; its log is in
    ///   `folder/libvirtd.log`.
    public init(folder: URL? = nil) throws {
        guard let executable = Self.executable else { throw HarnessError("libvirtd is not installed") }
        self.folder = folder ?? URL(fileURLWithPath: "/tmp/lvd-\(UUID().uuidString.prefix(8).lowercased())", isDirectory: true)
        ownsFolder = folder == nil
        let manager = FileManager.default
        try? manager.removeItem(at: self.folder)
        let drivers = self.folder.appendingPathComponent("drivers")
        try manager.createDirectory(at: drivers, withIntermediateDirectories: true)
        let configuration = self.folder.appendingPathComponent("libvirtd.conf")
        try """
            unix_sock_dir = "\(self.folder.path)"
            auth_unix_rw = "none"
            auth_unix_ro = "none"

            """.write(to: configuration, atomically: true, encoding: .utf8)
        let log = self.folder.appendingPathComponent("libvirtd.log")
        _ = manager.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.executableURL = executable
        process.arguments = ["-f", configuration.path, "-p", self.folder.appendingPathComponent("libvirtd.pid").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["LIBVIRT_DRIVER_DIR": drivers.path]) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let sockets = ["libvirt-sock", "libvirt-admin-sock"].map { self.folder.appendingPathComponent($0).path }
        for _ in 0..<200 where !sockets.allSatisfy(manager.fileExists(atPath:)) && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard sockets.allSatisfy(manager.fileExists(atPath:)) else {
            kill()
            throw HarnessError("the private libvirtd did not start; see \(log.path)")
        }
    }

    /// Stops the daemon (SIGSTOP): its sockets stay open and nothing answers.
    public func pause() {
        Foundation.kill(process.processIdentifier, SIGSTOP)
    }

    /// Lets a paused daemon go on (SIGCONT).
    public func resume() {
        Foundation.kill(process.processIdentifier, SIGCONT)
    }

    /// Ends the daemon as libvirt's service manager would (SIGTERM) and waits for it to exit.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        Foundation.kill(process.processIdentifier, SIGCONT)
        process.waitUntilExit()
    }

    /// Kills the daemon with SIGKILL (a fault, as tests of faults want) and waits for it to exit.
    public func kill() {
        guard process.processIdentifier != 0 else { return }  // never launched
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            Foundation.kill(process.processIdentifier, SIGCONT)
        }
        process.waitUntilExit()
    }

    /// Kills the daemon, if it runs, and removes its folder when it made it.
    deinit {
        kill()
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }
}
