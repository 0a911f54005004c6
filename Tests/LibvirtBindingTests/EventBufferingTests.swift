import Foundation
import Libvirt
import Testing

/// Buffering policies: a stream whose reader falls behind keeps what its policy says, as
/// `AsyncStream` does: the oldest n, the newest n, or (the default) everything.
///
/// Each test reads a second, unbounded stream of the same events first: it shares the libvirt
/// registration, whose callback queues every event for both streams at once, so once it has
/// every event the bounded stream has been offered every event too.
@Suite("Event buffering")
struct EventBufferingTests {
    /// Runs a domain's whole life with a bounded stream unread, then returns what that stream
    /// kept (reading until 300 ms pass without an event).
    static func kept(
        _ policy: AsyncStream<Domain.Event>.Continuation.BufferingPolicy
    ) async throws -> [EventTests.DomainRecord] {
        try await withAsyncTestNode { connection, _ in
            let name = uniqueName("buffered")
            let bounded = try connection.domainEvents([.lifecycle], bufferingPolicy: policy)
            let witness = try connection.domainEvents(.lifecycle)
            try EventTests.runWholeLife(of: name, on: connection)
            #expect(await firstEvents(6, from: witness, select: EventTests.lifecycle(of: name)) == EventTests.wholeLife)
            let (kept, timedOut) = await collectEvents(
                7, from: bounded, timeout: .milliseconds(300), select: EventTests.lifecycle(of: name))
            #expect(timedOut)
            return kept
        }
    }

    @Test(".bufferingOldest(2) keeps the first two events")
    func oldest() async throws {
        #expect(try await Self.kept(.bufferingOldest(2)) == Array(EventTests.wholeLife.prefix(2)))
    }

    @Test(".bufferingNewest(2) keeps the last two events")
    func newest() async throws {
        #expect(try await Self.kept(.bufferingNewest(2)) == Array(EventTests.wholeLife.suffix(2)))
    }

    @Test(".bufferingNewest(0) keeps nothing for a reader that is not waiting")
    func newestZero() async throws {
        #expect(try await Self.kept(.bufferingNewest(0)) == [])
    }

    @Test(".unbounded keeps every event")
    func unbounded() async throws {
        #expect(try await Self.kept(.unbounded) == EventTests.wholeLife)
    }

    /// `.bufferingNewest(1)` never drops the newest event: after 500 lifecycle events, the
    /// metadata change that follows them arrives.
    @Test(".bufferingNewest(1) always delivers the newest event")
    func newestArrives() async throws {
        let name = uniqueName("newest")
        try await withAsyncTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let bounded = try connection.domainEvents([.lifecycle, .metadataChange], bufferingPolicy: .bufferingNewest(1))
            for _ in 0..<250 {
                try await domain.suspend()
                try await domain.resume()
            }
            try await domain.setMetadata(type: .description, metadata: "last")
            let last = await firstEvents(1, from: bounded) { event -> String? in
                guard case .metadataChange(let domain, let type, _) = event else { return nil }
                return "\(domain.name) \(type)"
            }
            #expect(last == ["\(name) description"])
        }
    }
}
