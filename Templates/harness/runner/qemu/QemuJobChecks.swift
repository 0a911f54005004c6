// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt

/// Jobs on firmware-only domains: a pull-mode backup read and aborted, saving through typed
/// parameters, editing a managed-save image, memory dumps, migration tuning.
enum QemuJobChecks {
    /// The checks.
    static let all: [Check] = [
        Check("QEMU: a backup job, read and aborted") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-backup", running: true, on: connection, f.environment)
            let folder = QemuDomains.folder(f.environment)
            let backup = """
                <domainbackup mode='pull'><server transport='unix' socket='\(folder)/harness-backup.nbd'/>\
                <disks><disk name='vda' backup='yes' type='file'><scratch file='\(folder)/harness-backup.scratch'/></disk>\
                <disk name='sda' backup='no'/></disks></domainbackup>
                """
            for abort in [{ try domain.abortJob() }, { try domain.abortJob(options: []) }] as [() throws -> Void] {
                try? FileManager.default.removeItem(atPath: "\(folder)/harness-backup.scratch")
                try await domain.beginBackup(backupXML: backup)
                try await expect(try domain.backupXMLDescription().contains("mode='pull'"), true, "Domain.backupXMLDescription()")
                try await expect(try domain.jobStats().type, .unbounded, "Domain.jobStats(options:)")
                try abort()
                try await waitUntil("the backup job ends after Domain.abortJob()") { try domain.jobStats().type == .none }
            }
            try await domain.destroy()
        },
        Check("QEMU: saving through typed parameters and editing saved images") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-saveimage", running: true, on: connection, f.environment)
            let image = QemuDomains.folder(f.environment) + "/harness-saveimage.save"
            try domain.save(parameters: [.file: .string(image)])
            try expect(try domain.info().state, .shutoff, "Domain.save(parameters:options:)")
            let xml = try connection.saveImageXMLDescription(file: image)
            try connection.defineSaveImage(
                file: image, xml: xml.replacingOccurrences(of: "</domain>", with: "<title>saved</title></domain>"))
            try connection.restoreDomain(parameters: [.file: .string(image)], options: [.paused])
            try expect(try domain.info().state, .paused, "Connection.restoreDomain(parameters:options:)")
            try expect(try domain.xmlDescription().contains("<title>saved</title>"), true,
                       "Connection.defineSaveImage(file:xml:options:)")
            try domain.managedSave()
            let managed = try domain.managedSaveXMLDescription()
            try domain.defineManagedSave(xml: managed.replacingOccurrences(of: "<title>saved</title>", with: "<title>managed</title>"))
            try expect(try domain.managedSaveXMLDescription().contains("<title>managed</title>"), true,
                       "Domain.defineManagedSave(xml:options:)")
            try domain.removeManagedSave()
            try domain.start()
            let dump = QemuDomains.folder(f.environment) + "/harness-saveimage.dump"
            try domain.coreDump(to: dump, format: .raw, options: [.memoryOnly])
            let size = (try FileManager.default.attributesOfItem(atPath: dump)[.size] as? Int) ?? 0
            try expect(size > 0, "Domain.coreDump(to:format:options:) wrote an empty file")
            try domain.setMigrationCompressionCache(cacheSize: 64 << 20)
            try expect(try domain.migrationCompressionCache(), 64 << 20, "Domain.migrationCompressionCache()")
            try domain.destroy()
        },
    ]
}
