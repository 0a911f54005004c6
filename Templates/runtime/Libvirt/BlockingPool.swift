import Foundation

/// The threads the bindings' `async` functions run libvirt's blocking calls on.
///
/// Every libvirt call blocks its thread until libvirt answers, which for a remote host is a
/// network round trip, and for a migration, a save or a guest-agent command may be minutes.
/// Swift concurrency's cooperative pool has about one thread per core, so a blocking call made
/// there stalls every other task. The `async` counterpart of a bindings function (same name and
/// labels, called with `await`) hands the call to a thread of this pool and suspends the calling
/// task until the call returns; the cooperative thread meanwhile runs other tasks.
///
/// A pool starts threads on demand, one per call waiting for a thread, up to ``size``, and keeps
/// them for the next calls; a call arriving while all of them are busy waits in a queue, first in
/// first out. The process-wide pool, ``shared``, has ``defaultSize`` threads unless the
/// environment variable `LIBVIRT_SWIFT_BLOCKING_THREADS` (``sizeVariable``) holds a positive
/// integer at its first use; ``size`` can be changed at any time. A task can run its calls on a
/// pool of its own (to keep slow hosts from using up the shared one) by binding ``current``:
/// `try await BlockingPool.$current.withValue(pool) { … }`. A task that runs many calls in a row can
/// run on the pool itself, which spares each call its hop (`withTaskExecutorPreference(pool)`, see
/// ``enqueue(_:)``).
///
/// Cancellation: a call whose task is cancelled while it waits for a thread never starts, and the
/// task throws `CancellationError` at once. A call already running cannot be interrupted (libvirt
/// has no way to), so the task waits for it to return, except for calls that start a libvirt job
/// (`Domain.save(to:)`, `coreDump`, `migrate`, ...), whose `async` form aborts the job
/// (`virDomainAbortJob`) when its task is cancelled: the call then fails with
/// `LibvirtError.operationAborted`.
///
/// Its mutable state is only accessed with `condition` locked, hence `@unchecked Sendable`.
public final class BlockingPool: @unchecked Sendable {
    /// The size of a pool nothing else sizes: 16 threads.
    ///
    /// The threads mostly wait for libvirt's answers rather than compute, so their number is not
    /// tied to the number of cores: it bounds how many calls are in flight at once. 16 lets a
    /// program keep three remote connections fully busy (a libvirt daemon serves at most five
    /// calls of one client at a time, its `max_client_requests`) with room for local calls, while
    /// costing little (a parked thread holds its stack's touched pages, some tens of KiB).
    public static let defaultSize = 16

    /// The environment variable that sizes ``shared`` at its first use: a positive integer.
    public static let sizeVariable = "LIBVIRT_SWIFT_BLOCKING_THREADS"

    /// The process-wide pool: ``defaultSize`` threads, or as many as ``sizeVariable`` says.
    public static let shared = BlockingPool(size: environmentSize ?? defaultSize)

    /// The pool the `async` functions of the current task use: ``shared``, unless the task or one
    /// it descends from bound another with `BlockingPool.$current.withValue(pool) { … }`.
    @TaskLocal public static var current: BlockingPool = .shared

    /// The size ``sizeVariable`` gives, if it holds a positive integer.
    private static var environmentSize: Int? {
        ProcessInfo.processInfo.environment[sizeVariable].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Guards every variable below; idle threads wait on it for jobs.
    private let condition = NSCondition()
    /// Jobs in submission order from `next` on; the ones before `next` were taken.
    private var queue: [BlockingJob] = []
    /// The index of the next job to take.
    private var next = 0
    /// The most threads the pool may run.
    private var limit: Int
    /// Threads running now (busy or idle).
    private var threads = 0
    /// Threads waiting for a job.
    private var idle = 0
    /// Threads running a job.
    private var busy = 0
    /// Threads started since the pool was created.
    private var started = 0
    /// Jobs queued since the pool was created.
    private var submitted = 0

    /// Creates a pool of at most `size` threads (at least 1); it starts none until the first call.
    public init(size: Int) {
        limit = max(1, size)
    }

    /// The most threads the pool runs (at least 1). Raising it lets waiting calls start at once;
    /// lowering it ends threads as they become idle.
    public var size: Int {
        get { locked { limit } }
        set {
            locked { limit = max(1, newValue) }
            condition.broadcast()
        }
    }

    /// How many threads the pool runs now, busy or idle.
    public var threadCount: Int { locked { threads } }

    /// How many of the pool's threads are running a call now.
    public var busyThreadCount: Int { locked { busy } }

    /// How many threads the pool has started since it was created (never more than ``size`` at once).
    public var startedThreadCount: Int { locked { started } }

    /// How many jobs the pool has queued since it was created: calls handed to its threads, and
    /// steps of tasks that prefer it as their executor. A call the pool runs on the calling thread,
    /// already one of its own, queues none.
    public var submittedJobCount: Int { locked { submitted } }

    /// Queues `job` for a thread, starting one when none is idle and the pool may grow; a job
    /// cancelled before it got here resumes its task instead.
    func submit(_ job: BlockingJob) {
        condition.lock()
        guard job.phase == .created else {
            condition.unlock()
            job.finish()
            return
        }
        job.phase = .queued
        queue.append(job)
        submitted += 1
        let grow = queue.count - next > idle && threads < limit
        if grow {
            threads += 1
            started += 1
        }
        let number = started
        condition.unlock()
        if grow {
            LibvirtRuntime.startThread(named: "libvirt-pool-\(number)") { [self] in work() }
        } else {
            condition.signal()
        }
    }

    /// Cancels `job`: one not started yet never starts, and its task resumes now (with
    /// `CancellationError`). Returns whether the job is running (it then runs to completion).
    func cancel(_ job: BlockingJob) -> Bool {
        condition.lock()
        let phase = job.phase
        if phase == .created || phase == .queued { job.phase = .cancelled }
        condition.unlock()
        if phase == .queued { job.finish() }
        return phase == .running
    }

    /// Whether `job` is running on a pool thread.
    func isRunning(_ job: BlockingJob) -> Bool {
        locked { job.phase == .running }
    }

    /// A pool thread's life: takes jobs in order and runs them, skipping cancelled ones, waits
    /// while there are none, and ends when the pool has more threads than its size.
    private func work() {
        adoptCurrentThread()
        condition.lock()
        while true {
            if next < queue.count {
                let job = queue[next]
                next += 1
                if next == queue.count || next >= 256 && next * 2 >= queue.count {
                    queue.removeFirst(next)
                    next = 0
                }
                guard job.phase == .queued else { continue }
                job.phase = .running
                busy += 1
                condition.unlock()
                job.perform()
                condition.lock()
                busy -= 1
                job.phase = .finished
                condition.unlock()
                job.finish()
                condition.lock()
            } else if threads > limit {
                threads -= 1
                condition.unlock()
                return
            } else {
                idle += 1
                condition.wait()
                idle -= 1
            }
        }
    }

    /// Runs `body` with the lock held.
    func locked<Result>(_ body: () -> Result) -> Result {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
