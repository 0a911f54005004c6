// Timing helpers shared by the call, event and stream benchmarks.
import Foundation

/// Monotonic time in nanoseconds.
func nowNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Runs `body` `iterations` times per repeat, `repeats` times after one warm-up repeat, and
/// returns the median time per iteration in nanoseconds.
func medianNanoseconds(iterations: Int, repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for round in 0...repeats {
        let start = nowNanoseconds()
        for _ in 0..<iterations { try body() }
        let elapsed = Double(nowNanoseconds() - start) / Double(iterations)
        if round > 0 { samples.append(elapsed) }
    }
    return median(samples)
}

/// ``medianNanoseconds(iterations:repeats:_:)`` for an `async` body (Swift cannot abstract over
/// `async`; the synchronous benchmarks keep a synchronous loop, which awaits nothing).
func medianNanoseconds(iterations: Int, repeats: Int, _ body: () async throws -> Void) async rethrows -> Double {
    var samples: [Double] = []
    for round in 0...repeats {
        let start = nowNanoseconds()
        for _ in 0..<iterations { try await body() }
        let elapsed = Double(nowNanoseconds() - start) / Double(iterations)
        if round > 0 { samples.append(elapsed) }
    }
    return median(samples)
}

/// The median of a non-empty list.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Prints one result line, `key<TAB>value`, and flushes so the driver sees it at once.
func report(_ key: String, _ value: Double) {
    FileHandle.standardOutput.write("\(key)\t\(value)\n".data(using: .utf8)!)
}

/// Keeps a value alive and opaque to the optimizer.
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
