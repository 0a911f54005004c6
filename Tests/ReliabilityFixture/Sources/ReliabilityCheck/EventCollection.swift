
/// What reading an event stream with a time limit gave.
struct Collected<Value: Sendable>: Sendable {
    /// The selected events, in the order they arrived.
    var values: [Value]
    /// Whether the stream finished (its iteration returned nil) before the count was reached.
    var ended: Bool
    /// Whether the time limit ran out first.
    var timedOut: Bool
}

/// Passes a stream to the one task that reads it, so that no other closure keeps it alive: when
/// the reader is done, the stream is released and its libvirt registration ends.
final class StreamHandOff<Event: Sendable>: Sendable {
    /// The stream, until it is taken.
    private let stream: Guarded<AsyncStream<Event>?>

    /// Holds `stream` until ``take()``.
    init(_ stream: AsyncStream<Event>) {
        self.stream = Guarded(stream)
    }

    /// Returns the stream the first time, nil after that.
    func take() -> AsyncStream<Event>? {
        stream.withLock { stream in
            defer { stream = nil }
            return stream
        }
    }
}

/// The selected events read so far, shared by the reading task and the one that gives up waiting.
final class ReadSoFar<Value: Sendable>: Sendable {
    /// The values, in order.
    private let values = Guarded<[Value]>([])

    /// Appends a value; returns how many there are now.
    func append(_ value: Value) -> Int {
        values.withLock { values in
            values.append(value)
            return values.count
        }
    }

    /// The values read so far.
    var all: [Value] { values.withLock { $0 } }
}

/// Reads `stream` until `count` selected events arrived, a selected event satisfies `last`, the
/// stream ended, or `seconds` passed.
///
/// - Parameter count: How many selected events to wait for (`Int.max` to read until the end).
/// - Parameter stream: The events; consumed (released when the reading is over).
/// - Parameter seconds: The time limit.
/// - Parameter select: Maps an event to the value to keep, or nil to skip it.
/// - Parameter last: Whether a kept value is the last one to read (it is kept too).
func collect<Event: Sendable, Value: Sendable>(
    _ count: Int, from stream: AsyncStream<Event>, within seconds: Double,
    select: @escaping @Sendable (Event) -> Value?, until last: @escaping @Sendable (Value) -> Bool = { _ in false }
) async -> Collected<Value> {
    let handOff = StreamHandOff(stream)
    let progress = ReadSoFar<Value>()
    return await withTaskGroup(of: Collected<Value>?.self) { group in
        group.addTask {
            guard let stream = handOff.take() else { return nil }
            for await event in stream {
                guard let value = select(event) else { continue }
                if progress.append(value) == count || last(value) {
                    return Collected(values: progress.all, ended: false, timedOut: false)
                }
            }
            if Task.isCancelled { return nil }
            return Collected(values: progress.all, ended: true, timedOut: false)
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        await group.waitForAll()
        return first ?? Collected(values: progress.all, ended: false, timedOut: true)
    }
}
