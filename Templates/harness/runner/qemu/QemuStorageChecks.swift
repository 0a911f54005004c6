// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt

/// Storage checks on firmware-only domains: internal snapshots while running, and block jobs
/// (pull, active commit, copy) with their job information and events.
enum QemuStorageChecks {
    /// The checks.
    static let all: [Check] = [
        Check("QEMU: snapshots") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-snapshots", running: true, on: connection, f.environment)
            for snapshot in try domain.allSnapshots() { try snapshot.delete() }
            let first = try domain.createSnapshot(xml: "<domainsnapshot><name>first</name></domainsnapshot>")
            let second = try domain.createSnapshot(xml: "<domainsnapshot><name>second</name></domainsnapshot>")
            try expect(try domain.snapshotNames().sorted(), ["first", "second"], "Domain.snapshotNames(options:)")
            try expect(try domain.numberOfSnapshots(), 2, "Domain.numberOfSnapshots(options:)")
            try expect(try domain.currentSnapshot().name, "second", "Domain.currentSnapshot()")
            try expect(try second.parent().name, "first", "DomainSnapshot.parent()")
            try expect(try first.childrenNames(), ["second"], "DomainSnapshot.childrenNames(options:)")
            try expect(try second.isCurrent(), true, "DomainSnapshot.isCurrent()")
            try domain.suspend()
            try first.revert()
            try expect(try domain.info().state, .running, "Domain.info()")
            try expect(try domain.state().reason, .running(.fromSnapshot), "Domain.state()")
            try expect(try domain.currentSnapshot().name, "first", "Domain.currentSnapshot()")
            try expect(try first.xmlDescription().contains("<state>running</state>"), true,
                       "DomainSnapshot.xmlDescription(options:)")
            try second.delete()
            try first.delete()
            try expect(try domain.numberOfSnapshots(), 0, "Domain.numberOfSnapshots(options:)")
            try expect(try domain.hasCurrentSnapshot(), false, "Domain.hasCurrentSnapshot()")
            try domain.destroy()
        },
        Check("QEMU: block jobs") { f in
            let connection = try f.connection()
            let name = "harness-blockjobs"
            let folder = QemuDomains.folder(f.environment)
            if let old = try? await connection.domain(named: name) {
                if try old.isActive { try await old.destroy() }
                try await old.undefine(options: [.snapshotsMetadata])
            }
            for file in ["\(name).qcow2", "\(name)-top.qcow2", "\(name)-copy.qcow2"] {
                try? FileManager.default.removeItem(atPath: "\(folder)/\(file)")
            }
            let domain = try QemuDomains.ensure(name, running: true, on: connection, f.environment)
            let events = try connection.domainEvents(.blockJob, domain: domain)

            try await domain.blockPull(disk: "vda", bandwidth: 0)
            try await waitForJob(domain, events, .pull, until: .completed)
            try await expect(try domain.xmlDescription().contains("base.qcow2"), false, "Domain.blockPull(disk:bandwidth:options:)")

            _ = try await domain.createSnapshot(xml: """
                <domainsnapshot><name>top</name><disks><disk name='vda' snapshot='external'>\
                <source file='\(folder)/\(name)-top.qcow2'/></disk></disks></domainsnapshot>
                """, options: [.diskOnly, .noMetadata])
            try await expect(try domain.xmlDescription().contains("\(name)-top.qcow2"), true, "Domain.createSnapshot(xml:options:)")
            try await domain.blockCommit(disk: "vda", bandwidth: 0, options: [.active])
            try await waitForJob(domain, events, .activeCommit, until: .ready)
            let commit = try await domain.blockJobInfo(disk: "vda")
            try expect(commit.type, .activeCommit, "Domain.blockJobInfo(disk:options:)")
            try expect(commit.current == commit.end, "Domain.blockJobInfo(disk:options:) of a ready job: \(commit.current) of \(commit.end)")
            try await domain.abortBlockJob(disk: "vda", options: [.pivot])
            try await waitForJob(domain, events, .activeCommit, until: .completed)
            try await expect(try domain.xmlDescription().contains("\(name)-top.qcow2"), false, "Domain.abortBlockJob(disk:options:)")

            let copy = "\(folder)/\(name)-copy.qcow2"
            try await domain.blockCopy(
                disk: "vda", destinationXML: "<disk type='file'><driver type='qcow2'/><source file='\(copy)'/></disk>",
                parameters: [:], options: [.transientJob])
            try await waitForJob(domain, events, .copy, until: .ready)
            try await domain.setBlockJobSpeed(disk: "vda", bandwidth: 100)
            try await expect(try domain.blockJobInfo(disk: "vda").bandwidth, 100, "Domain.blockJobInfo(disk:options:)")
            try await domain.abortBlockJob(disk: "vda", options: [.pivot])
            try await waitForJob(domain, events, .copy, until: .completed)
            try await expect(try domain.xmlDescription().contains(copy), true, "Domain.blockCopy(disk:destinationXML:parameters:options:)")
            try await expect(try domain.blockInfo(disk: "vda").capacity, 64 << 20, "Domain.blockInfo(disk:)")
            try await domain.destroy()
        },
    ]

    /// Waits (up to 30 seconds) for a block-job event on `vda` of `type` with `status`, failing
    /// on an event that reports the job failed.
    static func waitForJob(
        _ domain: Domain, _ events: AsyncStream<Domain.Event>, _ type: Domain.BlockJobType,
        until status: Connection.DomainEventBlockJobStatus
    ) async throws {
        let seen = try await EventAndStreamChecks.first(1, of: events, timeout: 30) { event -> Connection.DomainEventBlockJobStatus? in
            guard case .blockJob(_, _, let eventType, let eventStatus) = event, eventType == type else { return nil }
            return eventStatus == status || eventStatus == .failed ? eventStatus : nil
        }
        try expect(seen, [status], "Connection.domainEvents(_:domain:) block job \(type)")
    }
}
