// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt

/// Domain checks on the harness's node: its domains, and a domain taken through its life.
enum DomainChecks {
    /// A domain definition the test driver accepts.
    static func definition(_ name: String) -> String {
        "<domain type='test'><name>\(name)</name><memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>"
    }

    /// The checks.
    static let all: [Check] = [
        Check("node domains") { f in
            let connection = try f.connection()
            try expect(try connection.allDomains().map(\.name).sorted(),
                       ["harness-checkpoints", "harness-running", "harness-stopped"], "Connection.allDomains(options:)")
            try expect(try connection.numberOfActiveDomains, 2, "Connection.numberOfActiveDomains")
            try expect(try connection.numberOfDefinedDomains, 1, "Connection.numberOfDefinedDomains")
            try expect(try connection.definedDomainNames, ["harness-stopped"], "Connection.definedDomainNames")
            try expect(try connection.allDomains(options: .active).map(\.name).sorted(),
                       ["harness-checkpoints", "harness-running"], "Connection.allDomains(options:)")
            try expect(try connection.allDomains(options: .running).map(\.name).sorted(),
                       ["harness-checkpoints", "harness-running"], "Connection.allDomains(options:)")
            try expect(try connection.allDomains(options: .inactive).map(\.name), ["harness-stopped"],
                       "Connection.allDomains(options:)")
            try expect(try connection.allDomains(options: .shutoff).map(\.name), ["harness-stopped"],
                       "Connection.allDomains(options:)")
            try expect(try connection.activeDomainIDs.sorted(), [1, 2], "Connection.activeDomainIDs")
            let running = try f.domain()
            try expect(running.id, 1, "Domain.id")
            try expect(try running.uuid.uuidString.lowercased(), "1f6a2b3c-0000-4000-8000-000000000001", "Domain.uuid")
            let byID = try connection.domain(id: 1)
            let byUUID = try connection.domain(uuid: running.uuid)
            try expect(byID.name, "harness-running", "Connection.domain(id:)")
            try expect(byUUID.name, "harness-running", "Connection.domain(uuid:)")
            try expect(byID == running && byUUID == running && Set([running, byID, byUUID]).count == 1,
                       "handles of one domain from three lookups are not equal")
            let info = try running.info()
            try expect(info.maxMemory, 1_048_576, "Domain.info()")
            try expect(info.memory, 524_288, "Domain.info()")
            try expect(info.virtualCPUCount, 2, "Domain.info()")
            try expect(try running.maxMemory, 1_048_576, "Domain.maxMemory")
            try expect(try running.isActive, true, "Domain.isActive")
            try expect(try running.isPersistent, true, "Domain.isPersistent")
            let stopped = try connection.domain(named: "harness-stopped")
            try expect(stopped.id, nil, "Domain.id")
            try expect(try stopped.info().state, .shutoff, "Domain.info()")
            try expect(try stopped.isActive, false, "Domain.isActive")
            try expect(try running.xmlDescription().contains("<name>harness-running</name>"), true,
                       "Domain.xmlDescription(options:)")
            try expectFailure(LibvirtError.Code.noDomain.rawValue, "Connection.domain(named:)") {
                _ = try connection.domain(named: "harness-none")
            }
        },
        Check("domain lifecycle") { f in
            let connection = try f.connection()
            let domain = try connection.defineDomain(xml: definition("harness-lifecycle"))
            try expect(domain.name, "harness-lifecycle", "Domain.name")
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            try expect(try domain.isActive, false, "Domain.isActive")
            try expect(try domain.isPersistent, true, "Domain.isPersistent")
            try expect(domain.id, nil, "Domain.id")
            try expect(try connection.allDomains().count, 4, "Connection.allDomains(options:)")
            try domain.start()
            try expect(try domain.info().state, .running, "Domain.info()")
            try expect(try domain.isActive, true, "Domain.isActive")
            try expect(domain.id != nil, "Domain.id of a running domain is nil")
            try domain.suspend()
            try expect(try domain.info().state, .paused, "Domain.info()")
            let paused = try domain.state()
            try expect(paused.state == .paused && paused.reason == .paused(.user),
                       "Domain.state() returned \(paused), expected paused by the user")
            try domain.resume()
            try expect(try domain.state().state, .running, "Domain.state()")
            try domain.reboot()
            try expect(try domain.info().state, .running, "Domain.info()")
            try domain.shutdown()
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            try expect(try domain.state().state, .shutoff, "Domain.state()")
            try domain.start()
            try domain.destroy()
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            try domain.undefine()
            try expect(try connection.allDomains().count, 3, "Connection.allDomains(options:)")
            try expectFailure(LibvirtError.Code.noDomain.rawValue, "Connection.domain(named:)") {
                _ = try connection.domain(named: "harness-lifecycle")
            }
        },
        Check("transient domain") { f in
            let connection = try f.connection()
            let domain = try connection.createDomain(xml: definition("harness-transient"))
            try expect(try domain.info().state, .running, "Domain.info()")
            try expect(try domain.isPersistent, false, "Domain.isPersistent")
            try domain.destroy()
            try expectFailure(LibvirtError.Code.noDomain.rawValue, "Connection.domain(named:)") {
                _ = try connection.domain(named: "harness-transient")
            }
        },
        Check("domain settings and saving") { f in
            let domain = try f.domain()
            try domain.setMemory(262_144)
            try expect(try domain.info().memory, 262_144, "Domain.info()")
            try domain.setAutostart(true)
            try expect(try domain.isAutostartEnabled, true, "Domain.isAutostartEnabled")
            let connection = try f.connection()
            try expect(try domain.hasManagedSaveImage(), false, "Domain.hasManagedSaveImage()")
            try domain.managedSave()
            try expect(try domain.hasManagedSaveImage(), true, "Domain.hasManagedSaveImage()")
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            try expect(try connection.allDomains(options: .managedsave).map(\.name), ["harness-running"],
                       "Connection.allDomains(options:)")
            try domain.start()
            try expect(try domain.info().state, .running, "Domain.info()")
            try expect(try domain.hasManagedSaveImage(), false, "Domain.hasManagedSaveImage()")
            try domain.managedSave()
            try domain.removeManagedSave()
            try expect(try domain.hasManagedSaveImage(), false, "Domain.hasManagedSaveImage()")
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            try domain.start()
        },
        Check("saving to a file and restoring") { f in
            let domain = try f.domain()
            let connection = try f.connection()
            let image = f.environment.scratch + "/harness-running.save"
            try domain.save(to: image)
            try expect(FileManager.default.fileExists(atPath: image), "Domain.save(to:) wrote no file")
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            try expect(try domain.isActive, false, "Domain.isActive")
            try expect(try connection.domain(named: "harness-running").name, "harness-running", "Connection.domain(named:)")
            let saved = try connection.saveImageXMLDescription(file: image)
            try expect(saved.contains("<name>harness-running</name>"), true, "Connection.saveImageXMLDescription(file:options:)")
            try connection.defineSaveImage(file: image, xml: saved)
            try connection.restoreDomain(from: image)
            try expect(try domain.info().state, .running, "Domain.info()")
            try expect(try domain.isActive, true, "Domain.isActive")
            try expect(try connection.domain(named: "harness-running").id != nil, "a restored domain has no id")

            try domain.save(to: image, xml: nil, options: [])
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            // The test driver accepts no restore flags: asking for a paused domain changes nothing.
            try expectFailure(LibvirtError.Code.invalidArg.rawValue, "Connection.restoreDomain(from:xml:options:)") {
                try connection.restoreDomain(from: image, xml: nil, options: .paused)
            }
            try expect(try domain.info().state, .shutoff, "Domain.info()")
            try connection.restoreDomain(from: image, xml: nil, options: [])
            try expect(try domain.info().state, .running, "Domain.info()")
            try expectFailure(LibvirtError.Code.systemError.rawValue, "Connection.restoreDomain(from:)") {
                try connection.restoreDomain(from: f.environment.scratch + "/missing.save")
            }
        },
    ]
}
