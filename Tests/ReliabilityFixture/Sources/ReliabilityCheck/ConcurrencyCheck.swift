import Dispatch
import Foundation
import Libvirt

/// Part 3 of issue 9: `tasks` tasks × `operations` mixed operations on one shared `Connection`
/// (built with the thread sanitizer by `.ci/reliability-check`): every result and every error is
/// checked against what its call must give, and the connection's state is checked at the end.
enum ConcurrencyCheck {
    /// The number of shared, never-changed domains the lookups and `info()` calls use.
    static let sharedCount = 4

    /// Runs the check and prints its figures.
    ///
    /// - Throws: ``CheckFailure`` naming the first failed expectations.
    static func run(tasks: Int, operations: Int) async throws {
        let folder = try ScratchFolder("reliability-concurrency")
        defer { folder.remove() }
        let shared = (0..<sharedCount).map { ("shared-\($0)", "5eed0000-0000-4000-8000-00000000000\($0)") }
        let elements = shared.map { domainXML(name: $0.0, uuid: $0.1) }
            + (0..<tasks).map { domainXML(name: "own-\($0)") }
        let connection = try await Connection(uri: try folder.nodeURI(elements))
        // Works around a libvirt 9.0 race: when a driver's last event callback is deregistered
        // while another thread queues an event, that driver delivers no event ever again
        // (`virObjectEventStateQueueRemote` reads the flush timer without the lock, and a queue
        // that is not empty is never re-armed; reproduced in C by Reproductions/lost-events.c).
        // Without this registration, open for the whole run, the check loses every event after a
        // few hundred streams. It is of another kind than the streams the workers open.
        let keeper = try connection.domainEvents(.metadataChange)
        let started = ContinuousClock.now
        let tallies = await withTaskGroup(of: ConcurrencyWorker.Tally.self) { group in
            for index in 0..<tasks {
                let worker = ConcurrencyWorker(
                    connection: connection, index: index, shared: shared,
                    queue: DispatchQueue(label: "worker-\(index)"))
                // Odd workers run on the blocking pool itself: their calls take the no-hop path.
                let executor: (any TaskExecutor)? = index.isMultiple(of: 2) ? nil : BlockingPool.shared
                group.addTask(executorPreference: executor) {
                    await worker.run(operations: operations, seed: UInt64(0x5EED + index))
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = ContinuousClock.now - started
        withExtendedLifetime(keeper) {}
        var counts: [ConcurrencyOperation: Int] = [:]
        for tally in tallies { counts.merge(tally.counts, uniquingKeysWith: +) }
        let failures = tallies.flatMap(\.failures)
        let done = counts.values.reduce(0, +)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report("concurrency: \(tasks) tasks (\(tasks / 2) on the blocking pool as their executor) × \(operations) "
            + "operations on one connection: \(done) checked, "
            + "\(failures.count) failed, \(String(format: "%.1f", seconds)) s "
            + "(\(Int(Double(done) / seconds)) operations/s)")
        let mix = ConcurrencyOperation.allCases.map { "\($0.rawValue) \(counts[$0, default: 0])" }
        report("concurrency: " + mix.joined(separator: ", "))
        let firstFailures = failures.prefix(10).joined(separator: "\n  ")
        try require(failures.isEmpty, "\(failures.count) operations failed:\n  " + firstFailures)
        try require(done == tasks * operations, "\(done) operations completed, expected \(tasks * operations)")
        let names = try await connection.allDomains().map(\.name).sorted()
        let expected = (shared.map(\.0) + (0..<tasks).map { "own-\($0)" }).sorted()
        try require(names == expected, "the connection ends with domains \(names), expected \(expected)")
    }
}
