// Swift 6.3.1 on Linux: ThreadSanitizer reports a data race on an object handed from a plain
// thread to a waiting task through AsyncStream.Continuation.yield, though the stream orders the
// two accesses (it does not see the happens-before edge of the resumption). No libvirt involved:
//
//   swiftc -sanitize=thread -swift-version 6 -parse-as-library asyncstream-tsan.swift -o asyncstream-tsan
//   TSAN_OPTIONS=halt_on_error=1 ./asyncstream-tsan     # measured: exit 66 in 3 to 6 of 8 runs
//
// The bindings' event trampolines do the same (they build an event on libvirt's event-loop
// thread and yield it), so .ci/reliability-check suppresses races whose stack passes through
// one (Tests/ReliabilityFixture/tsan-suppressions.txt).
import Foundation

/// An object created on the producing thread.
final class Box: @unchecked Sendable {
    /// Written once, in the initializer.
    let value: Int

    /// Creates a box.
    init(_ value: Int) {
        self.value = value
    }
}

/// Yields boxes from a thread, pausing so that the reading task waits for most of them.
@main struct AsyncStreamTSan {
    /// Runs the producer and the consumer; prints the sum.
    static func main() async {
        let (stream, continuation) = AsyncStream<Box>.makeStream(bufferingPolicy: .unbounded)
        let consumer = Task.detached {
            var sum = 0
            for await box in stream { sum &+= box.value }
            return sum
        }
        let producer = Thread {
            for index in 0..<20000 {
                continuation.yield(Box(index))
                if index % 3 == 0 { usleep(20) }
            }
            continuation.finish()
        }
        producer.start()
        print(await consumer.value)
    }
}
