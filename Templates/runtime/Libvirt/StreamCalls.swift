import Dispatch

/// Runs stream calls that may block (a blocking stream's sends and receives; finishing, which
/// waits for the other end) on threads of their own, so that an `async` transfer never holds a
/// thread of Swift's cooperative pool while libvirt waits.
///
/// A call cannot be interrupted once it runs: cancelling the waiting task takes effect when it returns.
enum StreamCalls {
    /// The queue the calls run on: its threads are pooled, so a call costs no thread creation,
    /// and concurrent transfers do not wait for each other.
    private static let queue = DispatchQueue(label: "libvirt.streams", qos: .utility, attributes: .concurrent)

    /// Runs `call` on the queue and returns its result (libvirt's error is read on the thread that failed).
    static func run<Value: Sendable>(_ call: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try call() }) }
        }
    }
}
