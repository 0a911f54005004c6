/// One subscriber's events on their way from libvirt's callbacks (on the event-loop thread) to
/// the task reading its stream.
///
/// It replaces the buffer of `AsyncStream.makeStream`, whose generic code in the concurrency
/// library looks up type metadata and takes its lock for every element on both sides. Here the
/// callbacks append under one lock, and the reader takes everything that has arrived at once, so
/// a reader that was woken reads the events that came meanwhile without waiting again.
///
/// Events only pass through the lock (a woken reader takes them itself), which ThreadSanitizer
/// sees; the reader waits on a `CheckedContinuation`, whose resumption runs inside the concurrency
/// library: resuming an `UnsafeContinuation` from the event-loop thread is reported as a race with
/// the resumed task by ThreadSanitizer, which does not see the runtime's hand-off.
final class EventQueue<Event: Sendable>: @unchecked Sendable {
    /// What the lock guards.
    private struct State {
        /// Events in arrival order, not yet taken by the reader.
        var arrived: [Event?] = []
        /// The events the reader took from `arrived` last, in order; those before `next` are read (nil).
        var batch: [Event?] = []
        /// The position of the next event in `batch`.
        var next = 0
        /// The reader waiting for an event (only while there is none).
        var reader: CheckedContinuation<Void, Never>?
        /// Whether the stream has ended: nothing more is queued.
        var ended = false
        /// Runs once when the stream ends (unsubscribes it).
        var onEnd: (@Sendable () -> Void)?

        /// Whether the reader has something to take: an event, or the end.
        var isReady: Bool { next < batch.count || !arrived.isEmpty || ended }

        /// The next event; `.some(nil)` when the stream has ended and its events are read; nil
        /// when none has come yet.
        mutating func take() -> Event?? {
            if next == batch.count {
                batch.removeAll(keepingCapacity: true)
                next = 0
                swap(&batch, &arrived)
            }
            guard next < batch.count else { return ended ? .some(nil) : nil }
            next += 1
            return batch[next - 1].take()
        }

        /// Ends the stream; returns what the caller must do outside the lock: wake the waiting
        /// reader, and run the end handler (nil when the stream had ended already).
        mutating func end() -> (reader: CheckedContinuation<Void, Never>?, onEnd: (@Sendable () -> Void)?) {
            ended = true
            defer { reader = nil; onEnd = nil }
            return (reader, onEnd)
        }
    }

    /// The queue's state.
    private let state = Locked(State())

    /// Creates an empty queue.
    init() {}

    /// Sets what runs once when the stream ends; runs it now if the stream has ended already.
    func onEnd(_ handler: @escaping @Sendable () -> Void) {
        let ended = state.withLock { state in
            if !state.ended { state.onEnd = handler }
            return state.ended
        }
        if ended { handler() }
    }

    /// Queues an event and wakes the reader if it waits. Does nothing once the stream has ended.
    func yield(_ event: Event) {
        let reader = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.ended else { return nil }
            state.arrived.append(event)
            defer { state.reader = nil }
            return state.reader
        }
        reader?.resume()
    }

    /// The next event, waiting while none has come; nil when the stream has ended and every event
    /// queued before is read. One task reads at a time.
    func next() async -> Event? {
        while true {
            if let taken = state.withLock({ $0.take() }) { return taken }
            await withCheckedContinuation { reader in
                let ready = state.withLock { state in
                    if !state.isReady {
                        precondition(state.reader == nil, "two tasks read one event stream at once")
                        state.reader = reader
                    }
                    return state.isReady
                }
                if ready { reader.resume() }
            }
        }
    }

    /// Ends the stream after the events queued so far (the connection closed).
    func finish() {
        let (reader, onEnd) = state.withLock { $0.end() }
        reader?.resume()
        onEnd?()
    }

    /// Ends the stream now, dropping the events not read yet (the reader stopped reading).
    func cancel() {
        // The unread events come out of the lock with the rest, to be released outside it.
        let (reader, onEnd, _) = state.withLock { state in
            let (reader, onEnd) = state.end()
            let unread = (state.arrived, state.batch)
            state.arrived = []
            state.batch = []
            state.next = 0
            return (reader, onEnd, unread)
        }
        reader?.resume()
        onEnd?()
    }
}

/// Keeps a subscriber's queue subscribed while its stream exists: the stream's producing closure
/// holds it, so dropping the stream (and its iterators) ends the subscription.
final class EventSubscription<Event: Sendable>: Sendable {
    /// The subscriber's queue.
    let queue: EventQueue<Event>

    /// Wraps a queue.
    init(_ queue: EventQueue<Event>) {
        self.queue = queue
    }

    deinit {
        queue.cancel()
    }
}

extension AsyncStream where Element: Sendable {
    /// A stream reading `queue`; ending it (cancelling the reading task, or dropping the stream)
    /// ends the queue.
    init(reading queue: EventQueue<Element>) {
        let subscription = EventSubscription(queue)
        self.init(unfolding: { await subscription.queue.next() }, onCancel: { subscription.queue.cancel() })
    }
}
