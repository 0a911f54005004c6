import Libvirt
import MemoryFixtureSupport
import Synchronization

/// Reads events from `stream` until `select` has picked `count` of them, racing a timer so that a
/// lost event fails the scenario instead of hanging it.
///
/// - Parameter count: How many selected events to read.
/// - Parameter stream: The events; iterated by one child task, which ends (and so cancels) the
///   iteration when it returns.
/// - Parameter timeout: How long to wait.
/// - Parameter select: Picks the interesting events and what to keep of them.
/// - Throws: ``CheckFailure`` when time runs out first.
func readEvents<Event: Sendable, Value: Sendable>(
    _ count: Int, from stream: AsyncStream<Event>, timeout: Duration = .seconds(20),
    select: @escaping @Sendable (Event) -> Value?
) async throws -> [Value] {
    let handOff = StreamHandOff(stream)
    let values = await withTaskGroup(of: [Value]?.self) { group in
        group.addTask {
            guard let stream = handOff.take() else { return [] }
            var values: [Value] = []
            for await event in stream {
                guard let value = select(event) else { continue }
                values.append(value)
                if values.count == count { break }
            }
            return values
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
    guard let values else { throw CheckFailure(description: "timed out after \(timeout) waiting for \(count) events") }
    return values
}

/// Runs `body` in a child task, racing a timer, so that a lost event fails the scenario instead
/// of hanging it; the loser is cancelled.
///
/// - Parameter timeout: How long to wait.
/// - Parameter body: The work.
/// - Throws: ``CheckFailure`` when time runs out first, or what `body` throws.
func withTimeout<Value: Sendable>(
    _ timeout: Duration, _ body: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() ?? nil else {
            throw CheckFailure(description: "timed out after \(timeout)")
        }
        return value
    }
}

/// Passes a stream to the one task that reads it, so that no closure keeps the stream alive after
/// the reading (a finished child task may be released later, on another thread).
final class StreamHandOff<Event: Sendable>: Sendable {
    /// The stream, until it is taken.
    private let stream: Mutex<AsyncStream<Event>?>

    /// Holds `stream` until ``take()``.
    init(_ stream: AsyncStream<Event>) {
        self.stream = Mutex(stream)
    }

    /// Returns the stream the first time, nil after that.
    func take() -> AsyncStream<Event>? {
        stream.withLock { stream in
            defer { stream = nil }
            return stream
        }
    }
}
