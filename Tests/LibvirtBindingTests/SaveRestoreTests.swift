import Foundation
import Libvirt
import Testing

/// Saving a running domain's memory to a file and restoring it, and libvirt's managed save.
@Suite("Save and restore")
struct SaveRestoreTests {
    /// save(to:) stops the domain and writes the file; restoreDomain(from:) brings it back running.
    @Test("save to a file, then restore")
    func saveAndRestore() throws {
        let name = uniqueName("saved")
        try withTestNode([domainXML(name: name)]) { connection, directory in
            let domain = try connection.domain(named: name)
            #expect(try domain.info().state == .running)

            let file = directory.appendingPathComponent("\(name).save").path
            try domain.save(to: file)
            #expect(FileManager.default.fileExists(atPath: file))
            let saved = try domain.info().state
            #expect(saved == .shutoff)
            #expect(saved != .pmsuspended)
            #expect(try domain.isActive == false)
            // The domain is persistent, so it stays defined while saved.
            #expect(try connection.domain(named: name).name == name)

            try connection.restoreDomain(from: file)
            let restored = try connection.domain(named: name)
            #expect(try restored.info().state == .running)
            #expect(try restored.isActive)
            #expect(restored.id != nil)
        }
    }

    /// The flags variants of save and restore work without flags; the test driver accepts no
    /// restore flags, so asking for `.paused` is refused with `.invalidArg` and changes nothing.
    @Test("save and restore through the flags variants")
    func flagsVariants() throws {
        let name = uniqueName("flags")
        try withTestNode([domainXML(name: name)]) { connection, directory in
            let domain = try connection.domain(named: name)
            let file = directory.appendingPathComponent("\(name).save").path
            try domain.save(to: file, xml: nil, options: [])
            #expect(try domain.info().state == .shutoff)

            let error = expectLibvirtError {
                try connection.restoreDomain(from: file, xml: nil, options: .paused)
            }
            #expect(error?.code == .invalidArg)
            #expect(try domain.info().state == .shutoff)

            try connection.restoreDomain(from: file, xml: nil, options: [])
            #expect(try connection.domain(named: name).info().state == .running)
        }
    }

    /// Restoring from a file that does not exist throws instead of crashing.
    @Test("restore from a missing file throws")
    func restoreMissingFile() throws {
        try withTestNode { connection, directory in
            let file = directory.appendingPathComponent("missing.save").path
            let error = expectLibvirtError { try connection.restoreDomain(from: file) }
            #expect(error?.code == .systemError)
        }
    }

    /// managedSave() stops the domain and keeps an image that the next start() consumes.
    @Test("managed save and start")
    func managedSave() throws {
        let name = uniqueName("managed")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            #expect(try domain.hasManagedSaveImage() == false)
            try domain.managedSave()
            #expect(try domain.hasManagedSaveImage())
            #expect(try domain.info().state == .shutoff)
            #expect(try connection.allDomains(options: .managedsave).map(\.name) == [name])

            try domain.start()
            #expect(try domain.info().state == .running)
            #expect(try domain.hasManagedSaveImage() == false)
        }
    }

    /// removeManagedSave() discards the image, so the next start is a fresh boot.
    @Test("managed save image can be removed")
    func removeManagedSave() throws {
        let name = uniqueName("discard")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            try domain.managedSave()
            #expect(try domain.hasManagedSaveImage())
            try domain.removeManagedSave()
            #expect(try domain.hasManagedSaveImage() == false)
            #expect(try domain.info().state == .shutoff)
        }
    }
}
