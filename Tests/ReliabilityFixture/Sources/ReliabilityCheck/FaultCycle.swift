import Foundation
import Libvirt

/// One kill/restart cycle of the fault check: start the daemon, open a connection and check it
/// works, open a close-event stream and a lifecycle stream and check events arrive, start calls
/// on four threads, kill the daemon with SIGKILL in the middle of them, then check that every
/// thread's calls ended with a ``LibvirtError`` (no hang, no crash), that the close event
/// arrived, that the event stream ended, and that a later call throws at once.
struct FaultCycle {
    /// What a cycle measured.
    struct Figures: Sendable {
        /// Calls that succeeded (or failed as they had to) before the kill.
        var callsBefore = 0
        /// Calls that threw a ``LibvirtError`` because of the kill (one per thread, plus the call
        /// made after the kill).
        var failedAsExpected = 0
        /// Of those, calls that had started before the kill (in flight when it came).
        var inFlight = 0
        /// The errors, as `code: message`.
        var errors: [String] = []
        /// The close event's reason.
        var closeReason = ""
        /// Seconds from the kill to the close event.
        var closeDelay = 0.0
        /// Seconds from the kill to the end of the event stream.
        var streamEndDelay = 0.0
        /// Seconds the whole cycle took, daemon start included.
        var seconds = 0.0
    }

    /// The daemon the cycle kills.
    let daemon: PrivateDaemon
    /// The cycle's number, which names its domain.
    let number: Int

    /// Runs the cycle.
    ///
    /// - Throws: ``CheckFailure`` on a hang, a wrong result, a missing event or an error of
    ///   another type.
    func run() async throws -> Figures {
        let started = ContinuousClock.now
        var figures = Figures()
        try daemon.start()
        let uri = daemon.uri
        let connection = try bounded(10, "Connection(uri: \(uri))") { try Connection(uri: uri) }
        let state = try bounded(10, "domain(named: test).info()") { try connection.domain(named: "test").info().state }
        try require(state == .running, "domain test is \(state) on the restarted daemon")
        let (closeEvents, events) = try bounded(10, "closeEvents() and domainEvents(.lifecycle)") {
            (try connection.closeEvents(), try connection.domainEvents(.lifecycle))
        }
        try await checkEventsArrive(on: connection)

        let closeReader = Task {
            await collect(1, from: closeEvents, within: 20) { reason in ("\(reason)", ContinuousClock.now) }
        }
        let streamReader = Task {
            let read = await collect(Int.max, from: events, within: 20) { _ in 0 }
            return (read, ContinuousClock.now)
        }
        let calls = CallsUnderFault(connection, threads: 4)
        try await Task.sleep(for: .milliseconds(100))
        let killed = ContinuousClock.now
        daemon.kill()

        guard let outcomes = calls.wait(seconds: 15) else {
            throw CheckFailure("hang: calls in flight when the daemon was killed did not return within 15 s")
        }
        for outcome in outcomes {
            if let wrong = outcome.wrong { throw CheckFailure("a call under fault: \(wrong)") }
            guard let error = outcome.libvirtError else {
                throw CheckFailure("a calling thread ended without an error")
            }
            figures.callsBefore += outcome.succeeded
            figures.failedAsExpected += 1
            if outcome.lastCallStarted < killed { figures.inFlight += 1 }
            figures.errors.append(error)
        }
        let after = try bounded(5, "allDomains() after the kill") { Result { try connection.allDomains().count } }
        guard case .failure(let error) = after, let libvirtError = error as? LibvirtError else {
            throw CheckFailure("allDomains() after the kill gave \(after), expected a LibvirtError")
        }
        figures.failedAsExpected += 1
        figures.errors.append("\(libvirtError.code): \(libvirtError.message)")

        let close = await closeReader.value
        guard let (reason, arrived) = close.values.first else {
            throw CheckFailure("no close event within 20 s of the kill (stream \(close.ended ? "ended" : "open"))")
        }
        figures.closeReason = reason
        figures.closeDelay = seconds(arrived - killed)
        let (read, ended) = await streamReader.value
        try require(read.ended, "the lifecycle event stream did not end within 20 s of the kill")
        try require(read.values.count == 2, "the lifecycle stream delivered \(read.values.count) events, expected 2")
        figures.streamEndDelay = seconds(ended - killed)
        figures.seconds = seconds(ContinuousClock.now - started)
        return figures
    }

    /// Defines and undefines a domain and checks both lifecycle events arrive on a stream of
    /// their own (which shares its libvirt registration with the cycle's lifecycle stream).
    private func checkEventsArrive(on connection: Connection) async throws {
        let name = "fault-\(number)"
        let probe = try bounded(10, "domainEvents(.lifecycle)") { try connection.domainEvents(.lifecycle) }
        try bounded(10, "defineDomain(xml:) and undefine()") {
            try connection.defineDomain(xml: domainXML(name: name)).undefine()
        }
        let read = await collect(2, from: probe, within: 10) { event -> String? in
            guard case .lifecycle(let domain, let type, _) = event, domain.name == name else { return nil }
            return "\(type)"
        }
        try require(read.values == ["defined", "undefined"], "lifecycle events before the kill: \(read.values)")
    }
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
