import Foundation

/// A value guarded by a lock that ThreadSanitizer understands.
///
/// `Synchronization.Mutex` locks with raw futex calls on Linux, which ThreadSanitizer does not
/// intercept: in a program built with `-sanitize=thread` every access made under such a mutex
/// from two threads is reported as a data race. `NSLock` is a pthread mutex, which it sees, so
/// the bindings' shared state stays free of reports in users' sanitizer runs.
package final class Locked<Value>: @unchecked Sendable {
    /// Guards `value`.
    private let lock = NSLock()
    /// The guarded value; only read or written while `lock` is held.
    private var value: Value

    /// Creates a lock holding `value`.
    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
