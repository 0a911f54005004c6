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
    /// ends the queue. It ends silently when the queue ends with an error.
    package init(reading queue: EventQueue<Element>) {
        let subscription = EventSubscription(queue)
        self.init(unfolding: { try? await subscription.queue.next() })
    }
}

extension AsyncThrowingStream where Element: Sendable, Failure == any Error {
    /// A stream reading `queue`; ending it (cancelling the reading task, or dropping the stream)
    /// ends the queue. It throws the error the queue ends with, after the events queued before it.
    package init(reading queue: EventQueue<Element>) {
        let subscription = EventSubscription(queue)
        self.init(unfolding: { try await subscription.queue.next() })
    }
}
