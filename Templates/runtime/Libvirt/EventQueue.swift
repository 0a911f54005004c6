/// One subscriber's events on their way from libvirt's callbacks (on the event-loop thread) to
/// the task reading its stream.
///
/// It replaces the buffer of `AsyncStream.makeStream`, whose generic code in the concurrency
/// library looks up type metadata and takes its lock for every element on both sides. Here the
/// callbacks append under one lock, and the reader takes everything that has arrived at once into
/// a batch of its own (under a second lock, which the callbacks never take), so a reader that was
/// woken reads the events that came meanwhile without waiting or contending again.
///
/// Events only pass through the lock (a woken reader takes them itself), which ThreadSanitizer
/// sees; the reader waits on a `CheckedContinuation`, whose resumption runs inside the concurrency
/// library: resuming an `UnsafeContinuation` from the event-loop thread is reported as a race with
/// the resumed task by ThreadSanitizer, which does not see the runtime's hand-off.
final class EventQueue<Event: Sendable>: @unchecked Sendable {
    /// What the callbacks and the reader share.
    private struct Shared {
        /// Events in arrival order, not yet taken by the reader.
        var arrived: [Event?] = []
        /// The reader waiting for an event (only while there is none).
        var reader: CheckedContinuation<Void, Never>?
        /// Whether the stream has ended: nothing more is queued.
        var ended = false
        /// Runs once when the stream ends (unsubscribes it).
        var onEnd: (@Sendable () -> Void)?

        /// Ends the stream; returns what the caller must do outside the lock: wake the waiting
        /// reader, and run the end handler (nil when the stream had ended already).
        mutating func end() -> (reader: CheckedContinuation<Void, Never>?, onEnd: (@Sendable () -> Void)?) {
            ended = true
            defer { reader = nil; onEnd = nil }
            return (reader, onEnd)
        }
    }

    /// The events the reader took from `arrived` last, in order; those before `next` are read (nil).
    private struct Batch {
        /// The events.
        var events: [Event?] = []
        /// The position of the next one.
        var next = 0
    }

    /// What the callbacks and the reader share.
    private let shared = Locked(Shared())
    /// The reader's batch: its own lock, so that reading an event does not contend with the
    /// callbacks' lock. Taken before `shared` when both are.
    private let batch = Locked(Batch())

    /// Creates an empty queue.
    init() {}

    /// Sets what runs once when the stream ends; runs it now if the stream has ended already.
    func onEnd(_ handler: @escaping @Sendable () -> Void) {
        let ended = shared.withLock { shared in
            if !shared.ended { shared.onEnd = handler }
            return shared.ended
        }
        if ended { handler() }
    }

    /// Queues an event and wakes the reader if it waits. Does nothing once the stream has ended.
    func yield(_ event: Event) {
        let reader = shared.withLock { shared -> CheckedContinuation<Void, Never>? in
            guard !shared.ended else { return nil }
            shared.arrived.append(event)
            defer { shared.reader = nil }
            return shared.reader
        }
        reader?.resume()
    }

    /// The next event, waiting while none has come; nil when the stream has ended and every event
    /// queued before is read. One task reads at a time. Runs on the caller's executor, so reading
    /// an event that has arrived does not switch executors.
    nonisolated(nonsending) func next() async -> Event? {
        while true {
            if let taken = take() { return taken }
            await withCheckedContinuation { reader in
                let ready = shared.withLock { shared in
                    let ready = !shared.arrived.isEmpty || shared.ended
                    if !ready {
                        precondition(shared.reader == nil, "two tasks read one event stream at once")
                        shared.reader = reader
                    }
                    return ready
                }
                if ready { reader.resume() }
            }
        }
    }

    /// The next event; `.some(nil)` when the stream has ended and its events are read; nil when
    /// none has come yet. Takes every event that has arrived when the batch is read.
    private func take() -> Event?? {
        batch.withLock { batch in
            if batch.next == batch.events.count {
                batch.events.removeAll(keepingCapacity: true)
                batch.next = 0
                let ended = shared.withLock { shared in
                    swap(&batch.events, &shared.arrived)
                    return shared.ended
                }
                guard !batch.events.isEmpty else { return ended ? .some(nil) : nil }
            }
            batch.next += 1
            return batch.events[batch.next - 1].take()
        }
    }

    /// Ends the stream after the events queued so far (the connection closed).
    func finish() {
        let (reader, onEnd) = shared.withLock { $0.end() }
        reader?.resume()
        onEnd?()
    }

    /// Ends the stream now, dropping the events not read yet (the reader stopped reading).
    func cancel() {
        // The unread events come out of the locks with the rest, to be released outside them.
        let (reader, onEnd, _, _) = batch.withLock { batch in
            let unread = batch.events
            batch = Batch()
            return shared.withLock { shared in
                let (reader, onEnd) = shared.end()
                defer { shared.arrived = [] }
                return (reader, onEnd, shared.arrived, unread)
            }
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
