import Foundation

/// A task executor with a few threads of its own, for tests that prove a call leaves its
/// caller's threads free. The whole test run shares Swift's cooperative pool (as many threads as
/// cores), and other suites run synchronous work on it in parallel, so a tick on that pool can be
/// late for reasons unrelated to the code under test (even a sleeping task's wake-up goes through
/// that pool); tasks that prefer this executor run on its threads only, which nothing else uses,
/// and a probe queued on it directly (``startLatency()``) measures whether a thread is free.
final class TestExecutor: TaskExecutor, @unchecked Sendable {
    /// Guards `jobs`, `clocks` and `stopped`; idle threads wait on it.
    private let condition = NSCondition()
    /// Jobs waiting for a thread, oldest first.
    private var jobs: [UnownedJob] = []
    /// The CPU-time clock of each started thread.
    private var clocks: [clockid_t] = []
    /// Whether ``shutdown()`` was called.
    private var stopped = false

    /// Starts `threads` threads named `name-N`.
    init(threads: Int, name: String) {
        for index in 0..<threads {
            let thread = Thread { [self] in run() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Queues a job for the next free thread.
    func enqueue(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// The CPU time the executor's threads have used so far.
    func cpuTime() -> Duration {
        condition.lock()
        defer { condition.unlock() }
        return clocks.reduce(.zero) { total, clock in
            var time = timespec()
            clock_gettime(clock, &time)
            return total + .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
        }
    }

    /// How long a job queued now waits before one of the executor's threads starts it: about
    /// nothing while a thread is free, as long as the longest job otherwise.
    func startLatency() async -> Duration {
        let queued = ContinuousClock.now
        let started = await Task(executorPreference: self) { ContinuousClock.now }.value
        return started - queued
    }

    /// Measures ``startLatency()`` every `interval` until the task is cancelled; returns the worst.
    func worstStartLatency(every interval: Duration = .milliseconds(10)) async -> Duration {
        var worst = Duration.zero
        while !Task.isCancelled {
            worst = max(worst, await startLatency())
            try? await Task.sleep(for: interval)
        }
        return worst
    }

    /// Lets the threads end once the queue is empty.
    func shutdown() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// A thread's loop: runs queued jobs until ``shutdown()``.
    private func run() {
        var clock = clockid_t()
        pthread_getcpuclockid(pthread_self(), &clock)
        condition.lock()
        clocks.append(clock)
        while true {
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty { break }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
            condition.lock()
        }
        condition.unlock()
    }
}
