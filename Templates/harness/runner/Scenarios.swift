// Copied into the harness runner by libvirt-swiftgen harness; also compiled into the package's
// HarnessScenarioTests, which runs the test driver's scenarios under `swift test`.

/// The scenarios of each suite, before the generated probes: the one list both the harness's
/// runner and `swift test` run.
enum Scenarios {
    /// The scenarios on the test driver, on the harness's node file (`node.xml`).
    static let testDriver: [Check] = HostChecks.all + DomainChecks.all + NetworkChecks.all + StorageChecks.all
        + DeviceChecks.all + SnapshotChecks.all + TypedParameterChecks.all + EventAndStreamChecks.all
        + HandWrittenChecks.all + DomainDeviceChecks.all + SecretChecks.all + UnsupportedChecks.all

    /// The scenarios on libvirt's embedded QEMU driver with a real guest.
    static let qemu: [Check] = QemuChecks.all + SecretChecks.all

    /// The scenarios of the admin API, against the harness's private daemon.
    static let admin: [Check] = AdminChecks.all
}
