import Foundation
import Libvirt
import Synchronization
import Testing

/// Domain snapshots and checkpoints: create, list, navigate, revert and delete.
///
/// The test driver refuses a checkpoint on a domain that has snapshots (and the other way
/// round), so snapshot and checkpoint tests each use domains of their own.
@Suite("Snapshots and checkpoints")
struct SnapshotCheckpointTests {
    /// A snapshot definition with a name and, optionally, a description.
    ///
    /// - Parameter name: The snapshot name.
    /// - Parameter description: The snapshot description, if any.
    static func snapshotXML(name: String, description: String? = nil) -> String {
        let text = description.map { "<description>\($0)</description>" } ?? ""
        return "<domainsnapshot><name>\(name)</name>\(text)</domainsnapshot>"
    }

    /// A checkpoint definition with a name.
    ///
    /// - Parameter name: The checkpoint name.
    static func checkpointXML(name: String) -> String {
        "<domaincheckpoint><name>\(name)</name></domaincheckpoint>"
    }

    /// Two snapshots in a row: both are listed and counted, the second is current and a child
    /// of the first, and each can be looked up by name.
    @Test("create, list and look up snapshots")
    func createAndList() throws {
        let name = uniqueName("snap")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            #expect(try domain.numberOfSnapshots() == 0)
            #expect(try domain.hasCurrentSnapshot() == false)
            #expect(try domain.allSnapshots().isEmpty)
            let noCurrent = expectLibvirtError { _ = try domain.currentSnapshot() }
            #expect(noCurrent?.code == .noDomainSnapshot)

            let first = try domain.createSnapshot(xml: Self.snapshotXML(name: "first"))
            let second = try domain.createSnapshot(xml: Self.snapshotXML(name: "second", description: "two"))
            #expect(first.name == "first")
            #expect(second.name == "second")

            #expect(try domain.numberOfSnapshots() == 2)
            #expect(try domain.snapshotNames().sorted() == ["first", "second"])
            #expect(try domain.allSnapshots().map(\.name).sorted() == ["first", "second"])
            #expect(try domain.snapshotNames(options: .roots) == ["first"])
            #expect(try domain.snapshotNames(options: .leaves) == ["second"])
            #expect(try domain.numberOfSnapshots(options: .roots) == 1)

            #expect(try domain.hasCurrentSnapshot())
            #expect(try domain.currentSnapshot().name == "second")
            #expect(try second.isCurrent())
            #expect(try first.isCurrent() == false)
            #expect(try second.hasMetadata())

            #expect(try domain.snapshot(named: "first").name == "first")
            #expect(try second.domain == domain)
            #expect(try second.domain.name == name)
            let missing = expectLibvirtError { _ = try domain.snapshot(named: "third") }
            #expect(missing?.code == .noDomainSnapshot)

            let xml = try second.xmlDescription()
            #expect(xml.contains("<name>second</name>"))
            #expect(xml.contains("<description>two</description>"))
            #expect(xml.contains("<parent>"))
            #expect(xml.contains("<name>first</name>"))
            #expect(xml.contains("<state>running</state>"))
        }
    }

    /// The second snapshot's parent is the first, which has it as its only child; the first is
    /// a root, so asking for its parent is an error.
    @Test("parent and children")
    func parentAndChildren() throws {
        let name = uniqueName("tree")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let root = try domain.createSnapshot(xml: Self.snapshotXML(name: "root"))
            let child = try domain.createSnapshot(xml: Self.snapshotXML(name: "child"))
            let grandchild = try domain.createSnapshot(xml: Self.snapshotXML(name: "grandchild"))

            #expect(try child.parent().name == "root")
            #expect(try grandchild.parent().name == "child")
            #expect(try grandchild.parent().parent().name == "root")
            let rootParent = expectLibvirtError { _ = try root.parent() }
            #expect(rootParent?.code == .noDomainSnapshot)

            #expect(try root.numberOfChildren() == 1)
            #expect(try root.childrenNames() == ["child"])
            #expect(try root.allChildren().map(\.name) == ["child"])
            #expect(try root.numberOfChildren(options: .descendants) == 2)
            #expect(try root.childrenNames(options: .descendants).sorted() == ["child", "grandchild"])
            #expect(try grandchild.numberOfChildren() == 0)
            #expect(try grandchild.allChildren().isEmpty)
        }
    }

    /// Reverting makes the older snapshot current again and leaves the domain running, as it
    /// was when the snapshot was taken.
    @Test("revert to a snapshot")
    func revert() throws {
        let name = uniqueName("revert")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let first = try domain.createSnapshot(xml: Self.snapshotXML(name: "first"))
            _ = try domain.createSnapshot(xml: Self.snapshotXML(name: "second"))
            #expect(try domain.currentSnapshot().name == "second")

            try domain.destroy()
            #expect(try domain.info().state == .shutoff)
            try first.revert()
            #expect(try domain.currentSnapshot().name == "first")
            #expect(try first.isCurrent())
            #expect(try domain.info().state == .running)
        }
    }

    /// Deleting one snapshot leaves the others; deleting with `.children` takes the whole
    /// subtree, and a deleted snapshot can no longer be found.
    @Test("delete snapshots")
    func delete() throws {
        let name = uniqueName("delete")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let root = try domain.createSnapshot(xml: Self.snapshotXML(name: "root"))
            let middle = try domain.createSnapshot(xml: Self.snapshotXML(name: "middle"))
            _ = try domain.createSnapshot(xml: Self.snapshotXML(name: "leaf"))

            try middle.delete()
            #expect(try domain.snapshotNames().sorted() == ["leaf", "root"])
            // The leaf moves up to the deleted snapshot's parent.
            #expect(try domain.snapshot(named: "leaf").parent().name == "root")
            let gone = expectLibvirtError { _ = try domain.snapshot(named: "middle") }
            #expect(gone?.code == .noDomainSnapshot)

            try root.delete(options: .children)
            #expect(try domain.numberOfSnapshots() == 0)
            #expect(try domain.snapshotNames().isEmpty)
            #expect(try domain.hasCurrentSnapshot() == false)
        }
    }

    /// Two checkpoints in a row: both are listed, the second is a child of the first, and
    /// deleting one leaves the other.
    @Test("create, list and delete checkpoints")
    func checkpoints() throws {
        let name = uniqueName("checkpoint")
        try withTestNode([diskDomainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            #expect(try domain.allCheckpoints().isEmpty)

            let first = try domain.createCheckpoint(xml: Self.checkpointXML(name: "c1"))
            let second = try domain.createCheckpoint(xml: Self.checkpointXML(name: "c2"))
            #expect(first.name == "c1")
            #expect(second.name == "c2")
            #expect(try domain.allCheckpoints().map(\.name).sorted() == ["c1", "c2"])
            #expect(try domain.allCheckpoints(options: .roots).map(\.name) == ["c1"])
            #expect(try domain.allCheckpoints(options: .leaves).map(\.name) == ["c2"])
            #expect(try domain.checkpoint(named: "c1").name == "c1")
            #expect(try second.parent().name == "c1")
            #expect(try first.allChildren().map(\.name) == ["c2"])
            #expect(try second.domain == domain)

            let xml = try second.xmlDescription()
            #expect(xml.contains("<name>c2</name>"))
            #expect(xml.contains("<disk name='vda' checkpoint='bitmap' bitmap='c2'/>"))
            let rootParent = expectLibvirtError { _ = try first.parent() }
            #expect(rootParent?.code == .noDomainCheckpoint)

            try second.delete()
            #expect(try domain.allCheckpoints().map(\.name) == ["c1"])
            let gone = expectLibvirtError { _ = try domain.checkpoint(named: "c2") }
            #expect(gone?.code == .noDomainCheckpoint)
            try first.delete()
            #expect(try domain.allCheckpoints().isEmpty)
        }
    }

    /// Every checkpoint is validated against libvirt's schema in this process, so checkpoints made
    /// on several threads at once validate at once: all succeed (before the runtime filled
    /// libxml2's type tables itself, the first two at once failed in 1 run of 200,
    /// `Reproductions/libxml2-types-race.c`), and libxml2 is found under the name the runtime
    /// looks it up by.
    @Test("checkpoints made on several threads at once")
    func concurrentCheckpoints() throws {
        let names = (0..<8).map { uniqueName("parallel\($0)") }
        try withTestNode(names.map { diskDomainXML(name: $0) }) { connection, _ in
            let domains = try names.map { try connection.domain(named: $0) }
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: domains.count) { index in
                do {
                    _ = try domains[index].createCheckpoint(xml: Self.checkpointXML(name: "c"))
                } catch {
                    failures.withLock { $0.append("\(names[index]): \(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(try domains.allSatisfy { try $0.allCheckpoints().map(\.name) == ["c"] })
        }
        let libxml2 = dlopen("libxml2.so.2", RTLD_NOW | RTLD_NOLOAD)
        #expect(libxml2 != nil)
        if let libxml2 { dlclose(libxml2) }
    }

    /// The test driver refuses a checkpoint on a domain that has a snapshot, and a snapshot on
    /// a domain that has a checkpoint.
    @Test("snapshots and checkpoints exclude each other")
    func mutualExclusion() throws {
        let withSnapshot = uniqueName("hasnap")
        let withCheckpoint = uniqueName("hascheck")
        let elements = [diskDomainXML(name: withSnapshot), diskDomainXML(name: withCheckpoint)]
        try withTestNode(elements) { connection, _ in
            let snapshotted = try connection.domain(named: withSnapshot)
            _ = try snapshotted.createSnapshot(xml: Self.snapshotXML(name: "s"))
            let checkpoint = expectLibvirtError {
                _ = try snapshotted.createCheckpoint(xml: Self.checkpointXML(name: "c"))
            }
            #expect(checkpoint?.code == .operationUnsupported)
            #expect(try snapshotted.allCheckpoints().isEmpty)

            let checkpointed = try connection.domain(named: withCheckpoint)
            _ = try checkpointed.createCheckpoint(xml: Self.checkpointXML(name: "c"))
            let snapshot = expectLibvirtError {
                _ = try checkpointed.createSnapshot(xml: Self.snapshotXML(name: "s"))
            }
            #expect(snapshot?.code == .operationUnsupported)
            #expect(try checkpointed.numberOfSnapshots() == 0)
        }
    }
}
