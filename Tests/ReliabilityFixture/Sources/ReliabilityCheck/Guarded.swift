import Foundation

/// A value guarded by an `NSLock`: a pthread mutex, which ThreadSanitizer sees
/// (`Synchronization.Mutex` locks with futex calls it does not intercept, so every access
/// under one is reported as a race).
final class Guarded<Value>: @unchecked Sendable {
    /// Guards `value`.
    private let lock = NSLock()
    /// The value; only read or written while `lock` is held.
    private var value: Value

    /// Creates a lock holding `value`.
    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
