/// One subscriber's events on their way from libvirt's callbacks (on the event-loop thread) to
/// the task reading its stream.
///
/// It replaces the buffer of `AsyncStream.makeStream`, whose generic code in the concurrency
/// library looks up type metadata and takes its lock for every element on both sides. Here the
/// callbacks append under one lock, and the reader takes everything that has arrived at once, so
/// a reader that was woken reads the events that came meanwhile without waiting again. A
/// bounded ``EventBuffering`` drops events as `AsyncStream`'s buffering policies do.
///
/// Events only pass through the lock (a woken reader takes them itself), which ThreadSanitizer
/// sees; the reader waits on a `CheckedContinuation`, whose resumption runs inside the concurrency
/// library: resuming an `UnsafeContinuation` from the event-loop thread is reported as a race with
/// the resumed task by ThreadSanitizer, which does not see the runtime's hand-off.
package final class EventQueue<Event: Sendable>: @unchecked Sendable {
    /// What the reader finds when it looks for the next event.
    private enum Taken {
        /// An event.
        case event(Event)
        /// Nothing yet.
        case nothing
        /// The stream has ended and every event queued before is read; with the error it ended with, if any.
        case end((any Error)?)
    }

    /// What the lock guards.
    private struct State {
        /// Events in arrival order, not yet taken by the reader; the first `droppedArrivals` are
        /// dropped ones (nil).
        var arrived: [Event?] = []
        /// How many events at the start of `arrived` were dropped to make room.
        var droppedArrivals = 0
        /// The events the reader took from `arrived` last, in order; those before `next` are read
        /// or dropped (nil).
        var batch: [Event?] = []
        /// The position of the next event in `batch`.
        var next = 0
        /// The reader waiting for an event (only while there is none).
        var reader: CheckedContinuation<Void, Never>?
        /// Whether the stream has ended: nothing more is queued.
        var ended = false
        /// The error the stream ended with (the connection closed), for a throwing reader.
        var failure: (any Error)?
        /// Runs once when the stream ends (unsubscribes it).
        var onEnd: (@Sendable () -> Void)?
        /// Which events to keep when the reader falls behind.
        let buffering: EventBuffering

        /// Whether the reader has something to take: an event, or the end.
        var isReady: Bool { next < batch.count || arrived.count > droppedArrivals || ended }

        /// How many events wait to be read.
        var unread: Int { batch.count - next + arrived.count - droppedArrivals }

        /// The next event, nothing, or the end.
        mutating func take() -> Taken {
            if next == batch.count {
                batch.removeAll(keepingCapacity: true)
                swap(&batch, &arrived)
                next = droppedArrivals
                droppedArrivals = 0
            }
            guard next < batch.count else { return ended ? .end(failure) : .nothing }
            next += 1
            // Unread slots always hold an event: dropping one moves `next` or `droppedArrivals` past it.
            return .event(batch[next - 1].take()!)
        }

        /// Queues an event as the buffering policy allows; returns the event dropped for it (the
        /// new one or the oldest unread one), to be released outside the lock.
        mutating func append(_ event: Event) -> Event? {
            let limit: Int
            switch buffering {
            case .unbounded: limit = .max
            case .oldest(let count), .newest(let count): limit = count
            }
            // A waiting reader takes the event at once, as `AsyncStream` hands it over unbuffered.
            guard unread >= limit, reader == nil else {
                arrived.append(event)
                return nil
            }
            guard case .newest = buffering, limit > 0 else { return event }
            arrived.append(event)
            return dropOldest()
        }

        /// Drops the oldest unread event and returns it.
        private mutating func dropOldest() -> Event? {
            if next < batch.count {
                next += 1
                return batch[next - 1].take()
            }
            let dropped = arrived[droppedArrivals].take()
            droppedArrivals += 1
            // Dropped slots are removed once they are half the array: amortized constant time.
            if droppedArrivals * 2 >= arrived.count {
                arrived.removeFirst(droppedArrivals)
                droppedArrivals = 0
            }
            return dropped
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
    private let state: Locked<State>

    /// Creates an empty queue that keeps what `buffering` says.
    init(buffering: EventBuffering) {
        state = Locked(State(buffering: buffering))
    }

    /// Sets what runs once when the stream ends; runs it now if the stream has ended already.
    func onEnd(_ handler: @escaping @Sendable () -> Void) {
        let ended = state.withLock { state in
            if !state.ended { state.onEnd = handler }
            return state.ended
        }
        if ended { handler() }
    }

    /// Queues an event (or drops it, or an older one, as the buffering policy says) and wakes the
    /// reader if it waits. Does nothing once the stream has ended.
    func yield(_ event: Event) {
        let (reader, dropped) = state.withLock { state -> (CheckedContinuation<Void, Never>?, Event?) in
            guard !state.ended else { return (nil, nil) }
            defer { state.reader = nil }
            return (state.reader, state.append(event))
        }
        reader?.resume()
        _ = dropped
    }

    /// The next event, waiting while none has come; nil when the stream has ended and every event
    /// queued before is read, or when the reading task is cancelled (which ends the stream). One
    /// task reads at a time.
    ///
    /// - Throws: The error the stream ended with (``ConnectionClosedError``), after the events
    ///   queued before it.
    func next() async throws -> Event? {
        while true {
            switch state.withLock({ $0.take() }) {
            case .event(let event): return event
            case .end(let failure?): throw failure
            case .end(nil): return nil
            case .nothing: await withTaskCancellationHandler { await waitForEvent() } onCancel: { cancel() }
            }
        }
    }

    /// Waits until an event or the end arrives.
    private func waitForEvent() async {
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

    /// Ends the stream after the events queued so far (the connection closed, with `failure` as
    /// the reason a throwing reader is given).
    func finish(throwing failure: (any Error)? = nil) {
        let (reader, onEnd) = state.withLock { state in
            if !state.ended { state.failure = failure }
            return state.end()
        }
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
            state.droppedArrivals = 0
            state.batch = []
            state.next = 0
            state.failure = nil
            return (reader, onEnd, unread)
        }
        reader?.resume()
        onEnd?()
    }
}
