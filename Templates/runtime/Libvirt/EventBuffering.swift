/// How many unread events a stream keeps for a reader that falls behind, and which it drops
/// beyond that: `AsyncStream.Continuation.BufferingPolicy`'s meaning, for the bindings' own
/// event queues.
package enum EventBuffering: Sendable {
    /// Keeps every event: none is lost, and memory grows while the reader falls behind.
    case unbounded
    /// Keeps the oldest unread events, at most this many; an event arriving while they wait is dropped.
    case oldest(Int)
    /// Keeps the newest unread events, at most this many; the oldest unread one is dropped to make room.
    case newest(Int)

    /// The policy an `AsyncStream` names.
    package init<Element>(_ policy: AsyncStream<Element>.Continuation.BufferingPolicy) {
        switch policy {
        case .bufferingOldest(let limit): self = .oldest(max(limit, 0))
        case .bufferingNewest(let limit): self = .newest(max(limit, 0))
        default: self = .unbounded
        }
    }

    /// The policy an `AsyncThrowingStream` names.
    package init<Element>(_ policy: AsyncThrowingStream<Element, any Error>.Continuation.BufferingPolicy) {
        switch policy {
        case .bufferingOldest(let limit): self = .oldest(max(limit, 0))
        case .bufferingNewest(let limit): self = .newest(max(limit, 0))
        default: self = .unbounded
        }
    }
}
