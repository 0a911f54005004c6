import Foundation
import Libvirt
import Testing

/// Event streams: events arrive complete and in order under load, filtered and shared, and ending a
/// stream is safe. Each kind's lifecycle events in order are the harness's scenarios
/// (`EventAndStreamChecks.swift` and `DomainDeviceChecks.swift` in `Templates/harness/runner`),
/// which `HarnessScenarioTests` runs under `swift test`.
///
/// Every test opens its own node file, so the only events are the test's own; each still filters
/// by name, as a client sharing a connection would. Reading always races a 10-second timer, so
/// a lost event fails the test instead of hanging the suite.
@Suite("Events")
struct EventTests {
    /// One domain lifecycle event, without the domain: what a test compares.
    struct DomainRecord: Equatable, Sendable, CustomStringConvertible {
        /// The event.
        var event: Domain.EventType
        /// Its detail.
        var detail: Domain.LifecycleDetail

        /// Creates a record.
        init(_ event: Domain.EventType, _ detail: Domain.LifecycleDetail) {
            self.event = event
            self.detail = detail
        }

        /// `event/detail`, for failure messages.
        var description: String { "\(event)/\(detail)" }
    }

    /// The lifecycle events of one domain's whole life, as the test driver reports them.
    static let wholeLife: [DomainRecord] = [
        DomainRecord(.defined, .defined(.added)),
        DomainRecord(.started, .started(.booted)),
        DomainRecord(.suspended, .suspended(.paused)),
        DomainRecord(.resumed, .resumed(.unpaused)),
        DomainRecord(.stopped, .stopped(.destroyed)),
        DomainRecord(.undefined, .undefined(.removed)),
    ]

    /// Selects the lifecycle events of the domain named `name`.
    static func lifecycle(of name: String) -> @Sendable (Domain.Event) -> DomainRecord? {
        { event in
            guard case .lifecycle(let domain, let type, let detail) = event, domain.name == name else {
                return nil
            }
            return DomainRecord(type, detail)
        }
    }

    /// Defines, starts, suspends, resumes, destroys and undefines a domain named `name`.
    static func runWholeLife(of name: String, on connection: Connection) throws {
        let domain = try connection.defineDomain(xml: domainXML(name: name))
        try domain.start()
        try domain.suspend()
        try domain.resume()
        try domain.destroy()
        try domain.undefine()
    }

    /// An event's detail prints with the Swift case names, as the README shows.
    @Test("lifecycle details print as started(booted)")
    func detailPrinting() {
        #expect("\(Domain.LifecycleDetail.started(.booted))" == "started(booted)")
        #expect("\(Domain.LifecycleDetail.stopped(.saved))" == "stopped(saved)")
        #expect("\(Domain.LifecycleDetail.stopped(.init(rawValue: 99)))" == "stopped(unrecognized(99))")
        #expect("\(Domain.State.running)" == "running")
    }

    /// Events that pile up before the stream is read (the reader then takes them in batches)
    /// all arrive, in order, and so do those that come while it reads.
    @Test("a burst queued before reading arrives complete and in order")
    func queuedBurst() async throws {
        let name = uniqueName("burst")
        try await withAsyncTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let events = try connection.domainEvents(.lifecycle, domain: domain)
            for _ in 0..<300 {
                try await domain.suspend()
                try await domain.resume()
            }
            let reading = Task {
                await firstEvents(1000, from: events) { event -> Domain.EventType? in
                    guard case .lifecycle(_, let type, _) = event else { return nil }
                    return type
                }
            }
            for _ in 0..<200 {
                try await domain.suspend()
                try await domain.resume()
            }
            let expected = Array(repeating: [Domain.EventType.suspended, .resumed], count: 500).flatMap { $0 }
            #expect(await reading.value == expected)
        }
    }

    /// The decoded detail agrees with the event: `.started(.booted)` is detail 0 of `started`.
    @Test("lifecycle details decode by event")
    func detailDecoding() {
        #expect(Domain.LifecycleDetail(event: .started, detail: 0) == .started(.booted))
        #expect(Domain.LifecycleDetail(event: .stopped, detail: 1) == .stopped(.destroyed))
        #expect(Domain.LifecycleDetail(event: .undefined, detail: 0) == .undefined(.removed))
        #expect(Domain.LifecycleDetail(event: .defined, detail: 99) == .defined(.unrecognized(99)))
        #expect(Domain.LifecycleDetail(event: .unrecognized(42), detail: 3) == .other(3))
    }

    /// A stream registered for one domain receives only that domain's events, though another
    /// domain changes in between.
    @Test("domain filter: only the chosen domain's events")
    func domainFilter() async throws {
        let watched = uniqueName("watched")
        let other = uniqueName("other")
        let elements = [domainXML(name: watched, running: false), domainXML(name: other, running: false)]
        try await withAsyncTestNode(elements) { connection, _ in
            let domain = try await connection.domain(named: watched)
            let otherDomain = try await connection.domain(named: other)
            let events = try connection.domainEvents(.lifecycle, domain: domain)
            try await otherDomain.start()
            try await domain.start()
            try await otherDomain.destroy()
            try await domain.destroy()
            let received = await firstEvents(2, from: events) { event -> String? in
                guard case .lifecycle(let domain, let type, _) = event else { return nil }
                return "\(domain.name) \(type)"
            }
            #expect(received == ["\(watched) started", "\(watched) stopped"])
        }
    }

    /// Several streams on one connection each get every event.
    @Test("two streams each receive every event")
    func twoStreams() async throws {
        try await withAsyncTestNode { connection, _ in
            let name = uniqueName("twice")
            let first = try connection.domainEvents(.lifecycle)
            let second = try connection.domainEvents(.lifecycle)
            try Self.runWholeLife(of: name, on: connection)
            #expect(await firstEvents(6, from: first, select: Self.lifecycle(of: name)) == Self.wholeLife)
            #expect(await firstEvents(6, from: second, select: Self.lifecycle(of: name)) == Self.wholeLife)
        }
    }

    /// Breaking out of the iteration ends the stream; the changes made afterwards do not crash,
    /// and a new stream receives the events that follow, in order.
    ///
    /// A second registration, for metadata-change events, stays open throughout. libvirt 9.0
    /// loses every later event of a driver when its last callback is deregistered while another
    /// thread queues an event (`virObjectEventStateQueueRemote` reads the timer without the lock,
    /// and a queue that is not empty is never re-armed); keeping one callback registered avoids
    /// that libvirt race, while the lifecycle stream is still the only one of its kind, so ending
    /// it really deregisters its libvirt callback.
    @Test("changes after ending the iteration are safe")
    func changesAfterBreak() async throws {
        try await withAsyncTestNode { connection, _ in
            let keeper = try connection.domainEvents(.metadataChange)
            let name = uniqueName("break")
            do {
                let events = try connection.domainEvents(.lifecycle)
                let domain = try await connection.defineDomain(xml: domainXML(name: name))
                try await domain.start()
                // Reads one event and breaks out of the iteration.
                let seen = await firstEvents(1, from: events, select: Self.lifecycle(of: name))
                #expect(seen == [DomainRecord(.defined, .defined(.added))])
                // The stream is still referenced here, so this event is buffered, never read.
                try await domain.suspend()
            }
            // The ended stream is gone now: its callback is deregistered.
            let domain = try await connection.domain(named: name)
            try await domain.resume()
            try await domain.destroy()
            #expect(try await domain.info().state == .shutoff)

            let later = uniqueName("later")
            let events = try connection.domainEvents(.lifecycle)
            try Self.runWholeLife(of: later, on: connection)
            try await domain.undefine()
            // libvirt hands a new callback the events still queued when it registers, so the
            // first domain's resume and destroy may arrive too; only its undefine is certain.
            let received = await firstEvents(7, from: events) { event -> String? in
                guard case .lifecycle(let domain, let type, _) = event else { return nil }
                if domain.name == later { return "later \(type)" }
                return domain.name == name && type == .undefined ? "first \(type)" : nil
            }
            #expect(received == [
                "later defined", "later started", "later suspended", "later resumed", "later stopped",
                "later undefined", "first undefined",
            ])
            withExtendedLifetime(keeper) {}
        }
    }

    /// With no event coming, reading gives up after its timeout instead of hanging the suite.
    @Test("reading times out instead of hanging")
    func readingTimesOut() async throws {
        try await withAsyncTestNode { connection, _ in
            let events = try connection.domainEvents(.lifecycle)
            let (received, timedOut) = await collectEvents(1, from: events, timeout: .milliseconds(200)) { _ in 1 }
            #expect(timedOut)
            #expect(received.isEmpty)
        }
    }

    /// A stream dropped without ever being read deregisters; later changes do not call into it.
    @Test("dropping an unread stream is safe")
    func dropUnreadStream() async throws {
        try await withAsyncTestNode { connection, _ in
            for _ in 0..<20 {
                _ = try connection.domainEvents(.lifecycle)
            }
            let name = uniqueName("dropped")
            let events = try connection.domainEvents(.lifecycle)
            try Self.runWholeLife(of: name, on: connection)
            #expect(await firstEvents(6, from: events, select: Self.lifecycle(of: name)) == Self.wholeLife)
        }
    }

    /// Setting a domain's description reports a metadata change of type `description`
    /// without a namespace.
    @Test("metadata change events")
    func metadataChange() async throws {
        let name = uniqueName("meta")
        try await withAsyncTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try await connection.domain(named: name)
            let events = try connection.domainEvents(.metadataChange, domain: domain)
            try await domain.setMetadata(type: .description, metadata: "watched")
            try await domain.setMetadata(type: .title, metadata: "Watched")
            let received = await firstEvents(2, from: events) { event -> String? in
                guard case .metadataChange(let domain, let type, let uri) = event else { return nil }
                return "\(domain.name) \(type) \(uri)"
            }
            #expect(received == ["\(name) description ", "\(name) title "])
        }
    }

    /// Refreshing a running pool reports a refresh event about that pool.
    @Test("storage pool refresh events")
    func storagePoolRefresh() async throws {
        try await withAsyncTestNode { connection, directory in
            let name = uniqueName("refresh")
            let path = directory.appendingPathComponent("pool").path
            let pool = try await connection.defineStoragePool(xml: storagePoolXML(name: name, path: path))
            try await pool.start()
            let events = try connection.storagePoolEvents(.refresh, storagePool: pool)
            try await pool.refresh()
            let received = await firstEvents(1, from: events) { event -> String? in
                guard case .refresh(let pool) = event else { return nil }
                return pool.name
            }
            #expect(received == [name])
        }
    }

    /// Creating a virtual HBA on a vport-capable SCSI host and destroying it reports
    /// `created` and then `deleted` for the new device.
    ///
    /// The test driver creates vHBAs by copying a device named `scsi_host11`, so the node file
    /// carries the default node's `scsi_host1` and `scsi_host11`.
    @Test("node device lifecycle events")
    func nodeDeviceLifecycle() async throws {
        try await withAsyncTestNode(Self.fibreChannelDevices) { connection, _ in
            let events = try connection.nodeDeviceEvents(.lifecycle)
            let device = try await connection.createNodeDevice(xml: """
                <device><parent>scsi_host1</parent><capability type='scsi_host'>\
                <capability type='fc_host'><wwnn>2000000012345678</wwnn><wwpn>1000000012345678</wwpn>\
                </capability></capability></device>
                """)
            let name = device.name
            #expect(name.hasPrefix("scsi_host"))
            #expect(name != "scsi_host1" && name != "scsi_host11")
            try await device.destroy()
            let received = await firstEvents(2, from: events) { event -> NodeDevice.EventLifecycleType? in
                guard case .lifecycle(let device, let type, _) = event, device.name == name else { return nil }
                return type
            }
            #expect(received == [.created, .deleted])
        }
    }

    /// `scsi_host1` (a fibre-channel host that can create vports) and `scsi_host11` (the
    /// test driver's template for new vHBAs), as in `test:///default`.
    static let fibreChannelDevices = [
        """
        <device><name>scsi_host1</name><capability type='scsi_host'><host>1</host>\
        <unique_id>0</unique_id><capability type='fc_host'><wwnn>2000000012341234</wwnn>\
        <wwpn>1000000012341234</wwpn><fabric_wwn>2000000043214321</fabric_wwn></capability>\
        <capability type='vport_ops'><max_vports>127</max_vports><vports>1</vports></capability>\
        </capability></device>
        """,
        """
        <device><name>scsi_host11</name><parent>scsi_host1</parent><capability type='scsi_host'>\
        <host>11</host><unique_id>10</unique_id><capability type='fc_host'>\
        <wwnn>2000000034563456</wwnn><wwpn>1000000034563456</wwpn>\
        <fabric_wwn>2000000043214321</fabric_wwn></capability></capability></device>
        """,
    ]
}
