/// The libvirt driver a harness run proves the bindings against.
public enum HarnessDriver: String, Codable, Sendable, CaseIterable {
    /// libvirt's in-process test driver, on a node-description file the harness writes.
    case test
    /// libvirt's embedded QEMU driver (`qemu:///embed?root=DIR`), with real QEMU processes: a
    /// firmware-only domain for the probes and a Linux guest with QEMU's guest agent.
    case qemu
}
