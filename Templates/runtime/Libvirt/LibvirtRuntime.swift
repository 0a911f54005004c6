import CLibvirt
import Foundation

/// Process-wide libvirt setup the bindings do once, before the first connection opens.
///
/// libvirt requires an event loop implementation to be registered before the first connection
/// (keepalive and close events depend on it) and to be run continuously, so the runtime registers
/// libvirt's default implementation and runs it on one library-owned thread for the life of the
/// process. It also installs a silent error handler: errors are thrown as ``LibvirtError``, never
/// printed to standard error by libvirt.
///
/// And it ignores `SIGPIPE` unless the program handles or ignores it already: libvirt writes to
/// a remote daemon's socket with `write(2)`, so when the daemon dies the next call raises
/// `SIGPIPE`, whose default action ends the process (measured on 9.0: a client's first call
/// after its daemon was killed). Ignored, the call fails with `EPIPE` and throws
/// ``LibvirtError`` ("Cannot write data: Broken pipe").
package enum LibvirtRuntime {
    /// Performs the setup on first use; later calls do nothing.
    package static func prepare() {
        _ = setup
    }

    /// The one-time setup, run by Swift's lazy static initialization (thread-safe).
    private static let setup: Void = {
        _ = virInitialize()
        virSetErrorFunc(nil, { _, _ in })
        let previous = signal(SIGPIPE, SIG_IGN)
        if previous != nil { signal(SIGPIPE, previous) }  // the program's own disposition stays
        _ = virEventRegisterDefaultImpl()
        let thread = Thread {
            while true { _ = virEventRunDefaultImpl() }
        }
        thread.name = "libvirt-event-loop"
        thread.start()
    }()
}
