import CLibvirt
import Foundation

// At file level, so that no function declares a type (the job emitting the module skips their bodies).
#if os(Linux)
/// glibc's `pthread_setname_np`, a GNU extension, which Swift's Glibc module does not export.
private typealias SetThreadName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
#endif

/// libxml2's `xmlRelaxNGInitTypes`.
private typealias InitializeRelaxNGTypes = @convention(c) () -> Int32

/// libxml2's `xmlSchemaInitTypes`.
private typealias InitializeXMLSchemaTypes = @convention(c) () -> Void

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
///
/// And it fills libxml2's RELAX NG and XML Schema type tables once, before any thread can: libvirt validates
/// documents in the calling process for the drivers that run there (`test:///`, `qemu:///embed`;
/// a checkpoint always, a domain with `.validate`), and libxml2 before 2.12 fills those tables on
/// first use without a lock, so two first validations at once fail ("type 'unsignedInt' is not
/// exported") and leak a table (measured on Debian 12's 2.9.14: 1 run in 200 of four threads
/// creating checkpoints; `Reproductions/libxml2-types-race.c` in the reliability fixture). The
/// XML Schema types the RELAX NG ones look up are filled on their first look-up, not by the RELAX
/// NG set-up, with the same race: two at once leaked the first table (a CI run's LeakSanitizer
/// report of the binding tests, 7,228 bytes from `xmlHashCreate`).
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
        initializeSchemaTypes()
        _ = virEventRegisterDefaultImpl()
        startThread(named: "libvirt-events") {
            while true { _ = virEventRunDefaultImpl() }
        }
    }()

    /// Starts a thread that runs `body`, with `name` as debuggers, `top -H` and `/proc` show it.
    ///
    /// Foundation on Linux does not name the system thread reliably: it drops a name set before
    /// `start()`, and one the thread sets itself applies only once the starting thread has
    /// recorded it (measured: the event-loop thread kept its parent's name in 6 runs of 12). So
    /// the new thread names itself through pthreads first. Linux keeps at most 15 bytes of a name.
    static func startThread(named name: String, _ body: @escaping @Sendable () -> Void) {
        Thread {
            nameCurrentThread(String(name.prefix(15)))
            body()
        }.start()
    }

    /// Gives the calling thread `name` (at most 15 bytes on Linux).
    private static func nameCurrentThread(_ name: String) {
        #if os(Linux)
        guard let symbol = dlsym(nil, "pthread_setname_np") else { return }
        _ = unsafeBitCast(symbol, to: SetThreadName.self)(pthread_self(), name)
        #else
        _ = pthread_setname_np(name)
        #endif
    }

    /// Calls libxml2's `xmlSchemaInitTypes` and `xmlRelaxNGInitTypes` in the copy of libxml2
    /// libvirt loaded, if any.
    ///
    /// Found by name rather than linked: the bindings do not link libxml2 themselves, and libvirt
    /// may be loaded privately (the dynamic link mode), so the lookup asks for the library already
    /// loaded (`RTLD_NOLOAD`) and does nothing where there is none.
    private static func initializeSchemaTypes() {
        guard let library = dlopen("libxml2.so.2", RTLD_NOW | RTLD_NOLOAD) else { return }
        defer { dlclose(library) }
        if let symbol = dlsym(library, "xmlSchemaInitTypes") {
            unsafeBitCast(symbol, to: InitializeXMLSchemaTypes.self)()
        }
        if let symbol = dlsym(library, "xmlRelaxNGInitTypes") {
            _ = unsafeBitCast(symbol, to: InitializeRelaxNGTypes.self)()
        }
    }
}
