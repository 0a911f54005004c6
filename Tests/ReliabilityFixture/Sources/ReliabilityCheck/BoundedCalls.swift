import Dispatch
import Foundation

/// Runs `body` on a thread of its own and waits at most `seconds` for it, so that a blocking
/// libvirt call that never returns fails the check instead of hanging it.
///
/// A call that times out is abandoned (its thread keeps running); the check then fails and the
/// program exits.
///
/// - Parameter seconds: How long to wait.
/// - Parameter what: The call, for the failure message.
/// - Parameter body: The blocking work.
/// - Returns: What `body` returned.
/// - Throws: What `body` threw, or ``CheckFailure`` when it did not return in time.
func bounded<Value: Sendable>(
    _ seconds: Double, _ what: String, _ body: @escaping @Sendable () throws -> Value
) throws -> Value {
    let outcome = Guarded<Result<Value, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let result = Result { try body() }
        outcome.withLock { $0 = result }
        done.signal()
    }
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success else {
        throw CheckFailure("hang: \(what) did not return within \(seconds) s")
    }
    return try outcome.withLock { $0! }.get()
}

/// Runs `body` on `queue` and resumes the calling task with its result, so that blocking libvirt
/// calls of several tasks run on as many threads at once (the cooperative pool has one thread
/// per core).
///
/// - Parameter queue: A serial queue owned by the calling task.
/// - Parameter body: The blocking work.
/// - Returns: What `body` returned.
/// - Throws: What `body` threw.
func onQueue<Value: Sendable>(
    _ queue: DispatchQueue, _ body: @escaping @Sendable () throws -> Value
) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        queue.async { continuation.resume(with: Result { try body() }) }
    }
}

/// Waits up to `seconds` for `task`'s value; nil when time ran out (the task is left running).
///
/// - Parameter task: The task to wait for.
/// - Parameter seconds: The time limit.
func value<Value: Sendable>(of task: Task<Value, Never>, within seconds: Double) async -> Value? {
    let pending = Guarded<CheckedContinuation<Value?, Never>?>(nil)
    return await withCheckedContinuation { continuation in
        pending.withLock { $0 = continuation }
        Task {
            let value = await task.value
            pending.withLock { $0.take() }?.resume(returning: value)
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            pending.withLock { $0.take() }?.resume(returning: nil)
        }
    }
}
