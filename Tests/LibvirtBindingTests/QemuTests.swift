import Foundation
import Libvirt
import LibvirtQemu
import LibvirtTypedXML
import LibvirtXML
import Testing

/// The bindings against real QEMU processes, through libvirt's embedded QEMU driver: QEMU's own
/// documents through the typed XML API, and a stream released during a transfer. Saving and
/// restoring, managed save, snapshots, block jobs, screenshots, monitor commands, statistics and
/// what a running domain reports about itself are the harness's QEMU scenarios
/// (`Templates/harness/runner/qemu`), which ``QemuScenarioTests`` runs.
///
/// Every test starts a firmware-only domain of its own (a unique name, a folder of its own) on
/// the process's one shared connection (see ``QemuGround``) and destroys and undefines it when it
/// ends, so the tests can run in parallel. Skipped only when the QEMU packages are not installed.
@Suite("QEMU", .tags(.qemu), .qemuAvailable)
struct QEMUTests {
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
}
