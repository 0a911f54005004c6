import Foundation

extension Array where Element: Sendable {
    /// `map` with the elements transformed on every core at once, the results in the elements'
    /// order. The generator's stages are pure functions of their input, so running them side by
    /// side changes no byte of the output; only the time.
    ///
    /// - Throws: The error of the first failing element in order, whichever failed first in time,
    ///   so that a bad input reports the same error on every run.
    public func concurrentMap<T: Sendable, E: Error>(_ transform: @Sendable (Element) throws(E) -> T) throws(E) -> [T] {
        let slots = ResultSlots<T, E>(count: count)
        concurrentIterations(count) { index in
            slots.store(Result { () throws(E) -> T in try transform(self[index]) }, at: index)
        }
        return try slots.values()
    }
}

/// Runs two independent computations at once and returns both results.
///
/// - Throws: The first computation's error if it failed, else the second's.
public func concurrently<A: Sendable, B: Sendable>(
    _ first: @Sendable () throws -> A, _ second: @Sendable () throws -> B
) throws -> (A, B) {
    let firsts = ResultSlots<A, any Error>(count: 1)
    let seconds = ResultSlots<B, any Error>(count: 1)
    concurrentIterations(2) { index in
        if index == 0 {
            firsts.store(Result { try first() }, at: 0)
        } else {
            seconds.store(Result { try second() }, at: 0)
        }
    }
    return (try firsts.values()[0], try seconds.values()[0])
}

/// Calls `body` with every index below `count`, on the calling thread and on up to one helper
/// thread per further core, each taking the next index when it is done with one; returns when
/// every call has returned and every helper has exited.
///
/// Dispatch's `concurrentPerform` would be the obvious tool, but it runs a call nested in another
/// one serially, and the generator's stages nest (the Swift files beside the typed XML documents,
/// each set itself spread over the cores). Helper threads of their own keep nested calls parallel;
/// the work items are few and coarse, so creating the threads costs nothing measurable.
private func concurrentIterations(_ count: Int, _ body: @Sendable (Int) -> Void) {
    let helpers = min(count, processorCount) - 1
    guard helpers > 0 else {
        (0..<count).forEach(body)
        return
    }
    let next = NextIndex(below: count)
    withoutActuallyEscaping(body) { body in
        let work = HelperWork { while let index = next.take() { body(index) } }
        let threads = (0..<helpers).compactMap { _ in work.startThread() }
        work.run()
        // Joined, the helpers have released their reference to `body` before it stops escaping.
        for thread in threads { pthread_join(thread, nil) }
    }
}

/// The number of cores the process may use, read once: Foundation reads it from the control
/// group's files on every call.
private let processorCount = ProcessInfo.processInfo.activeProcessorCount

/// The loop a concurrent iteration's threads run, handed to helper threads as their argument.
private final class HelperWork: @unchecked Sendable {
    /// Takes indices and calls the body until none is left.
    let run: () -> Void

    /// Wraps the loop.
    init(_ run: @escaping () -> Void) {
        self.run = run
    }

    /// Starts a helper thread running the loop, with the main thread's usual 8 MiB of stack (the
    /// grammar and template walks recurse as deep on a helper as on the main thread); nil when no
    /// thread can be started, and the calling thread then does the helper's share.
    func startThread() -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        var thread = pthread_t()
        let argument = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, &attributes, { argument in
            Unmanaged<HelperWork>.fromOpaque(argument!).takeRetainedValue().run()
            return nil
        }, argument)
        guard status == 0 else {
            Unmanaged<HelperWork>.fromOpaque(argument).release()
            return nil
        }
        return thread
    }
}

/// The next index to work on, shared by the threads of one concurrent loop.
private final class NextIndex: @unchecked Sendable {
    /// Guards `value`.
    private let lock = NSLock()
    /// The next index not yet taken.
    private var value = 0
    /// The loop's end.
    private let end: Int

    /// Indices from 0 up to `end`, exclusive.
    init(below end: Int) {
        self.end = end
    }

    /// Takes the next index, or returns nil when all are taken.
    func take() -> Int? {
        lock.withLock {
            guard value < end else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// One result slot per iteration of a concurrent loop. Each iteration writes only its own slot and
/// the slots are read after the loop has joined, so no lock is needed; the slots live in memory of
/// their own, since an array property would be accessed exclusively by each write.
private final class ResultSlots<T, E: Error>: @unchecked Sendable {
    /// The results, `nil` until their iteration has run.
    private let slots: UnsafeMutableBufferPointer<Result<T, E>?>

    /// `count` empty slots.
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    /// Stores iteration `index`'s result.
    func store(_ result: Result<T, E>, at index: Int) {
        slots[index] = result
    }

    /// The values in order, or the first error in order.
    func values() throws(E) -> [T] {
        try slots.map { slot throws(E) -> T in try slot!.get() }
    }

    /// Frees the slots.
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}
