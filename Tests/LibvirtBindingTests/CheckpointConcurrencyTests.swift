import Foundation
import Libvirt
import Synchronization
import Testing

/// Checkpoints made at once on several threads. Creating, listing, navigating, reverting and
/// deleting snapshots and checkpoints are the harness's scenarios
/// (`Templates/harness/runner/SnapshotChecks.swift`), which `HarnessScenarioTests` runs under
/// `swift test`.
@Suite("Checkpoints on several threads")
struct CheckpointConcurrencyTests {
    /// A checkpoint definition with a name.
    ///
    /// - Parameter name: The checkpoint name.
    static func checkpointXML(name: String) -> String {
        "<domaincheckpoint><name>\(name)</name></domaincheckpoint>"
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
}
