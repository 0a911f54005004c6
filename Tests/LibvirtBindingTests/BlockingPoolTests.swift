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
        try await waitUntil("the blocker runs") { pool.busyThreadCount == 1 }

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
        try await waitUntil("the pool is idle") { pool.busyThreadCount == 0 }
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
