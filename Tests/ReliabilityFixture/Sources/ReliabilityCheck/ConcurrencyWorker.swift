import Dispatch
import Foundation
import Libvirt

/// One of the concurrency check's tasks: runs a seeded mix of operations on the shared
/// connection and checks every result and every error against what that call must give.
///
/// Blocking calls run on the worker's own serial queue, or, for lookups and `info()`, through the
/// bindings' `async` API on the blocking pool, so the tasks' libvirt calls really run on several
/// threads at once, and one task's calls hop between threads (libvirt keeps its last error per
/// thread: a wrong copy would show up as an error of the wrong code or subject). Every other worker
/// runs on the blocking pool as its task executor, where those `async` calls run on the pool
/// thread the task is on instead of hopping.
struct ConcurrencyWorker: Sendable {
    /// The connection every worker shares.
    let connection: Connection
    /// The worker's number.
    let index: Int
    /// The shared domains: name and UUID, running, never changed.
    let shared: [(name: String, uuid: String)]
    /// The queue the worker's blocking calls run on.
    let queue: DispatchQueue

    /// The name of the worker's own domain (running; only this worker changes it).
    var ownName: String { "own-\(index)" }

    /// What a worker did: operations per kind and the expectations that failed.
    struct Tally: Sendable {
        /// Completed operations per kind.
        var counts: [ConcurrencyOperation: Int] = [:]
        /// Failed expectations, in order.
        var failures: [String] = []
    }

    /// Runs `operations` operations picked with the seed `seed`; stops at the first failure, so
    /// that lost events cannot make every later stream wait out its time limit.
    func run(operations: Int, seed: UInt64) async -> Tally {
        var generator = SplitMix(seed: seed)
        var tally = Tally()
        var softLimit: UInt64 = 9_007_199_254_740_991  // VIR_DOMAIN_MEMORY_PARAM_UNLIMITED
        for step in 0..<operations {
            let operation = ConcurrencyOperation.random(using: &generator)
            let pick = Int.random(in: 0..<shared.count, using: &generator)
            do {
                try await perform(operation, step: step, pick: pick, softLimit: &softLimit)
                tally.counts[operation, default: 0] += 1
            } catch {
                tally.failures.append("task \(index) step \(step) \(operation): \(error)")
                break
            }
        }
        return tally
    }

    /// Performs one operation and checks its outcome.
    private func perform(
        _ operation: ConcurrencyOperation, step: Int, pick: Int, softLimit: inout UInt64
    ) async throws {
        let connection = connection
        let tag = "\(index)-\(step)"
        switch operation {
        case .lookupExisting:
            let (name, uuid) = shared[pick]
            let domain = try await connection.domain(named: name)
            let found = (domain.name, try domain.uuid.uuidString.lowercased())
            try require(found == (name, uuid), "domain(named: \(name)) gave \(found)")
        case .lookupMissingName:
            try await onQueue(queue) {
                try expectError(.noDomain, "domain(named: missing-\(tag))") {
                    _ = try connection.domain(named: "missing-\(tag)")
                }
            }
        case .lookupMissingUUID:
            let uuid = "ffffffff-0000-4000-8000-\(String(format6: index))\(String(format6: step))"
            try await onQueue(queue) {
                try expectError(.noDomain, "domain(uuid: \(uuid))") {
                    _ = try connection.domain(uuid: UUID(uuidString: uuid)!)
                }
            }
        case .info:
            let name = shared[pick].name
            let info = try await connection.domain(named: name).info()
            try require(
                info.state == .running && info.memory == 8192 && info.virtualCPUCount == 1,
                "info() of \(name): \(info)")
        case .defineUndefine:
            try await onQueue(queue) { try defineAndUndefine("temporary-\(tag)") }
        case .typedGet:
            let expected = softLimit
            let value = try await onQueue(queue) {
                try connection.domain(named: ownName).memoryParameters()[.softLimit]
            }
            try require(
                value == .ullong(expected),
                "memoryParameters()[.softLimit] = \(String(describing: value)), expected \(expected)")
        case .typedSet:
            let limit = UInt64(1_000_000 + index * 100_000 + step)
            let value = try await onQueue(queue) {
                let domain = try connection.domain(named: ownName)
                try domain.setMemoryParameters([.softLimit: .ullong(limit)])
                return try domain.memoryParameters()[.softLimit]
            }
            try require(value == .ullong(limit), "soft limit read back \(String(describing: value)), set \(limit)")
            softLimit = limit
        case .typedSetRejected:
            try await onQueue(queue) {
                let key = "made_up_\(index)_\(step)"
                try expectError(.argumentUnsupported, naming: key, "setMemoryParameters([\(key): 1])") {
                    try connection.domain(named: ownName).setMemoryParameters(
                        [Domain.MemoryParameter(rawValue: key): .ullong(1)])
                }
            }
        case .eventStream:
            try await suspendAndResumeWithEvents()
        case .streamChurn:
            try await onQueue(queue) { _ = try connection.domainEvents(.lifecycle) }
        case .cancelledReader:
            let events = try await onQueue(queue) { try connection.domainEvents(.lifecycle) }
            let reader = Task {
                var count = 0
                for await _ in events { count += 1 }
                return count
            }
            reader.cancel()
            try require(await value(of: reader, within: 10) != nil, "a cancelled reader did not end within 10 s")
        }
    }

    /// Defines `name`, finds it, undefines it, and checks that it is gone.
    private func defineAndUndefine(_ name: String) throws {
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        try require(domain.name == name, "defineDomain(xml:) of \(name) gave \(domain.name)")
        let found = try connection.domain(named: name)
        try require(try found.uuid == domain.uuid, "domain(named: \(name)) gave another UUID")
        try require(try !found.isActive, "\(name) is active after define")
        try domain.undefine()
        try expectError(.noDomain, "domain(named: \(name)) after undefine") {
            _ = try connection.domain(named: name)
        }
    }

    /// Opens a lifecycle stream of the worker's own domain, suspends and resumes the domain, and
    /// checks that exactly `suspended` and `resumed` arrive; the stream then ends (cancelled).
    private func suspendAndResumeWithEvents() async throws {
        let connection = connection
        let ownName = ownName
        let events = try await onQueue(queue) {
            let domain = try connection.domain(named: ownName)
            let events = try connection.domainEvents(.lifecycle, domain: domain)
            try domain.suspend()
            try domain.resume()
            return events
        }
        let read = await collect(2, from: events, within: 20) { event -> String? in
            guard case .lifecycle(let domain, let type, _) = event else { return "other event" }
            return "\(domain.name) \(type)"
        }
        try require(
            !read.timedOut && !read.ended, "event stream: \(read.values) then \(read.timedOut ? "timed out" : "ended")")
        try require(read.values == ["\(ownName) suspended", "\(ownName) resumed"], "event stream gave \(read.values)")
    }
}

extension String {
    /// A number as six hexadecimal digits, for UUIDs no domain has.
    init(format6 value: Int) {
        let digits = String(value, radix: 16)
        self = String(repeating: "0", count: Swift.max(0, 6 - digits.count)) + digits
    }
}
