import Foundation
import Libvirt
import LibvirtAdmin

/// The admin API when its daemon dies: run by the admin check's child process after the
/// admin checks, it kills the daemon with SIGKILL (its process ID from the pid file) under an
/// open admin connection, and checks that the next admin call throws a ``LibvirtError`` (bounded
/// in time), that the connection reports itself dead, and that its close event arrives.
enum AdminFaultCheck {
    /// Runs the check against the daemon whose sockets and pid file are in `folder`.
    ///
    /// - Throws: ``CheckFailure`` on a hang, a missing close event, or a call that succeeds.
    static func run(socketFolder folder: String) async throws {
        let admin = try await AdminConnection(uri: "libvirtd:///system?socket=\(folder)/libvirt-admin-sock")
        let closeEvents = try admin.closeEvents()
        let reader = Task { await collect(1, from: closeEvents, within: 15) { "\($0)" } }
        let pidText = try String(contentsOfFile: folder + "/libvirtd.pid", encoding: .utf8)
        guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CheckFailure("the daemon's pid file holds '\(pidText)'")
        }
        let killed = ContinuousClock.now
        try require(kill(pid, SIGKILL) == 0, "kill(\(pid), SIGKILL) failed")
        let after = try bounded(10, "AdminConnection.servers() after the kill") { Result { try admin.servers().count } }
        guard case .failure(let error) = after, let libvirtError = error as? LibvirtError else {
            throw CheckFailure("AdminConnection.servers() after the kill gave \(after), expected a LibvirtError")
        }
        let alive = try bounded(10, "AdminConnection.isAlive after the kill") { try? admin.isAlive }
        try require(alive != true, "AdminConnection.isAlive is true after the kill")
        let close = await reader.value
        guard let reason = close.values.first else {
            throw CheckFailure("no admin close event within 15 s of the kill")
        }
        let delay = seconds(ContinuousClock.now - killed)
        report("admin: daemon killed under the admin connection: servers threw \(libvirtError.code) "
            + "'\(libvirtError.message)', isAlive \(alive.map { "\($0)" } ?? "threw"), close event \(reason) "
            + "(\(String(format: "%.2f", delay)) s)")
    }
}
