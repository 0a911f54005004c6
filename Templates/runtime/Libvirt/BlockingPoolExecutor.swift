import Foundation

/// A ``BlockingPool`` is also a task executor: a task that prefers it runs on the pool's threads,
/// where its `async` calls need no hop.
///
/// ```swift
/// try await withTaskExecutorPreference(BlockingPool.current) {
///     for domain in try await connection.allDomains() {
///         print(domain.name, try await domain.info().state)
///     }
/// }
/// ```
///
/// From a cooperative thread every `async` call hands its C call to a pool thread and resumes on a
/// cooperative thread again: two thread wake-ups per call. A task that prefers the pool as its
/// executor (`withTaskExecutorPreference`, or `Task(executorPreference:)`) already runs on a pool
/// thread, which may block, so the pool runs its calls right there, with the same cancellation
/// rules; the task's steps queue with the pool's calls and count against its ``BlockingPool/size``.
/// Code isolated to an actor (the main actor, say) keeps running on the actor's executor, and
/// its calls hop as before.
extension BlockingPool: TaskExecutor {
    /// Queues a step of a task that prefers this pool; a pool thread runs it in submission order
    /// with the pool's calls.
    ///
    /// - Parameter job: The task's next step, given by the Swift runtime.
    public func enqueue(_ job: consuming ExecutorJob) {
        let step = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        let queued = BlockingJob()
        queued.attach(work: { step.runSynchronously(on: executor) }, resume: {})
        submit(queued)
    }

    /// The key of the thread-specific value each pool thread sets to its pool.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Marks the calling thread as one of this pool's; called once by each pool thread.
    func adoptCurrentThread() {
        pthread_setspecific(Self.threadKey, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Whether the calling thread is one of this pool's, where a call may run without a hop.
    var ownsCurrentThread: Bool {
        pthread_getspecific(Self.threadKey) == Unmanaged.passUnretained(self).toOpaque()
    }
}
