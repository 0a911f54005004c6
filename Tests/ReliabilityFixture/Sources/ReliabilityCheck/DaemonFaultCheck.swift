import Foundation
import Libvirt

/// Part 4 of issue 9: a private libvirtd killed with SIGKILL in the middle of calls and of event
/// streams, `cycles` times, restarted each time; then the admin API against the same daemon, in
/// a process of its own (libvirt 9.0 crashes when one process opens an admin connection after a
/// libvirt connection).
enum DaemonFaultCheck {
    /// Runs the cycles and the admin check and prints their figures.
    ///
    /// - Throws: ``CheckFailure`` naming the cycle that failed.
    static func run(cycles: Int) async throws {
        let folder = try ScratchFolder("reliability-daemon")
        defer { folder.remove() }
        let daemon = try PrivateDaemon(folder: folder.url)
        defer { daemon.kill() }
        var all: [FaultCycle.Figures] = []
        for number in 1...cycles {
            do {
                all.append(try await FaultCycle(daemon: daemon, number: number).run())
            } catch {
                daemon.kill()
                throw CheckFailure("cycle \(number) of \(cycles) (after \(all.count) survived): \(error)")
            }
        }
        summarize(all)
        try await runAdminCheck(daemon: daemon)
    }

    /// Prints the cycles' figures.
    private static func summarize(_ all: [FaultCycle.Figures]) {
        let times = all.map(\.seconds)
        let errors = Dictionary(all.flatMap(\.errors).map { ($0, 1) }, uniquingKeysWith: +)
        let reasons = Dictionary(all.map { ($0.closeReason, 1) }, uniquingKeysWith: +)
        report("faults: \(all.count) kill/restart cycles survived; \(all.map(\.callsBefore).reduce(0, +)) calls "
            + "succeeded before the kills, \(all.map(\.failedAsExpected).reduce(0, +)) failed with LibvirtError as "
            + "expected (\(all.map(\.inFlight).reduce(0, +)) of them in flight at the kill), 0 hung, 0 crashed")
        let mean = times.reduce(0, +) / Double(max(1, times.count))
        report("faults: per cycle \(format(times.min())) s min, \(format(mean)) s mean, "
            + "\(format(times.max())) s max; close event \(format(all.map(\.closeDelay).max())) s and stream end "
            + "\(format(all.map(\.streamEndDelay).max())) s after the kill at most")
        let closeReasons = reasons.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }
        report("faults: close reasons " + closeReasons.joined(separator: ", "))
        for (error, count) in errors.sorted(by: { $0.value > $1.value }) {
            report("faults: error × \(count): \(error)")
        }
    }

    /// Seconds with two decimals.
    private static func format(_ value: Double?) -> String {
        String(format: "%.2f", value ?? 0)
    }

    /// Restarts the daemon, holds a client connection to it, and runs this program's `admin`
    /// check in a child process against the daemon (up to 60 seconds); the child ends by killing
    /// the daemon under its admin connection.
    private static func runAdminCheck(daemon: PrivateDaemon) async throws {
        try daemon.start()
        let client = try await Connection(uri: daemon.uri)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["admin", daemon.folder.path]
        try child.run()
        let finished: Int32
        do {
            finished = try bounded(60, "the admin check's process") {
                child.waitUntilExit()
                return child.terminationStatus
            }
        } catch {
            kill(child.processIdentifier, SIGKILL)
            throw error
        }
        withExtendedLifetime(client) {}
        try require(finished == 0, "the admin check exited \(finished)")
    }
}
