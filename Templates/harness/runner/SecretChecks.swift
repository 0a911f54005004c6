// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Secrets through libvirt's secret driver embedded in the runner (neither the test driver nor
/// the embedded QEMU driver keeps secrets); both drivers' suites run these checks.
enum SecretChecks {
    /// The checks.
    static let all: [Check] = [
        Check("secrets (libvirt's secret driver, embedded)") { f in
            let secret = try f.secret()
            try expect(try secret.value(), [1, 2, 3], "Secret.value()")
            try expect(secret.usageID.hasPrefix("/harness-made-"), true, "Secret.usageID")
            // Not undefined: libvirt 9.0's embedded secret driver crashes in virSecretUndefine.
        },
        Check("secrets: listing, lookups and events") { f in
            let secrets = try f.secretDriver()
            let events = try secrets.secretEvents(.lifecycle)
            let secret = try f.secret()
            let uuid = try secret.uuid
            try expect(try secrets.numberOfSecrets >= 1, "Connection.numberOfSecrets")
            try expect(try secrets.secretUUIDs.contains(uuid), "Connection.secretUUIDs lacks \(uuid)")
            try await expect(try secrets.allSecrets().map { try $0.uuid }.contains(uuid), "Connection.allSecrets(options:) lacks \(uuid)")
            try await expect(try secrets.secret(uuid: uuid).uuid, uuid, "Connection.secret(uuid:)")
            try await expect(try secrets.secret(usage: secret.usageType, usageID: secret.usageID).uuid, uuid,
                       "Connection.secret(usage:usageID:)")
            let received = try await EventAndStreamChecks.first(1, of: events) { event -> Secret.EventLifecycleType? in
                guard case .lifecycle(let changed, let type, _) = event, (try? changed.uuid) == uuid else { return nil }
                return type
            }
            try expect(received, [.defined], "Connection.secretEvents(_:secret:)")
        },
    ]
}
