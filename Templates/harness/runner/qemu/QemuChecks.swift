// Copied into the harness runner by libvirt-swiftgen harness.

/// Every QEMU scenario check, in run order: the guest checks come last, because they shut the guest
/// down or suspend it (the probes boot it again).
enum QemuChecks {
    /// The checks.
    static let all: [Check] = QemuLifecycleChecks.all + QemuStorageChecks.all + QemuDeviceChecks.all
        + QemuJobChecks.all + QemuHostChecks.all + QemuStreamChecks.all + QemuGuestChecks.all
}
