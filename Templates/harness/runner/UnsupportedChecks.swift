// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Checks of features the test driver does not implement, which must throw `.noSupport`.
enum UnsupportedChecks {
    /// The checks.
    static let all: [Check] = [
        Check("unsupported features throw .noSupport") { f in
            let connection = try f.connection()
            try expectFailure(noSupportCode, "Connection.defineSecret(xml:options:)") {
                _ = try connection.defineSecret(xml: "<secret ephemeral='no' private='yes'/>")
            }
            try expectFailure(noSupportCode, "Connection.allNetworkFilters()") {
                _ = try connection.allNetworkFilters()
            }
            try expectFailure(noSupportCode, "Domain.attachDevice(xml:)") {
                try f.domain().attachDevice(xml: "<disk type='file' device='disk'><target dev='vdb'/></disk>")
            }
        },
    ]
}
