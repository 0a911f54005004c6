import Foundation

/// A reader of one kind of input (libvirt's API XML, its C headers) into the C-level model: one
/// `CAPI` per module, in module order (libvirt, QEMU, LXC, admin).
public protocol Frontend: Sendable {
    /// Reads the description of the four modules in `folder`; throws a ``DiagnosticError`` naming
    /// the file and line of what it cannot read.
    func read(folder: URL) throws -> [CAPI]
}
