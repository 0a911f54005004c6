import Foundation
import Libvirt
import Testing

/// `try await Connection(uri:)` against a host that accepts and never answers (issue 16): the
/// calls wait on the blocking pool's threads, the cooperative pool keeps running other tasks,
/// cancelling cannot interrupt a call already running, and once the socket closes every call
/// returns and no pool thread stays busy.
@Suite("Hanging connections")
struct HangingConnectionTests {
    /// How many opens hang at once: the size of the test's own pool.
    static let opens = 16

    /// 16 concurrent opens through a silent socket, called from an executor with two threads (as
    /// many as Swift's cooperative pool has on this machine, but none of other suites' work) on
    /// which a probe job is queued every 10 ms: no probe waits more than 100 ms for a thread; a 17th open, waiting for a thread, is
    /// cancelled at once without starting; cancelling the 16 leaves them running until the socket
    /// closes; then all 16 fail within seconds and the pool's threads are idle again.
    @Test("16 hanging opens do not stall the cooperative pool, and end when the socket closes")
    func hangingOpens() async throws {
        let socket = try SilentSocket()
        defer { socket.close() }
        let uri = "test+unix:///default?socket=\(socket.path)"
        let pool = BlockingPool(size: Self.opens)
        let executor = TestExecutor(threads: 2, name: "hanging-opens")
        defer { executor.shutdown() }
        let ticker = Task { await executor.worstStartLatency() }

        let opens = Task(executorPreference: executor) {
            await BlockingPool.$current.withValue(pool) {
                await withTaskGroup(of: (any Error)?.self) { group in
                    for _ in 0..<Self.opens {
                        group.addTask {
                            do {
                                _ = try await Connection(uri: uri)
                                return nil
                            } catch {
                                return error
                            }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
            }
        }
        try await waitFor("all \(Self.opens) opens run on the pool") { pool.busyThreadCount == Self.opens }
        try await Task.sleep(for: .milliseconds(300))

        let waiting = Task(executorPreference: executor) {
            try await BlockingPool.$current.withValue(pool) { _ = try await Connection(uri: uri) }
        }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(pool.startedThreadCount == Self.opens)

        opens.cancel()
        try await Task.sleep(for: .milliseconds(100))
        #expect(pool.busyThreadCount == Self.opens, "a running open cannot be interrupted")

        socket.close()
        try await waitFor("the opens return") { pool.busyThreadCount == 0 }
        let errors = await opens.value
        #expect(errors.count == Self.opens)
        #expect(errors.allSatisfy { $0 is LibvirtError }, "\(errors)")
        #expect(pool.threadCount == Self.opens)

        ticker.cancel()
        let lateness = await ticker.value
        #expect(lateness < .milliseconds(100), "a probe waited \(lateness) for a thread")
    }
}

/// Polls `condition` every 10 ms for up to `limit`; throws naming `what` when it never holds.
///
/// The limit only guards against a hang, so it is long: the whole test run shares the cooperative
/// threads (two on a two-core machine) with the synchronous tests, which can hold them all for
/// more than a minute (the generator tests computing the reference package and site once while
/// the others wait for it, QEMU guests starting and saving); a task polling or about to start
/// gets no thread meanwhile. A fresh-clone CI run under load once waited 60 s this way.
func waitFor(_ what: String, within limit: Duration = .seconds(300), _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition() {
        guard ContinuousClock.now < deadline else { throw WaitTimeout(description: "timed out waiting until \(what)") }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// A condition ``waitFor(_:within:_:)`` waited for did not come.
struct WaitTimeout: Error, CustomStringConvertible {
    /// What was waited for.
    let description: String
}
