import Foundation
import Libvirt
import Testing

/// A connection's event streams register its close callback (so that they end when libvirt
/// reports the connection closed) and share it with `closeEvents()` streams. On the test driver,
/// which accepts close callbacks without ever calling them, the bookkeeping must stay invisible:
/// streams of both kinds open and end in any order, and later streams still register and
/// deliver. (The daemon-side behaviour, streams ending when the daemon is killed, is checked by
/// `.ci/reliability-check`.)
@Suite("Close callback shared by event streams")
struct CloseWatchTests {
    /// Which stream to open first and which to end first.
    enum Order: CaseIterable, Sendable {
        /// Events opened first, ended first.
        case eventsFirstEndedFirst
        /// Events opened first, ended last.
        case eventsFirstEndedLast
        /// Close events opened first, ended first.
        case closeFirstEndedFirst
        /// Close events opened first, ended last.
        case closeFirstEndedLast
    }

    /// Opens a lifecycle stream and a close-event stream in the given order, reads the stream's
    /// events of one domain's life, ends both in the given order; then a new lifecycle stream
    /// receives the next domain's whole life and a new close-event stream registers.
    @Test("event and close-event streams open and end in any order", arguments: Order.allCases)
    func anyOrder(_ order: Order) async throws {
        try await withAsyncTestNode { connection, _ in
            let closeFirst = order == .closeFirstEndedFirst || order == .closeFirstEndedLast
            var close: AsyncStream<Connection.CloseReason>? = closeFirst ? try connection.closeEvents() : nil
            var events: AsyncStream<Domain.Event>? = try connection.domainEvents(.lifecycle)
            if !closeFirst { close = try connection.closeEvents() }
            let first = uniqueName("watched")
            try EventTests.runWholeLife(of: first, on: connection)
            if let stream = events {
                let read = await firstEvents(6, from: stream, select: EventTests.lifecycle(of: first))
                #expect(read == EventTests.wholeLife)
            }
            // Ending: the events were all read, so no event is queued while callbacks deregister.
            if order == .eventsFirstEndedFirst || order == .closeFirstEndedLast {
                events = nil
                close = nil
            } else {
                close = nil
                events = nil
            }
            #expect(events == nil && close == nil)
            let later = uniqueName("later")
            let again = try connection.domainEvents(.lifecycle)
            _ = try connection.closeEvents()
            try EventTests.runWholeLife(of: later, on: connection)
            #expect(await firstEvents(6, from: again, select: EventTests.lifecycle(of: later)) == EventTests.wholeLife)
        }
    }
}
