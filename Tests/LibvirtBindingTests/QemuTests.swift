import Foundation
import Libvirt
import LibvirtQemu
import LibvirtTypedXML
import LibvirtXML
import Testing

/// The bindings against real QEMU processes, through libvirt's embedded QEMU driver: saving and
/// restoring, managed save, snapshots, block jobs, screenshots, monitor commands and what a
/// running domain reports about itself.
///
/// Every test starts a firmware-only domain of its own (a unique name, a folder of its own) on
/// the process's one shared connection (see ``QemuGround``) and destroys and undefines it when it
/// ends, so the tests can run in parallel. Skipped only when the QEMU packages are not installed.
@Suite(
    "QEMU", .tags(.qemu),
    .enabled(
        if: QemuGround.isAvailable,
        """
        the QEMU packages (qemu-system-x86, qemu-utils, libvirt-daemon-driver-qemu) are not installed; \
        bash .ci/setup installs them
        """)
)
struct QEMUTests {
    /// Whether a lifecycle detail is a `pmsuspended` one.
    static func isPMSuspended(_ detail: Domain.LifecycleDetail) -> Bool {
        if case .pmsuspended = detail { return true }
        return false
    }

    /// The running domain reports the name, UUID, memory and vCPU counts of its definition.
    @Test("a running domain reports the values of its definition")
    func definitionValues() async throws {
        try await QemuGround.withDomain("values") { connection, test in
            let domain = test.domain
            #expect(domain.name == test.name)
            #expect(try domain.uuid == UUID(uuidString: test.uuid))
            let info = try domain.info()
            #expect(info.state == .running)
            #expect(info.maxMemory == 131072)
            #expect(info.virtualCPUCount == 1)
            #expect(try domain.vcpuCount(options: [.maximum]) == 2)
            #expect(try connection.domain(uuid: UUID(uuidString: test.uuid)!).name == test.name)
        }
    }

    /// QEMU's own documents through the typed API: the running domain's live document reads
    /// typed (every element and attribute modelled), its persistent definition changes its
    /// memory through a property, is defined again and reads back changed; the host's domain
    /// capabilities read typed.
    @Test("QEMU's documents round-trip through the typed API")
    func typedDocuments() async throws {
        try await QemuGround.withDomain("typedxml") { connection, test in
            let live = try await test.domain.description()
            #expect(live.name == test.name)
            #expect(live.id != nil)
            #expect(live.devices?.disks.first?.target?.device == "vda")
            if case .file(let file)? = live.devices?.disks.first?.variant {
                #expect(file.source?.file?.hasSuffix(".qcow2") == true)
            } else {
                Issue.record("the guest's disk is not a file disk: \(String(describing: live.devices?.disks.first?.type))")
            }
            let share = live.typedShare()
            #expect(share.typed == share.total, "typed \(share.typed) of \(share.total)")
            #expect(try DomainDescription(xml: live.xmlString()) == live)

            var definition = try await test.domain.description(options: [.inactive])
            #expect(definition.currentMemory?.value == 131_072)
            #expect(definition.currentMemory?.size?.bytes == 131_072 * 1024)
            definition.currentMemory?.value = 65_536
            let redefined = try await connection.defineDomain(definition)
            #expect(try await redefined.description(options: [.inactive]).currentMemory?.value == 65_536)
            #expect(try await redefined.description().currentMemory?.value == 131_072)

            let capabilities = try await connection.domainCapabilitiesDescription()
            #expect(capabilities.path != nil)
            #expect(capabilities.typedShare().typed == capabilities.typedShare().total)
        }
    }

    /// A running guest's statistics read through the typed views: state, CPU time, balloon,
    /// vCPUs (numbered entries) and its one disk, with values matching its definition.
    @Test("statistics of a running guest through the typed views")
    func typedStatistics() async throws {
        try await QemuGround.withDomain("stats") { connection, test in
            let records = try connection.domainStats([.state, .cpuTotal, .balloon, .vcpu, .block], for: [test.domain])
            let record = try #require(records.first)
            #expect(record.state.state == .running)
            #expect((record.cpu.time ?? 0) > 0)
            #expect(record.balloon.maximum == 131072)
            #expect(record.vcpu.current == 1 && record.vcpu.maximum == 2)
            #expect(record.vcpu.entries.map(\.index) == [0])
            #expect(record.vcpu.entries.first?.state == .running)
            #expect(record.block.count == 1)
            #expect(record.block.entries.first?.name == "vda")
            #expect((record.block.entries.first?.capacity ?? 0) > 0)
        }
    }

    /// save(to:) leaves the domain shut off because it was saved, after a pause and a stop as
    /// saved (and no power-management suspension); restoreDomain(from:) runs it again, restored.
    @Test("save to a file and restore: states, reasons and lifecycle events")
    func saveAndRestore() async throws {
        try await QemuGround.withDomain("save") { connection, test in
            let domain = test.domain
            let file = test.folder.appendingPathComponent("save.img").path
            let events = try connection.domainEvents(.lifecycle, domain: domain)

            try await domain.save(to: file)
            let (saved, savedReason) = try await domain.state()
            #expect(saved == .shutoff)
            #expect(savedReason == .shutoff(.saved))
            #expect(try domain.isActive == false)
            #expect(FileManager.default.fileExists(atPath: file))

            try await connection.restoreDomain(from: file)
            let (restored, restoredReason) = try await domain.state()
            #expect(restored == .running)
            #expect(restoredReason == .running(.restored))

            let details = await QemuGround.lifecycleDetails(from: events) { $0 == .started(.restored) }
            #expect(containsInOrder(details, [.suspended(.paused), .stopped(.saved), .started(.restored)]))
            #expect(!details.contains(where: Self.isPMSuspended))
        }
    }

    /// managedSave() stops the domain as saved and keeps an image, which the next start()
    /// consumes to run the domain again, restored.
    @Test("managed save, then start restores")
    func managedSave() async throws {
        try await QemuGround.withDomain("msave") { connection, test in
            let domain = test.domain
            #expect(try await domain.hasManagedSaveImage() == false)
            let events = try connection.domainEvents(.lifecycle, domain: domain)

            try await domain.managedSave()
            #expect(try await domain.hasManagedSaveImage())
            let (saved, savedReason) = try await domain.state()
            #expect(saved == .shutoff)
            #expect(savedReason == .shutoff(.saved))
            #expect(try await connection.allDomains(options: .managedsave).map(\.name).contains(test.name))

            try await domain.start()
            let (running, runningReason) = try await domain.state()
            #expect(running == .running)
            #expect(runningReason == .running(.restored))
            #expect(try await domain.hasManagedSaveImage() == false)

            let details = await QemuGround.lifecycleDetails(from: events) { $0 == .started(.restored) }
            #expect(containsInOrder(details, [.stopped(.saved), .started(.restored)]))
        }
    }

    /// An internal snapshot of the running domain is listed and current; reverting to it after
    /// pausing the domain runs it again; deleting it leaves no snapshot.
    @Test("snapshot: create, list, revert, delete")
    func snapshot() async throws {
        try await QemuGround.withDomain("snap") { _, test in
            let domain = test.domain
            let snapshot = try domain.createSnapshot(xml: "<domainsnapshot><name>s1</name></domainsnapshot>")
            #expect(snapshot.name == "s1")
            #expect(try domain.snapshotNames() == ["s1"])
            #expect(try domain.numberOfSnapshots() == 1)
            #expect(try domain.hasCurrentSnapshot())
            #expect(try domain.currentSnapshot().name == "s1")
            #expect(try snapshot.isCurrent())

            try domain.suspend()
            #expect(try domain.info().state == .paused)
            try snapshot.revert()
            let (state, reason) = try domain.state()
            #expect(state == .running)
            #expect(reason == .running(.fromSnapshot))

            try snapshot.delete()
            #expect(try domain.snapshotNames().isEmpty)
            #expect(try domain.hasCurrentSnapshot() == false)
            #expect(throws: LibvirtError.self) { try domain.snapshot(named: "s1") }
        }
    }

    /// Pulling `vda`'s backing image into it completes, reported by a `blockJob` event naming
    /// the disk by target, and leaves the disk without a backing chain.
    @Test("block pull completes with its event")
    func blockPull() async throws {
        try await QemuGround.withDomain("pull", backingFile: true) { connection, test in
            let domain = test.domain
            #expect(try await domain.xmlDescription().contains("base.qcow2"))
            let events = try connection.domainEvents(.blockJob, domain: domain)

            try await domain.blockPull(disk: "vda", bandwidth: 0)
            let finished: @Sendable (BlockJobRecord) -> Bool = { $0.status != .ready }
            let jobs = await QemuGround.events(from: events, until: finished) { event in
                guard case .blockJob(_, let disk, let type, let status) = event else { return nil }
                return BlockJobRecord(disk: disk, type: type, status: status)
            }
            #expect(jobs.last == BlockJobRecord(disk: "vda", type: .pull, status: .completed))
            #expect(try await domain.xmlDescription().contains("base.qcow2") == false)
        }
    }

    /// A screenshot of the VGA display comes through a stream as a PNG image.
    @Test("screenshot through a stream is a PNG image")
    func screenshot() async throws {
        try await QemuGround.withDomain("shot") { connection, test in
            let stream = try await connection.makeStream()
            let mime = try await test.domain.screenshot(stream: stream, screen: 0)
            #expect(mime == "image/png")
            var image: [UInt8] = []
            for try await chunk in stream.bytes() {
                image += chunk
            }
            #expect(image.starts(with: [137, 80, 78, 71, 13, 10, 26, 10]))
            #expect(image.count > 100)
        }
    }

    /// A stream released during a transfer is aborted, as libvirt requires: the console it held
    /// can be opened again without forcing. Freed without the abort, the stream would keep the
    /// console, and the second open would fail with "Active console session exists".
    @Test("a stream released during a transfer is aborted")
    func releasedStreamIsAborted() async throws {
        try await QemuGround.withDomain("console") { connection, test in
            try test.domain.openConsole(stream: connection.makeStream())
            let again = try connection.makeStream()
            try test.domain.openConsole(stream: again)
            try again.abort()
        }
    }

    /// A QMP command answers with QEMU's JSON: `query-status` says the domain runs.
    @Test("QMP monitor command")
    func monitorQMP() async throws {
        try await QemuGround.withDomain("qmp") { _, test in
            let reply = try test.domain.qemuMonitorCommand("{\"execute\":\"query-status\"}")
            let object = try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any]
            let result = try #require(object?["return"] as? [String: Any])
            #expect(result["status"] as? String == "running")
            #expect(result["running"] as? Bool == true)
        }
    }

    /// An HMP command answers with the human monitor's text, which follows the domain's state.
    @Test("HMP monitor command")
    func monitorHMP() async throws {
        try await QemuGround.withDomain("hmp") { _, test in
            let domain = test.domain
            #expect(try domain.qemuMonitorCommand("info status", options: [.hmp]).contains("running"))
            try domain.suspend()
            #expect(try domain.qemuMonitorCommand("info status", options: [.hmp]).contains("paused"))
        }
    }
}

/// One `blockJob` event, without the domain: what the block-job test compares.
struct BlockJobRecord: Equatable, Sendable, CustomStringConvertible {
    /// The disk's target name.
    var disk: String
    /// The kind of job.
    var type: Domain.BlockJobType
    /// What happened to it.
    var status: Connection.DomainEventBlockJobStatus

    /// `disk type status`, for failure messages.
    var description: String { "\(disk) \(type) \(status)" }
}
