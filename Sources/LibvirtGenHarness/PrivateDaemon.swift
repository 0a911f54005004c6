import Foundation

/// A `libvirtd` of its own, for the harness's admin checks, the binding tests' daemon faults and
/// the reliability checks: configuration, sockets, pid file and log in a private folder, no
/// authentication on the sockets, and an empty driver folder so it loads no hypervisor driver;
/// clients use its test driver through ``uri`` and its admin interface through ``adminURI``. It
/// never touches the system's paths, and it is killed when released.
///
/// `Tests/LibvirtBindingTests` and `Tests/ReliabilityFixture` compile this same file through
/// symlinks: the memory and reliability fixtures build those tests and checks without the
/// generator's targets.
public final class PrivateDaemon {
    /// The folder holding the configuration, the sockets, the pid file and the log.
    public let folder: URL
    /// The daemon executable.
    public let executable: URL
    /// Whether the folder was made for this daemon alone, and goes with it.
    private let ownsFolder: Bool
    /// The running daemon, if any.
    private var process: Process?

    /// The URI of a client connection to the daemon's test driver.
    public var uri: String { "test+unix:///default?socket=\(folder.path)/libvirt-sock" }
    /// The URI of an admin connection to the daemon.
    public var adminURI: String { "libvirtd:///system?socket=\(folder.path)/libvirt-admin-sock" }
    /// The daemon's log (its standard output and error, across restarts).
    public var log: URL { folder.appendingPathComponent("libvirtd.log") }

    /// The daemon executable, when libvirt's daemon is installed.
    public static var installedExecutable: URL? {
        let candidates = ["/usr/sbin/libvirtd", "/usr/local/sbin/libvirtd"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/libvirtd" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }

    /// Whether libvirt's daemon is installed, which a private daemon needs.
    public static var isAvailable: Bool { installedExecutable != nil }

    /// Prepares the daemon's folder (other files in it are left alone) and its configuration;
    /// starts nothing. Without a folder, a new one under `/tmp` (short, since a unix socket path
    /// has at most 107 bytes) that is removed with the daemon.
    ///
    /// - Throws: ``PrivateDaemonError`` when libvirtd is not installed or the folder cannot be written.
    public init(folder: URL? = nil) throws {
        guard let executable = Self.installedExecutable else {
            throw PrivateDaemonError("libvirtd is not installed (apt-get install libvirt-daemon)")
        }
        self.executable = executable
        self.folder = folder ?? URL(fileURLWithPath: "/tmp/lvd-\(UUID().uuidString.prefix(8).lowercased())", isDirectory: true)
        ownsFolder = folder == nil
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: self.folder.appendingPathComponent("drivers"), withIntermediateDirectories: true)
            try """
                unix_sock_dir = "\(self.folder.path)"
                auth_unix_rw = "none"
                auth_unix_ro = "none"

                """.write(to: self.folder.appendingPathComponent("libvirtd.conf"), atomically: true, encoding: .utf8)
        } catch {
            throw PrivateDaemonError("cannot prepare the private libvirtd's folder \(self.folder.path): \(error)")
        }
    }

    /// Starts (or, after ``kill()``, restarts) the daemon and waits up to ten seconds for both its sockets.
    ///
    /// - Throws: ``PrivateDaemonError`` when it does not come up; its log says why.
    public func start() throws {
        let manager = FileManager.default
        let sockets = ["libvirt-sock", "libvirt-admin-sock"].map { folder.appendingPathComponent($0).path }
        for socket in sockets { try? manager.removeItem(atPath: socket) }
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
            throw PrivateDaemonError("the private libvirtd did not start; see \(log.path)")
        }
    }

    /// Stops the daemon (SIGSTOP): its sockets stay open and nothing answers.
    public func pause() {
        if let process { Foundation.kill(process.processIdentifier, SIGSTOP) }
    }

    /// Lets a paused daemon go on (SIGCONT).
    public func resume() {
        if let process { Foundation.kill(process.processIdentifier, SIGCONT) }
    }

    /// Kills the daemon with SIGKILL, paused or not, and waits for it to exit. SIGKILL because a
    /// fault is what the tests want, and the child may inherit a signal mask that blocks SIGTERM.
    public func kill() {
        guard let process else { return }
        self.process = nil
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            Foundation.kill(process.processIdentifier, SIGCONT)
        }
        process.waitUntilExit()
    }

    /// Kills the daemon, if it runs, and removes its folder if it made it.
    deinit {
        kill()
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }
}

/// A private daemon could not be prepared or started.
public struct PrivateDaemonError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
