import Foundation

/// A value one computation hands to another running beside it (``concurrently(_:_:)``): handed
/// over once, taken by the other when it needs it, which waits until then.
///
/// The handing side must hand over on every path, its failure included, or the taking side waits
/// forever. ``concurrently(_:_:)`` starts its first computation first, and runs the two one after
/// the other when it has a single core: so the first hands over and the second takes.
public final class Handoff<Value: Sendable>: @unchecked Sendable {
    /// Guards `outcome` and wakes the taker.
    private let condition = NSCondition()
    /// What was handed over; nil until then.
    private var outcome: Result<Value, any Error>?

    /// An empty handoff.
    public init() {}

    /// Hands the value, or the failure that prevents it, over; only the first call counts.
    public func hand(_ outcome: Result<Value, any Error>) {
        condition.withLock {
            guard self.outcome == nil else { return }
            self.outcome = outcome
            condition.broadcast()
        }
    }

    /// The value handed over, waiting for it until then.
    ///
    /// - Throws: The failure handed over instead.
    public func take() throws -> Value {
        try condition.withLock {
            while outcome == nil { condition.wait() }
            return outcome!
        }.get()
    }
}
