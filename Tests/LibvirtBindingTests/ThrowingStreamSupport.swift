import Foundation
import Libvirt

/// How reading a throwing event stream ended.
enum StreamEnding: Sendable {
    /// The stream ended without an error.
    case finished
    /// The stream threw.
    case threw(any Error)
    /// Time ran out first.
    case timedOut
}

/// Reads `stream` to its end, racing the reading against `timeout` so that a stream that does
/// not end cannot hang the suite; returns the selected events and how the reading ended.
func readToEnd<Event: Sendable, Value: Sendable>(
    _ stream: AsyncThrowingStream<Event, any Error>, timeout: Duration = .seconds(10),
    select: @escaping @Sendable (Event) -> Value?
) async -> (values: [Value], ending: StreamEnding) {
    let handOff = ThrowingStreamHandOff(stream)
    let values = Guarded<[Value]>([])
    let ending = await withTaskGroup(of: StreamEnding.self) { group in
        group.addTask {
            guard let stream = handOff.take() else { return .finished }
            do {
                for try await event in stream {
                    if let value = select(event) { values.withLock { $0.append(value) } }
                }
                return Task.isCancelled ? .timedOut : .finished
            } catch {
                return .threw(error)
            }
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return .timedOut
        }
        let first = await group.next() ?? .timedOut
        group.cancelAll()
        return first
    }
    return (values.withLock { $0 }, ending)
}

/// Passes a throwing stream to the one task that reads it (see ``StreamHandOff``).
final class ThrowingStreamHandOff<Event: Sendable>: @unchecked Sendable {
    /// The stream, until it is taken.
    private let stream: Guarded<AsyncThrowingStream<Event, any Error>?>

    /// Holds `stream` until ``take()``.
    init(_ stream: AsyncThrowingStream<Event, any Error>) {
        self.stream = Guarded(stream)
    }

    /// Returns the stream the first time, nil after that.
    func take() -> AsyncThrowingStream<Event, any Error>? {
        stream.withLock { stream in
            defer { stream = nil }
            return stream
        }
    }
}

/// A value guarded by a lock, for test bookkeeping shared between tasks and threads.
final class Guarded<Value>: @unchecked Sendable {
    /// Guards `value`.
    private let lock = NSLock()
    /// The guarded value.
    private var value: Value

    /// Creates a lock holding `value`.
    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
