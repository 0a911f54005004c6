import Foundation
import Libvirt
import Testing

/// Choosing events: several kinds in one stream (`domainEvents([.lifecycle, .metadataChange])`),
/// the events of one object from the object itself (`domain.events(_:)`), and the throwing form,
/// which delivers like the others while the connection stays open.
@Suite("Event selection")
struct EventSelectionTests {
    /// A domain event as a test compares it: its kind and what changed.
    static func describe(_ event: Domain.Event) -> String? {
        switch event {
        case .lifecycle(let domain, let type, _): "\(domain.name) lifecycle \(type)"
        case .metadataChange(let domain, let type, _): "\(domain.name) metadata \(type)"
        default: nil
        }
    }

    /// Lifecycle and metadata events interleave in one stream in the order they happened, each
    /// case saying which kind it is.
    @Test("several kinds arrive in one stream, in order")
    func severalKinds() async throws {
        let name = uniqueName("kinds")
        try await withAsyncTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let events = try connection.domainEvents([.lifecycle, .metadataChange])
            try await domain.suspend()
            try await domain.setMetadata(type: .description, metadata: "watched")
            try await domain.resume()
            try await domain.setMetadata(type: .title, metadata: "Watched")
            #expect(await firstEvents(4, from: events, select: Self.describe) == [
                "\(name) lifecycle suspended", "\(name) metadata description",
                "\(name) lifecycle resumed", "\(name) metadata title",
            ])
        }
    }

    /// Asking for one kind twice counts once: every event arrives once.
    @Test("a kind asked for twice is delivered once")
    func duplicateKinds() async throws {
        let name = uniqueName("twice")
        try await withAsyncTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let events = try connection.domainEvents([.lifecycle, .lifecycle])
            try await domain.suspend()
            try await domain.resume()
            try await domain.suspend()
            let received = await firstEvents(3, from: events, select: Self.describe)
            #expect(received == ["\(name) lifecycle suspended", "\(name) lifecycle resumed", "\(name) lifecycle suspended"])
        }
    }

    /// `domain.events(_:)` delivers only that domain's events (libvirt filters them), though
    /// another domain changes in between.
    @Test("domain.events delivers only that domain's events")
    func objectEvents() async throws {
        let watched = uniqueName("watched")
        let other = uniqueName("other")
        try await withAsyncTestNode([domainXML(name: watched), domainXML(name: other)]) { connection, _ in
            let domain = try await connection.domain(named: watched)
            let otherDomain = try await connection.domain(named: other)
            let events = try domain.events([.lifecycle, .metadataChange])
            try await otherDomain.suspend()
            try await domain.suspend()
            try await otherDomain.setMetadata(type: .description, metadata: "other")
            try await domain.setMetadata(type: .description, metadata: "watched")
            try await otherDomain.resume()
            try await domain.resume()
            #expect(await firstEvents(3, from: events, select: Self.describe) == [
                "\(watched) lifecycle suspended", "\(watched) metadata description", "\(watched) lifecycle resumed",
            ])
        }
    }

    /// A stream of several kinds shares libvirt's registrations with single-kind streams: both
    /// receive every event, and ending one leaves the other delivering.
    @Test("streams of several kinds share registrations with single-kind streams")
    func sharedRegistrations() async throws {
        let name = uniqueName("shared")
        try await withAsyncTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let single = try connection.domainEvents(.lifecycle)
            do {
                let several = try connection.domainEvents([.metadataChange, .lifecycle])
                try await domain.suspend()
                try await domain.setMetadata(type: .description, metadata: "shared")
                #expect(await firstEvents(2, from: several, select: Self.describe) == [
                    "\(name) lifecycle suspended", "\(name) metadata description",
                ])
            }
            try await domain.resume()
            #expect(await firstEvents(2, from: single, select: Self.describe) == [
                "\(name) lifecycle suspended", "\(name) lifecycle resumed",
            ])
        }
    }

    /// The throwing form delivers like the others while the connection is open, for a network
    /// too (the per-object methods exist for every object that can tell its connection), and
    /// leaving the iteration ends it without an error.
    @Test("the throwing form delivers while the connection is open")
    func throwingFormDelivers() async throws {
        try await withAsyncTestNode { connection, _ in
            let name = uniqueName("net")
            let network = try await connection.defineNetwork(xml: networkXML(name: name, index: 44))
            let events = try network.eventsThrowingOnClose([.lifecycle])
            try await network.start()
            try await network.destroy()
            var received: [Network.EventLifecycleType] = []
            for try await event in events {
                guard case .lifecycle(_, let type, _) = event else { continue }
                received.append(type)
                if received.count == 2 { break }
            }
            #expect(received == [.started, .stopped])
            try await network.undefine()
        }
    }

    /// An event kind the bindings cannot deliver throws `.noSupport` and registers nothing, even
    /// beside kinds they can deliver.
    @Test("an unknown kind throws noSupport")
    func unknownKind() async throws {
        try await withAsyncTestNode { connection, _ in
            let error = expectLibvirtError { _ = try connection.domainEvents([.lifecycle, Domain.EventID(rawValue: 999)]) }
            #expect(error?.code == .noSupport)
            let name = uniqueName("after")
            let events = try connection.domainEvents([.lifecycle])
            try EventTests.runWholeLife(of: name, on: connection)
            #expect(await firstEvents(6, from: events, select: EventTests.lifecycle(of: name)) == EventTests.wholeLife)
        }
    }
}
