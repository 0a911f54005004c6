// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Snapshot and checkpoint checks (on different domains: the test driver refuses a checkpoint on a
/// domain that has snapshots, and the other way round).
enum SnapshotChecks {
    /// A snapshot definition with a name and, optionally, a description.
    static func snapshot(_ name: String, description: String? = nil) -> String {
        "<domainsnapshot><name>\(name)</name>\(description.map { "<description>\($0)</description>" } ?? "")</domainsnapshot>"
    }

    /// A checkpoint definition with a name.
    static func checkpoint(_ name: String) -> String {
        "<domaincheckpoint><name>\(name)</name></domaincheckpoint>"
    }

    /// The checks.
    static let all: [Check] = [
        Check("snapshots") { f in
            let domain = try f.domain()
            try expect(try domain.numberOfSnapshots(), 0, "Domain.numberOfSnapshots(options:)")
            try expect(try domain.hasCurrentSnapshot(), false, "Domain.hasCurrentSnapshot()")
            try expect(try domain.allSnapshots().isEmpty, true, "Domain.allSnapshots(options:)")
            try expectFailure(LibvirtError.Code.noDomainSnapshot.rawValue, "Domain.currentSnapshot()") {
                _ = try domain.currentSnapshot()
            }
            let root = try domain.createSnapshot(xml: snapshot("root"))
            let child = try domain.createSnapshot(xml: snapshot("child", description: "two"))
            try expect(root.name, "root", "DomainSnapshot.name")
            try expect(try domain.numberOfSnapshots(), 2, "Domain.numberOfSnapshots(options:)")
            try expect(try domain.snapshotNames().sorted(), ["child", "root"], "Domain.snapshotNames(options:)")
            try expect(try domain.allSnapshots().map(\.name).sorted(), ["child", "root"], "Domain.allSnapshots(options:)")
            try expect(try domain.snapshotNames(options: .roots), ["root"], "Domain.snapshotNames(options:)")
            try expect(try domain.snapshotNames(options: .leaves), ["child"], "Domain.snapshotNames(options:)")
            try expect(try domain.numberOfSnapshots(options: .roots), 1, "Domain.numberOfSnapshots(options:)")
            try expect(try domain.hasCurrentSnapshot(), true, "Domain.hasCurrentSnapshot()")
            try expect(try domain.currentSnapshot().name, "child", "Domain.currentSnapshot()")
            try expect(try child.isCurrent(), true, "DomainSnapshot.isCurrent()")
            try expect(try root.isCurrent(), false, "DomainSnapshot.isCurrent()")
            try expect(try child.hasMetadata(), true, "DomainSnapshot.hasMetadata()")
            try expect(try domain.snapshot(named: "root").name, "root", "Domain.snapshot(named:)")
            try expect(try child.domain, domain, "DomainSnapshot.domain")
            try expectFailure(LibvirtError.Code.noDomainSnapshot.rawValue, "Domain.snapshot(named:)") {
                _ = try domain.snapshot(named: "missing")
            }
            let xml = try child.xmlDescription()
            for part in ["<name>child</name>", "<description>two</description>", "<parent>", "<name>root</name>",
                         "<state>running</state>"] {
                try expect(xml.contains(part), "DomainSnapshot.xmlDescription(options:) lacks \(part)")
            }

            let grandchild = try domain.createSnapshot(xml: snapshot("grandchild"))
            try expect(try child.parent().name, "root", "DomainSnapshot.parent()")
            try expect(try grandchild.parent().parent().name, "root", "DomainSnapshot.parent()")
            try expectFailure(LibvirtError.Code.noDomainSnapshot.rawValue, "DomainSnapshot.parent()") {
                _ = try root.parent()
            }
            try expect(try root.numberOfChildren(), 1, "DomainSnapshot.numberOfChildren(options:)")
            try expect(try root.childrenNames(), ["child"], "DomainSnapshot.childrenNames(options:)")
            try expect(try root.allChildren().map(\.name), ["child"], "DomainSnapshot.allChildren(options:)")
            try expect(try root.numberOfChildren(options: .descendants), 2, "DomainSnapshot.numberOfChildren(options:)")
            try expect(try root.childrenNames(options: .descendants).sorted(), ["child", "grandchild"],
                       "DomainSnapshot.childrenNames(options:)")
            try expect(try grandchild.numberOfChildren(), 0, "DomainSnapshot.numberOfChildren(options:)")
            try expect(try grandchild.allChildren().isEmpty, true, "DomainSnapshot.allChildren(options:)")

            // Reverting makes the older snapshot current and the domain running, as it was then.
            try domain.destroy()
            try root.revert()
            try expect(try domain.currentSnapshot().name, "root", "Domain.currentSnapshot()")
            try expect(try root.isCurrent(), true, "DomainSnapshot.isCurrent()")
            try expect(try domain.info().state, .running, "Domain.info()")

            // Deleting one snapshot moves its children up; `.children` takes the whole subtree.
            try child.delete()
            try expect(try domain.snapshotNames().sorted(), ["grandchild", "root"], "Domain.snapshotNames(options:)")
            try expect(try domain.snapshot(named: "grandchild").parent().name, "root", "DomainSnapshot.parent()")
            try expectFailure(LibvirtError.Code.noDomainSnapshot.rawValue, "Domain.snapshot(named:)") {
                _ = try domain.snapshot(named: "child")
            }
            try root.delete(options: .children)
            try expect(try domain.numberOfSnapshots(), 0, "Domain.numberOfSnapshots(options:)")
            try expect(try domain.hasCurrentSnapshot(), false, "Domain.hasCurrentSnapshot()")
        },
        Check("checkpoints") { f in
            let domain = try f.connection().domain(named: "harness-checkpoints")
            try expect(try domain.allCheckpoints().isEmpty, true, "Domain.allCheckpoints(options:)")
            let first = try domain.createCheckpoint(xml: checkpoint("first"))
            let second = try domain.createCheckpoint(xml: checkpoint("second"))
            try expect(first.name, "first", "DomainCheckpoint.name")
            try expect(try domain.allCheckpoints().map(\.name).sorted(), ["first", "second"],
                       "Domain.allCheckpoints(options:)")
            try expect(try domain.allCheckpoints(options: .roots).map(\.name), ["first"], "Domain.allCheckpoints(options:)")
            try expect(try domain.allCheckpoints(options: .leaves).map(\.name), ["second"],
                       "Domain.allCheckpoints(options:)")
            try expect(try second.parent().name, "first", "DomainCheckpoint.parent()")
            try expect(try first.allChildren().map(\.name), ["second"], "DomainCheckpoint.allChildren(options:)")
            try expect(try domain.checkpoint(named: "first").name, "first", "Domain.checkpoint(named:)")
            try expect(try second.domain, domain, "DomainCheckpoint.domain")
            let xml = try second.xmlDescription()
            try expect(xml.contains("<name>second</name>") && xml.contains("<disk name='vda' checkpoint='bitmap' bitmap='second'/>"),
                       "DomainCheckpoint.xmlDescription(options:) lacks the name or the disk's bitmap")
            try expectFailure(LibvirtError.Code.noDomainCheckpoint.rawValue, "DomainCheckpoint.parent()") {
                _ = try first.parent()
            }
            try second.delete()
            try expect(try domain.allCheckpoints().map(\.name), ["first"], "Domain.allCheckpoints(options:)")
            try expectFailure(LibvirtError.Code.noDomainCheckpoint.rawValue, "Domain.checkpoint(named:)") {
                _ = try domain.checkpoint(named: "second")
            }
            try first.delete()
            try expect(try domain.allCheckpoints().isEmpty, true, "Domain.allCheckpoints(options:)")
        },
        Check("snapshots and checkpoints exclude each other") { f in
            let snapshotted = try f.domain()
            _ = try snapshotted.createSnapshot(xml: snapshot("only"))
            try expectFailure(LibvirtError.Code.operationUnsupported.rawValue, "Domain.createCheckpoint(xml:options:)") {
                _ = try snapshotted.createCheckpoint(xml: checkpoint("refused"))
            }
            try expect(try snapshotted.allCheckpoints().isEmpty, true, "Domain.allCheckpoints(options:)")
            let checkpointed = try f.connection().domain(named: "harness-checkpoints")
            _ = try checkpointed.createCheckpoint(xml: checkpoint("only"))
            try expectFailure(LibvirtError.Code.operationUnsupported.rawValue, "Domain.createSnapshot(xml:options:)") {
                _ = try checkpointed.createSnapshot(xml: snapshot("refused"))
            }
            try expect(try checkpointed.numberOfSnapshots(), 0, "Domain.numberOfSnapshots(options:)")
        },
    ]
}
