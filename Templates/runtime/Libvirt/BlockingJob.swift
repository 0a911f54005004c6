/// One call handed to a ``BlockingPool``, and where it stands.
///
/// `phase` is read and written only with the pool's lock held. The two closures are attached
/// before the job is queued and taken by the one party that moves it out of `queued`: a pool
/// thread starting it runs `work`, a cancellation runs `abandon`. So exactly one of them runs,
/// once, and the task waiting for the job resumes exactly once.
final class BlockingJob: @unchecked Sendable {
    /// Where a job stands.
    enum Phase {
        /// Created; not queued yet.
        case created
        /// Waiting in the pool's queue for a thread.
        case queued
        /// Running on a pool thread; it runs to completion, libvirt cannot interrupt it.
        case running
        /// Returned or threw; its task has resumed.
        case finished
        /// Cancelled before it started; it never runs.
        case cancelled
    }

    /// Where the job stands; guarded by the pool's lock.
    var phase = Phase.created
    /// Runs the call and resumes the waiting task with its outcome.
    private var work: (@Sendable () -> Void)?
    /// Resumes the waiting task with `CancellationError`.
    private var abandon: (@Sendable () -> Void)?

    /// Attaches what running and cancelling do; called once, before the job is queued.
    func attach(work: @escaping @Sendable () -> Void, abandon: @escaping @Sendable () -> Void) {
        self.work = work
        self.abandon = abandon
    }

    /// Runs the call (the job is `running`); releases both closures.
    func perform() {
        let work = self.work
        release()
        work?()
    }

    /// Resumes the waiting task with `CancellationError` (the job is `cancelled`); releases both closures.
    func abandonWithCancellation() {
        let abandon = self.abandon
        release()
        abandon?()
    }

    /// Drops both closures, and with them what the call captured.
    private func release() {
        work = nil
        abandon = nil
    }
}
