import Foundation

/// A `libvirtd` of the harness's own, for the admin API: its sockets in a private folder, no
/// authentication on them, and an empty driver folder so it loads no hypervisor driver (its
/// clients use the test driver through `test+unix:///default?socket=...`).
final class PrivateDaemon {
    /// The folder holding `libvirt-sock` and `libvirt-admin-sock`.
    let socketFolder: URL
    /// The running daemon.
    private let process: Process

    /// The daemon executable, when libvirt's daemon is installed.
    static var executable: URL? {
        let candidates = ["/usr/sbin/libvirtd", "/usr/local/sbin/libvirtd"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/libvirtd" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }

    /// Starts the daemon in `folder` and waits (up to ten seconds) for its admin socket.
    ///
    /// - Throws: `HarnessError` when it does not come up; its log is in `folder/libvirtd.log`.
    init(executable: URL, folder: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        let drivers = folder.appendingPathComponent("drivers")
        try manager.createDirectory(at: drivers, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("libvirtd.conf")
        try """
            unix_sock_dir = "\(folder.path)"
            auth_unix_rw = "none"
            auth_unix_ro = "none"

            """.write(to: config, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("libvirtd.log")
        _ = manager.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = executable
        process.arguments = ["-f", config.path, "-p", folder.appendingPathComponent("libvirtd.pid").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["LIBVIRT_DRIVER_DIR": drivers.path]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        socketFolder = folder
        try process.run()
        let admin = folder.appendingPathComponent("libvirt-admin-sock").path
        for _ in 0..<100 where !manager.fileExists(atPath: admin) && process.isRunning {
            Thread.sleep(forTimeInterval: 0.1)
        }
        guard manager.fileExists(atPath: admin) else {
            stop()
            throw HarnessError("the private libvirtd did not start; see \(log.path)")
        }
    }

    /// Stops the daemon and waits for it to exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
