import CLibvirt
import Dispatch

/// Waits until the event loop the runtime runs has finished the callback it may be dispatching
/// right now: a zero-delay timer fires on the loop's thread only after that dispatch returns.
///
/// libvirt's local streams free their data when they close without waiting for a dispatch of
/// their watch already under way on the loop's thread, which then locks freed memory (found by
/// valgrind in the memory fixture). Removing the watch and then waiting here, before closing,
/// closes that window. Never call it on the loop's thread (it would wait for itself); the
/// bindings run no user code there.
package func waitForEventLoopDispatch() {
    let signal = EventLoopSignal()
    let opaque = Unmanaged.passRetained(signal).toOpaque()
    let timer = virEventAddTimeout(0, { timer, opaque in
        _ = virEventRemoveTimeout(timer)
        guard let opaque else { return }
        Unmanaged<EventLoopSignal>.fromOpaque(opaque).takeUnretainedValue().semaphore.signal()
    }, opaque, releaseRetainedOpaque)
    guard timer >= 0 else {
        // libvirt did not take the signal, so its free callback will not run: release it here.
        Unmanaged<EventLoopSignal>.fromOpaque(opaque).release()
        return
    }
    signal.semaphore.wait()
}

/// The semaphore a ``waitForEventLoopDispatch()`` timer signals on the loop's thread.
final class EventLoopSignal: Sendable {
    /// Signalled once, when the timer fires.
    let semaphore = DispatchSemaphore(value: 0)
}
