import Foundation
import Libvirt
import Testing

/// The blocking pool the `async` API runs libvirt's calls on (issue 16): a call cancelled before
/// a thread takes it never runs, and many concurrent calls run on at most the pool's size of
/// threads.
@Suite("Blocking pool")
struct BlockingPoolTests {
    /// A call queued behind a busy one-thread pool and cancelled throws `CancellationError` at
    /// once, while the thread is still busy, and never runs; so does a call made by a task that
    /// was cancelled already.
    @Test("a call cancelled before it starts never runs")
    func cancelledBeforeStart() async throws {
        let pool = BlockingPool(size: 1)
        let release = DispatchSemaphore(value: 0)
        let ran = Flag()
        let blocker = Task { try await pool.run { release.wait() } }
        try await waitFor("the blocker runs") { pool.busyThreadCount == 1 }

        let queued = Task { try await pool.run { ran.set() } }
        try await Task.sleep(for: .milliseconds(50))
        queued.cancel()
        await #expect(throws: CancellationError.self) { try await queued.value }
        #expect(pool.busyThreadCount == 1)

        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await pool.run { ran.set() }
        }
        await #expect(throws: CancellationError.self) { try await early.value }

        release.signal()
        try await blocker.value
        try await waitFor("the pool is idle") { pool.busyThreadCount == 0 }
        #expect(!ran.isSet)
        #expect(pool.startedThreadCount == 1)
    }

    /// A generated `async` method called by a cancelled task throws `CancellationError` without
    /// calling libvirt.
    @Test("a cancelled task's generated async call throws CancellationError")
    func cancelledGeneratedCall() async throws {
        let connection = try await Connection(uri: defaultTestURI)
        let domain = try await connection.domain(named: "test")
        let call = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await domain.info()
        }
        await #expect(throws: CancellationError.self) { try await call.value }
    }

    /// 1,000 concurrent `try await domain.info()` complete on the shared pool, which never runs
    /// more threads than its size (16 unless `LIBVIRT_SWIFT_BLOCKING_THREADS` says otherwise).
    @Test("1,000 concurrent awaited calls run on a bounded pool")
    func thousandConcurrentCalls() async throws {
        let name = uniqueName("many")
        try await withAsyncTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let states = try await withThrowingTaskGroup(of: Domain.State.self) { group in
                for _ in 0..<1000 { group.addTask { try await domain.info().state } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(states.count == 1000)
            #expect(states.allSatisfy { $0 == .running })
            let pool = BlockingPool.shared
            #expect(pool.startedThreadCount <= pool.size)
            #expect(pool.threadCount <= pool.size)
            if ProcessInfo.processInfo.environment[BlockingPool.sizeVariable] == nil {
                #expect(pool.size == BlockingPool.defaultSize)
            }
        }
    }

    /// A task that prefers a pool as its executor runs on the pool's threads, and its awaited
    /// calls run right there: they queue no job, where the same calls from the cooperative pool
    /// queue one each.
    @Test("a task on the pool's executor makes its calls without a hop")
    func callsOnThePoolsExecutor() async throws {
        let pool = BlockingPool(size: 2)
        let connection = try await Connection(uri: defaultTestURI)
        let domain = try await connection.domain(named: "test")
        try await BlockingPool.$current.withValue(pool) {
            let queued = try await withTaskExecutorPreference(pool) {
                let before = pool.submittedJobCount
                for _ in 0..<100 { #expect(try await domain.info().state == .running) }
                #if os(Linux)
                let thread = try await pool.run { try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8) }
                #expect(thread.hasPrefix("libvirt-pool-"))
                #endif
                return pool.submittedJobCount - before
            }
            #expect(queued == 0, "\(queued) jobs queued for the calls on the pool's executor")
            let before = pool.submittedJobCount
            for _ in 0..<100 { _ = try await domain.info() }
            #expect(pool.submittedJobCount - before == 100)
        }
        #expect(pool.startedThreadCount <= 2)
    }

    /// On the pool's executor, a call made by a cancelled task throws `CancellationError` and
    /// never runs, as a queued one does.
    @Test("a cancelled task on the pool's executor does not make its call")
    func cancelledOnThePoolsExecutor() async throws {
        let pool = BlockingPool(size: 1)
        let ran = Flag()
        let task = Task(executorPreference: pool) {
            withUnsafeCurrentTask { $0?.cancel() }
            try await pool.run { ran.set() }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!ran.isSet)
    }

    #if os(Linux)
    /// The runtime's threads carry their names where debuggers and `top -H` read them (the
    /// kernel's, which Foundation on Linux never set from a name given before `start()`).
    @Test("the event-loop and pool threads are named")
    func threadNames() async throws {
        let pool = BlockingPool(size: 1)
        let own = try await pool.run { try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8) }
        #expect(own.hasPrefix("libvirt-pool-"))
        _ = try await Connection(uri: defaultTestURI)
        // The event-loop thread names itself when it starts, which may be after the first open.
        try await waitFor("a thread is named libvirt-events", within: .seconds(10)) {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
            return tasks.contains { task in
                (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) == "libvirt-events\n"
            }
        }
    }
    #endif

    /// The pool's size can be changed, and is at least 1.
    @Test("size")
    func size() {
        let pool = BlockingPool(size: 0)
        #expect(pool.size == 1)
        pool.size = 4
        #expect(pool.size == 4)
        #expect(pool.threadCount == 0)
    }
}

/// A Boolean set once from any thread.
final class Flag: @unchecked Sendable {
    /// Guards `value`.
    private let lock = NSLock()
    /// Whether ``set()`` was called.
    private var value = false

    /// Sets the flag.
    func set() {
        lock.withLock { value = true }
    }

    /// Whether the flag is set.
    var isSet: Bool {
        lock.withLock { value }
    }
}
