/// Carries a Swift closure through a C callback's `void *opaque` argument for the length of one
/// synchronous libvirt call, and keeps the first error the closure throws.
package final class CallbackBox<Callback> {
    /// The closure.
    let callback: Callback
    /// The first error the closure threw.
    private var error: (any Error)?

    /// Wraps a closure.
    package init(_ callback: Callback) {
        self.callback = callback
    }

    /// The box as `opaque`, not retained: the box must outlive the call, which `finish(_:)` after it ensures.
    package var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The box behind an `opaque` pointer.
    package static func from(_ opaque: UnsafeMutableRawPointer) -> CallbackBox<Callback> {
        Unmanaged<CallbackBox<Callback>>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// Runs the closure for a callback; a thrown error is kept and reported to libvirt as -1.
    package func run(_ body: (Callback) throws -> Int32) -> Int32 {
        do {
            return try body(callback)
        } catch {
            if self.error == nil { self.error = error }
            return -1
        }
    }

    /// After the call: rethrows the closure's error, or libvirt's when the call failed.
    package func finish(_ result: Int32) throws {
        if let error { throw error }
        try check(result)
    }
}
