// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Checks of features the test driver does not implement, which must throw `.noSupport`, and of
/// secrets through libvirt's secret driver embedded in the runner (when it is installed).
enum UnsupportedChecks {
    /// The checks.
    static let all: [Check] = [
        Check("secrets (libvirt's secret driver, embedded)") { f in
            let secret = try f.secret()
            try expect(try secret.value(), [1, 2, 3], "Secret.value()")
            try expect(secret.usageID.hasPrefix("/harness-made-"), true, "Secret.usageID")
            // Not undefined: libvirt 9.0's embedded secret driver crashes in virSecretUndefine.
        },
        Check("unsupported features throw .noSupport") { f in
            let connection = try f.connection()
            try expectFailure(noSupportCode, "Connection.defineSecret(xml:options:)") {
                _ = try connection.defineSecret(xml: "<secret ephemeral='no' private='yes'/>")
            }
            try expectFailure(noSupportCode, "Connection.allNetworkFilters") {
                _ = try connection.allNetworkFilters
            }
            try expectFailure(noSupportCode, "Domain.attachDevice(xml:)") {
                try f.domain().attachDevice(xml: "<disk type='file' device='disk'><target dev='vdb'/></disk>")
            }
        },
    ]
}
