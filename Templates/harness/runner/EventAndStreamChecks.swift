// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Event and stream checks: events arrive in order through the async sequences, and the test
/// driver's screenshot arrives as a PNG image through a stream.
enum EventAndStreamChecks {
    /// The checks.
    static let all: [Check] = [
        Check("domain and network events") { f in
            let connection = try f.connection()
            let domainEvents = try connection.domainEvents(.lifecycle)
            let networkEvents = try connection.networkEvents(.lifecycle)
            let domain = try await connection.defineDomain(xml: DomainChecks.definition("harness-events"))
            try await domain.start()
            try await domain.suspend()
            try await domain.resume()
            try await domain.destroy()
            try await domain.undefine()
            let received = try await first(6, of: domainEvents) { event -> String? in
                guard case .lifecycle(let domain, let type, let detail) = event, domain.name == "harness-events" else {
                    return nil
                }
                return "\(type) \(detail)"
            }
            try expect(received, [
                "defined defined(added)", "started started(booted)", "suspended suspended(paused)",
                "resumed resumed(unpaused)", "stopped stopped(destroyed)", "undefined undefined(removed)",
            ], "Connection.domainEvents(_:domain:)")
            // Network lifecycle events carry no detail: it is always 0.
            let network = try await connection.defineNetwork(
                xml: "<network><name>harness-events-net</name><bridge name='virbr13'/></network>")
            try await network.start()
            try await network.destroy()
            try await network.undefine()
            let networkReceived = try await first(4, of: networkEvents) { event -> String? in
                guard case .lifecycle(let network, let type, let detail) = event, network.name == "harness-events-net" else {
                    return nil
                }
                return "\(type) \(detail)"
            }
            try expect(networkReceived, ["defined 0", "started 0", "stopped 0", "undefined 0"],
                       "Connection.networkEvents(_:network:)")
        },
        Check("screenshot stream") { f in
            let connection = try f.connection()
            let stream = try await connection.makeStream()
            let mime = try await f.domain().screenshot(stream: stream, screen: 0)
            try expect(mime, "image/png", "Domain.screenshot(stream:screen:)")
            var image: [UInt8] = []
            for try await chunk in stream.bytes() {
                try expect(!chunk.isEmpty, "DataStream.bytes() yielded an empty chunk")
                image += chunk
            }
            try PNG.expectComplete(image, "DataStream.bytes()")
        },
    ]

    /// The first `count` events `select` keeps, or a failure after `timeout` seconds.
    static func first<Event: Sendable, Value: Sendable>(
        _ count: Int, of events: AsyncStream<Event>, timeout: Int = 10, select: @escaping @Sendable (Event) -> Value?
    ) async throws -> [Value] {
        try await collect(events, timeout: timeout, select: select) { $0.count == count }
    }

    /// The events `select` keeps until `done` accepts what was kept, or a failure after
    /// `timeout` seconds.
    static func collect<Event: Sendable, Value: Sendable>(
        _ events: AsyncStream<Event>, timeout: Int = 10, select: @escaping @Sendable (Event) -> Value?,
        done: @escaping @Sendable ([Value]) -> Bool
    ) async throws -> [Value] {
        let box = UncheckedBox(events)
        return try await withThrowingTaskGroup(of: [Value].self) { group in
            group.addTask {
                var values: [Value] = []
                for await event in box.value {
                    guard let value = select(event) else { continue }
                    values.append(value)
                    if done(values) { break }
                }
                return values
            }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                throw CheckFailure("timed out waiting for events")
            }
            let values = try await group.next() ?? []
            group.cancelAll()
            return values
        }
    }
}

extension Array where Element: Equatable {
    /// Whether `expected` occurs in this array in order, other elements allowed between.
    func containsInOrder(_ expected: [Element]) -> Bool {
        var remaining = expected[...]
        for element in self where element == remaining.first { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }
}

/// Carries a value into a child task; the caller guarantees only that task uses it.
struct UncheckedBox<Value>: @unchecked Sendable {
    /// The value.
    let value: Value

    /// Wraps `value`.
    init(_ value: Value) {
        self.value = value
    }
}
