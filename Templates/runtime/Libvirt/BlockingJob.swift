/// One call handed to a ``BlockingPool``, and where it stands.
///
/// `phase` is read and written only with the pool's lock held. The closures are attached before
/// the job is queued; `work` runs at most once, on a pool thread, and `resume` exactly once:
/// after `work` on that thread, or instead of it when the job is cancelled before it starts.
final class BlockingJob: @unchecked Sendable {
    /// Where a job stands.
    enum Phase {
        /// Created; not queued yet.
        case created
        /// Waiting in the pool's queue for a thread.
        case queued
        /// Running on a pool thread; it runs to completion, libvirt cannot interrupt it.
        case running
        /// Returned or threw; its task has resumed or is resuming.
        case finished
        /// Cancelled before it started; it never runs.
        case cancelled
    }

    /// Where the job stands; guarded by the pool's lock.
    var phase = Phase.created
    /// Runs the call and keeps its outcome (a ``BlockingOutcome``) for the task.
    private var work: (@Sendable () -> Void)?
    /// Resumes the waiting task.
    private var resume: (@Sendable () -> Void)?

    /// Attaches what running and resuming do; called once, before the job is queued.
    func attach(work: @escaping @Sendable () -> Void, resume: @escaping @Sendable () -> Void) {
        self.work = work
        self.resume = resume
    }

    /// Runs the call (the job is `running`) and releases it, with what it captured.
    func perform() {
        let work = self.work
        self.work = nil
        work?()
    }

    /// Resumes the waiting task (the job is `finished` or `cancelled`) and releases both closures.
    func finish() {
        let resume = self.resume
        work = nil
        self.resume = nil
        resume?()
    }
}

/// What a ``BlockingJob``'s call gave, handed from the pool thread to the task.
///
/// The pool thread writes it before it takes the pool's lock to mark the job finished, and the
/// task reads it with that lock held after it resumes: the lock orders the two for
/// ThreadSanitizer too, which does not see the ordering a continuation resumed from a thread
/// outside Swift's executors provides.
final class BlockingOutcome<T>: @unchecked Sendable {
    /// The call's result or error; `CancellationError` until the call runs.
    var result: Result<T, any Error> = .failure(CancellationError())
}
