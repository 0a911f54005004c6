import Libvirt
import MemoryFixtureSupport

/// The lifecycle events of one domain's whole life.
let wholeLife: [Domain.EventType] = [.defined, .started, .suspended, .resumed, .stopped, .undefined]

/// Selects the lifecycle events of the domain named `name`.
func lifecycle(of name: String) -> @Sendable (Domain.Event) -> Domain.EventType? {
    { event in
        guard case .lifecycle(let domain, let type, _) = event, domain.name == name else { return nil }
        return type
    }
}

/// Defines, starts, suspends, resumes, destroys and undefines a domain named `name`.
func runWholeLife(of name: String, on connection: Connection) throws {
    let domain = try connection.defineDomain(xml: domainXML(name: name))
    try domain.start()
    try domain.suspend()
    try domain.resume()
    try domain.destroy()
    try domain.undefine()
}

/// Two lifecycle streams sharing one registration each read a domain's whole life, in order; a
/// stream filtered to another domain reads only that one's start; then every stream ends.
let sharedEventsScenario = AsyncScenario("events: shared and filtered streams") {
    try await withAsyncTestNode([domainXML(name: "other", running: false)]) { connection in
        let other = try await connection.domain(named: "other")
        let first = try connection.domainEvents(.lifecycle)
        let second = try connection.domainEvents(.lifecycle)
        let filtered = try connection.domainEvents(.lifecycle, domain: other)
        try runWholeLife(of: "life", on: connection)
        try await other.start()
        try require(try await readEvents(6, from: first, select: lifecycle(of: "life")) == wholeLife, "first stream")
        try require(try await readEvents(6, from: second, select: lifecycle(of: "life")) == wholeLife, "second stream")
        let started = try await readEvents(1, from: filtered) { event -> String? in
            guard case .lifecycle(let domain, let type, _) = event else { return nil }
            return "\(domain.name) \(type)"
        }
        try require(started == ["other started"], "the filtered stream sees only its domain: \(started)")
    }
}

/// A reader task blocked waiting for an event is cancelled: its iteration ends, which
/// deregisters the callback; a network stream reads a network's definition and start.
let cancelledEventsScenario = AsyncScenario("events: cancelled reader, network events") {
    try await withAsyncTestNode { connection in
        let keeper = try connection.domainEvents(.metadataChange)
        let events = try connection.domainEvents(.lifecycle)
        let reader = Task {
            var count = 0
            for await _ in events { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(20))
        reader.cancel()
        try require(await reader.value == 0, "no event arrived before the cancellation")

        let networks = try connection.networkEvents(.lifecycle)
        let network = try await connection.defineNetwork(xml: networkXML(name: "net", index: 31))
        try await network.start()
        let seen = try await readEvents(2, from: networks) { event -> String? in
            guard case .lifecycle(let network, let type, _) = event else { return nil }
            return "\(network.name) \(type)"
        }
        try require(seen == ["net defined", "net started"], "network events: \(seen)")
        withExtendedLifetime(keeper) {}
    }
}
