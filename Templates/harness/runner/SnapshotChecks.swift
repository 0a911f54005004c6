// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Snapshot and checkpoint checks (on different domains: the test driver keeps them apart).
enum SnapshotChecks {
    /// The checks.
    static let all: [Check] = [
        Check("snapshots") { f in
            let domain = try f.domain()
            try expect(try domain.hasCurrentSnapshot(), false, "Domain.hasCurrentSnapshot()")
            let root = try domain.createSnapshot(xml: "<domainsnapshot><name>root</name></domainsnapshot>")
            let child = try domain.createSnapshot(xml: "<domainsnapshot><name>child</name></domainsnapshot>")
            try expect(try domain.numberOfSnapshots(), 2, "Domain.numberOfSnapshots(options:)")
            try expect(try domain.snapshotNames().sorted(), ["child", "root"], "Domain.snapshotNames(options:)")
            try expect(try domain.allSnapshots().count, 2, "Domain.allSnapshots(options:)")
            try expect(try domain.currentSnapshot().name, "child", "Domain.currentSnapshot()")
            try expect(try child.isCurrent(), true, "DomainSnapshot.isCurrent()")
            try expect(try child.parent().name, "root", "DomainSnapshot.parent()")
            try expect(try root.allChildren().map(\.name), ["child"], "DomainSnapshot.allChildren(options:)")
            try expect(try domain.snapshot(named: "root").name, "root", "Domain.snapshot(named:)")
            try root.revert()
            try expect(try domain.currentSnapshot().name, "root", "Domain.currentSnapshot()")
            try child.delete()
            try expect(try domain.numberOfSnapshots(), 1, "Domain.numberOfSnapshots(options:)")
            try expectFailure(LibvirtError.Code.noDomainSnapshot.rawValue, "Domain.snapshot(named:)") {
                _ = try domain.snapshot(named: "child")
            }
        },
        Check("checkpoints") { f in
            let domain = try f.connection().domain(named: "harness-checkpoints")
            let first = try domain.createCheckpoint(xml: "<domaincheckpoint><name>first</name></domaincheckpoint>")
            let second = try domain.createCheckpoint(xml: "<domaincheckpoint><name>second</name></domaincheckpoint>")
            try expect(try domain.allCheckpoints().map(\.name).sorted(), ["first", "second"],
                       "Domain.allCheckpoints(options:)")
            try expect(try second.parent().name, "first", "DomainCheckpoint.parent()")
            try expect(try first.allChildren().map(\.name), ["second"], "DomainCheckpoint.allChildren(options:)")
            try expect(try domain.checkpoint(named: "first").name, "first", "Domain.checkpoint(named:)")
            try expect(try second.xmlDescription().contains("<name>second</name>"), true,
                       "DomainCheckpoint.xmlDescription(options:)")
            try second.delete()
            try expect(try domain.allCheckpoints().count, 1, "Domain.allCheckpoints(options:)")
        },
    ]
}
