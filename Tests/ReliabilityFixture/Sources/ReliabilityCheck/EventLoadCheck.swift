import Dispatch
import Foundation
import Libvirt

/// Part 5 of issue 9: `transitions` lifecycle transitions of one domain give exactly as many
/// events, in order, on one stream read while the transitions happen.
///
/// The domain cycles through start, suspend, resume and destroy; a second domain defined at the
/// end marks the end of the run, so "exactly" needs no waiting: every event before the marker's
/// `defined` is one of the load's, and there must be `transitions` of them.
enum EventLoadCheck {
    /// The events one cycle of transitions gives, in order.
    static let cycle: [Domain.EventType] = [.started, .suspended, .resumed, .stopped]

    /// Runs the check through a private libvirtd (every event crosses its RPC protocol).
    ///
    /// - Parameter transitions: How many transitions to make (a multiple of 4).
    static func runRemote(transitions: Int) async throws {
        let folder = try ScratchFolder("reliability-events-daemon")
        defer { folder.remove() }
        let daemon = try PrivateDaemon(folder: folder.url)
        defer { daemon.kill() }
        try daemon.start()
        try await run(transitions: transitions, uri: daemon.uri, label: "private libvirtd")
    }

    /// Runs the check on `uri` (a private node file when nil) and prints its figures.
    ///
    /// - Parameter transitions: How many transitions to make (a multiple of 4).
    /// - Parameter uri: The connection URI, or nil for a node file of the check's own.
    /// - Parameter label: How the figures name the connection.
    static func run(transitions: Int, uri: String? = nil, label: String = "test driver") async throws {
        let folder = try ScratchFolder("reliability-events")
        defer { folder.remove() }
        let name = "load-\(UUID().uuidString.prefix(8))"
        let marker = "marker-\(UUID().uuidString.prefix(8))"
        let connection = try await Connection(uri: try uri ?? folder.nodeURI([]))
        let domain = try await connection.defineDomain(xml: domainXML(name: name))
        let events = try connection.domainEvents(.lifecycle)
        let started = ContinuousClock.now
        let cycles = transitions / cycle.count
        let changes = Task.detached {
            for _ in 0..<cycles {
                try domain.start()
                try domain.suspend()
                try domain.resume()
                try domain.destroy()
            }
            try connection.defineDomain(xml: domainXML(name: marker)).undefine()
        }
        let read = await collect(Int.max, from: events, within: 120) { event -> String? in
            guard case .lifecycle(let subject, let type, _) = event else { return "other" }
            if subject.name == marker { return type == .defined ? "" : nil }
            return subject.name == name ? "\(type)" : "foreign \(subject.name) \(type)"
        } until: { $0 == "" }
        let elapsed = ContinuousClock.now - started
        try await changes.value
        try await domain.undefine()
        let received = read.values.dropLast()
        let expected = (0..<cycles).flatMap { _ in cycle.map { "\($0)" } }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report("events (\(label)): \(transitions) transitions, \(received.count) events delivered in "
            + "\(String(format: "%.2f", seconds)) s (\(Int(Double(received.count) / seconds)) events/s)")
        try require(
            !read.timedOut && !read.ended,
            "the stream \(read.timedOut ? "timed out" : "ended") after \(received.count) events")
        try require(received.count == transitions, "\(received.count) events for \(transitions) transitions")
        if let first = zip(received, expected).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            throw CheckFailure("event \(first.offset) is \(first.element.0), expected \(first.element.1)")
        }
    }
}
