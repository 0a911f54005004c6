import Foundation

/// A `libvirtd` of a test's own, as `.ci/reliability-check` runs one (see
/// `Tests/ReliabilityFixture/Sources/ReliabilityCheck/PrivateDaemon.swift`): sockets,
/// configuration, pid file and log in a private folder, no authentication, and an empty driver
/// folder so it loads no hypervisor driver; clients use its test driver through
/// ``uri``. It never touches the system's paths, and it is killed when released.
final class PrivateDaemon {
    /// The folder holding the configuration, the sockets, the pid file and the log (short: a unix
    /// socket path has at most 107 bytes).
    let folder = URL(fileURLWithPath: "/tmp/lvd-\(UUID().uuidString.prefix(8).lowercased())", isDirectory: true)
    /// The running daemon.
    private let process = Process()

    /// The URI of a client connection to the daemon's test driver.
    var uri: String { "test+unix:///default?socket=\(folder.path)/libvirt-sock" }

    /// Whether `libvirtd` is installed, which tests using a daemon need.
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The daemon executable.
    private static let executable = "/usr/sbin/libvirtd"

    /// Starts the daemon and waits (up to ten seconds) for its socket.
    ///
    /// - Throws: When it cannot start or its socket does not appear; its log is in the folder.
    init() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("drivers"), withIntermediateDirectories: true)
        let configuration = folder.appendingPathComponent("libvirtd.conf")
        try """
            unix_sock_dir = "\(folder.path)"
            auth_unix_rw = "none"
            auth_unix_ro = "none"

            """.write(to: configuration, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("libvirtd.log")
        _ = manager.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["-f", configuration.path, "-p", folder.appendingPathComponent("libvirtd.pid").path]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["LIBVIRT_DRIVER_DIR": folder.appendingPathComponent("drivers").path]) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let socket = folder.appendingPathComponent("libvirt-sock").path
        for _ in 0..<200 where !manager.fileExists(atPath: socket) && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard manager.fileExists(atPath: socket) else {
            kill()
            throw DaemonFailure(message: "the private libvirtd did not start; see \(log.path)")
        }
    }

    /// Stops the daemon (SIGSTOP): its sockets stay open and nothing answers.
    func pause() {
        Foundation.kill(process.processIdentifier, SIGSTOP)
    }

    /// Lets a paused daemon go on (SIGCONT).
    func resume() {
        Foundation.kill(process.processIdentifier, SIGCONT)
    }

    /// Kills the daemon with SIGKILL (a fault, which is what the tests want) and waits for it to exit.
    func kill() {
        guard process.processIdentifier != 0 else { return }  // never launched
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            Foundation.kill(process.processIdentifier, SIGCONT)
        }
        process.waitUntilExit()
    }

    /// Kills the daemon, if it runs, and removes its folder.
    deinit {
        kill()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The private daemon did not start.
struct DaemonFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let message: String

    /// The message.
    var description: String { message }
}
