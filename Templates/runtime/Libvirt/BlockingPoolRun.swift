import Foundation

extension BlockingPool {
    /// Runs `body` on one of the pool's threads and returns its result to the calling task, which
    /// waits without blocking its own thread. The bindings' `async` functions run their synchronous
    /// counterparts this way; a program can do the same with any blocking call
    /// (`try await BlockingPool.current.run { try domain.cpuStats(startCPU: 0, count: 4) }`).
    ///
    /// - Parameter body: The blocking work; it runs at most once, on a pool thread.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or `CancellationError` when the task was cancelled before a
    ///   thread took the call (`body` then never runs). Once `body` runs, it runs to completion and
    ///   the task waits for it, cancelled or not.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await run(body, whenCancelledRunning: nil)
    }

    /// Runs `body`, a call that starts a libvirt job, on one of the pool's threads; cancelling the
    /// task while it runs aborts the job by calling `abort` (the C abort function, such as
    /// `virDomainAbortJob`, on the object) from a thread of its own, until libvirt accepts the
    /// abort or the call returns. The call then typically throws `LibvirtError.operationAborted`.
    package func run<T: Sendable>(
        abortingWith abort: @escaping @Sendable () -> Int32, _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await run(body) { [self] job in
            Thread.detachNewThread { [self] in keepAborting(job, with: abort) }
        }
    }

    /// Queues `body` as a job and waits for it; `whenCancelledRunning` runs (on the cancelling
    /// thread, which it must not block) when the task is cancelled while the job runs.
    private func run<T: Sendable>(
        _ body: @escaping @Sendable () throws -> T, whenCancelledRunning: (@Sendable (BlockingJob) -> Void)?
    ) async throws -> T {
        if ownsCurrentThread { return try await runHere(body, whenCancelledRunning: whenCancelledRunning) }
        let job = BlockingJob()
        let outcome = BlockingOutcome<T>()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                job.attach(work: { outcome.result = Result(catching: body) }, resume: { continuation.resume() })
                submit(job)
            }
        } onCancel: {
            if cancel(job) { whenCancelledRunning?(job) }
        }
        return try locked { outcome.result }.get()
    }

    /// Runs `body` on the calling thread, one of this pool's (its task prefers the pool as its
    /// executor), with the rules of a queued call: a cancelled task throws `CancellationError`
    /// without running it, and `whenCancelledRunning` runs when the task is cancelled meanwhile.
    private func runHere<T: Sendable>(
        _ body: @escaping @Sendable () throws -> T, whenCancelledRunning: (@Sendable (BlockingJob) -> Void)?
    ) async throws -> T {
        try Task.checkCancellation()
        guard let whenCancelledRunning else { return try body() }
        let job = BlockingJob()
        locked { job.phase = .running }
        defer { locked { job.phase = .finished } }
        return try await withTaskCancellationHandler {
            try body()
        } onCancel: {
            whenCancelledRunning(job)
        }
    }

    /// Calls `abort` while `job` runs, until libvirt accepts it. libvirt refuses the abort with
    /// `VIR_ERR_OPERATION_INVALID` when the call has not started its job yet (the cancellation
    /// came first), so that refusal is retried every 10 ms; any other refusal (a driver that
    /// cannot abort) ends the attempts.
    private func keepAborting(_ job: BlockingJob, with abort: @Sendable () -> Int32) {
        while isRunning(job) {
            do {
                try check(abort())
                return
            } catch LibvirtError.operationInvalid {
                Thread.sleep(forTimeInterval: 0.01)
            } catch {
                return
            }
        }
    }
}
