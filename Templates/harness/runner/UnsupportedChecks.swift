// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Checks of features the test driver does not implement, which must throw `.noSupport`.
enum UnsupportedChecks {
    /// The checks.
    static let all: [Check] = [
        Check("unsupported features throw .noSupport") { f in
            let connection = try f.connection()
            let secret = try expectFailure(noSupportCode, "Connection.defineSecret(xml:options:)") {
                _ = try connection.defineSecret(xml: "<secret ephemeral='no' private='yes'/>")
            }
            try expect(secret.message.contains("virSecretDefineXML"), "the error does not name virSecretDefineXML")
            try expectFailure(noSupportCode, "Connection.secretEvents(_:)") {
                _ = try connection.secretEvents(.lifecycle)
            }
            try expectFailure(noSupportCode, "Connection.allNetworkFilters()") {
                _ = try connection.allNetworkFilters()
            }
            let filter = try expectFailure(noSupportCode, "Connection.defineNetworkFilter(xml:)") {
                _ = try connection.defineNetworkFilter(
                    xml: "<filter name='harness-filter' chain='root'><rule action='accept' direction='in'><all/></rule></filter>")
            }
            try expect(filter.message.contains("virNWFilterDefineXML"), "the error does not name virNWFilterDefineXML")
            let volume = try f.storageVolume()
            let stream = try f.dataStream()
            let upload = try expectFailure(noSupportCode, "StorageVolume.upload(stream:offset:length:options:)") {
                try volume.upload(stream: stream, offset: 0, length: 1024)
            }
            try expect(upload.message.contains("virStorageVolUpload"), "the error does not name virStorageVolUpload")
            try expectFailure(noSupportCode, "StorageVolume.download(stream:offset:length:options:)") {
                try volume.download(stream: stream, offset: 0, length: 1024)
            }
            // An event ID the bindings have no callback for is refused before libvirt is asked.
            let unknown = try expectFailure(noSupportCode, "Connection.domainEvents(_:)") {
                _ = try connection.domainEvents(.unrecognized(1000))
            }
            try expect(unknown.errorDomain, LibvirtError.ErrorDomain.none, "LibvirtError.errorDomain")
            try expectFailure(noSupportCode, "Domain.attachDevice(xml:)") {
                try f.domain().attachDevice(xml: "<disk type='file' device='disk'><target dev='vdb'/></disk>")
            }
        },
    ]
}
