import Dispatch
import Foundation
import Libvirt
import Testing

/// Event streams of connections to a private `libvirtd` (its test driver): the throwing form ends
/// with the close reason when the daemon dies, and a daemon that stops answering delays no
/// other connection's subscriptions.
@Suite("Events of a daemon's connections", .enabled(if: PrivateDaemon.isAvailable))
struct DaemonEventTests {
    /// Killing the daemon ends a throwing stream with `ConnectionClosedError(reason: .eof)` after
    /// the events that came before, and a non-throwing stream of the same events silently.
    @Test("a throwing stream ends with the close reason")
    func throwsCloseReason() async throws {
        let daemon = try PrivateDaemon()
        try daemon.start()
        let connection = try await Connection(uri: daemon.uri)
        let name = uniqueName("closing")
        let throwing = try connection.domainEventsThrowingOnClose([.lifecycle])
        let silent = try connection.domainEvents([.lifecycle])
        let domain = try await connection.defineDomain(xml: domainXML(name: name))
        try await domain.undefine()
        #expect(await firstEvents(2, from: silent, select: EventTests.lifecycle(of: name)).count == 2)
        daemon.kill()
        let (values, ending) = await readToEnd(throwing, select: EventTests.lifecycle(of: name))
        #expect(values == [
            EventTests.DomainRecord(.defined, .defined(.added)), EventTests.DomainRecord(.undefined, .undefined(.removed)),
        ])
        guard case .threw(let error) = ending else {
            Issue.record("the throwing stream ended with \(ending), not an error")
            return
        }
        #expect(error as? ConnectionClosedError == ConnectionClosedError(reason: .eof))
        let (_, silentEnd) = await collectEvents(1, from: silent, timeout: .seconds(10)) { _ in 1 }
        #expect(!silentEnd, "the non-throwing stream did not end")
    }

    /// While a stopped daemon leaves a subscription on its connection waiting for an answer, a
    /// subscription on another connection completes at once: registering holds no lock that
    /// other connections need. After the daemon goes on, the waiting subscription completes too.
    @Test("a hung connection does not delay subscriptions on others")
    func hungConnectionDelaysNoOther() async throws {
        let daemon = try PrivateDaemon()
        try daemon.start()
        let slow = try await Connection(uri: daemon.uri)
        daemon.pause()
        defer { daemon.resume() }
        let hung = Subscription { try slow.domainEvents(.lifecycle) }
        // Gives the subscription time to send its request; it cannot be answered.
        try await Task.sleep(for: .milliseconds(500))
        #expect(!hung.isDone(within: .zero), "the subscription on the stopped daemon's connection returned")

        let fast = try await Connection(uri: defaultTestURI)
        let started = ContinuousClock.now
        let prompt = Subscription { try fast.domainEvents([.lifecycle, .metadataChange]) }
        #expect(prompt.isDone(within: .seconds(2)), "the subscription on another connection waited")
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(prompt.succeeded)

        daemon.resume()
        #expect(hung.isDone(within: .seconds(10)), "the subscription did not complete after the daemon went on")
        #expect(hung.succeeded)
    }
}

/// A subscription made on a thread of its own, which the test can wait for with a time limit.
final class Subscription: @unchecked Sendable {
    /// Signalled when the subscription returns.
    private let done = DispatchSemaphore(value: 0)
    /// The stream, or the error; set before `done` is signalled.
    private var result: Result<AsyncStream<Domain.Event>, any Error>?

    /// Starts `subscribe` on a new thread.
    init(_ subscribe: @escaping @Sendable () throws -> AsyncStream<Domain.Event>) {
        Thread.detachNewThread { [self] in
            result = Result { try subscribe() }
            done.signal()
        }
    }

    /// Whether the subscription returns within `timeout` (or has returned).
    func isDone(within timeout: Duration) -> Bool {
        let nanoseconds = Int(timeout.components.seconds) * 1_000_000_000 + Int(timeout.components.attoseconds / 1_000_000_000)
        guard done.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else { return false }
        done.signal()  // Stays done for later calls.
        return true
    }

    /// Whether it returned a stream; call after ``isDone(within:)`` said it returned.
    var succeeded: Bool {
        if case .success = result { return true }
        return false
    }
}
