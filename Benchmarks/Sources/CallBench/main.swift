// Call, event and stream benchmarks through the generated bindings.
// Usage: CallBench MODE ARGS... where MODE is
//   calls DEFAULT_URI NODE1_URI NODE100_URI NODE1000_URI   (per-call nanoseconds, median; `info` also awaited)
//   events URI PAIRS REPEATS                               (lifecycle events per second, lost events)
//   stream URI SHOTS REPEATS                               (screenshot bytes per second)
// Iteration counts are the same as in bench.c and bench.py (see `Benchmarks/run`).
import Foundation
import Libvirt

/// Repeats per measurement (the median is reported).
let repeats = 11

/// The connection to `uri` and its domain `test`, opened synchronously.
func openTestDomain(_ uri: String) throws -> (Connection, Domain) {
    let connection = try Connection(uri: uri)
    return (connection, try connection.domain(named: "test"))
}

/// The per-call benchmarks: info(), lookup by name, typed parameters, listing with names. A
/// synchronous function: in an `async` one these calls would name the `async` overloads.
func runCalls(_ arguments: [String]) throws {
    let (connection, domain) = try openTestDomain(arguments[0])
    report("info_ns", try medianNanoseconds(iterations: 20_000, repeats: repeats) { blackHole(try domain.info()) })
    report("lookup_ns", try medianNanoseconds(iterations: 20_000, repeats: repeats) {
        blackHole(try connection.domain(named: "test"))
    })
    report("sched_ns", try medianNanoseconds(iterations: 20_000, repeats: repeats) {
        blackHole(try domain.schedulerParameters())
    })
    for (uri, count, iterations) in [(arguments[1], 1, 20_000), (arguments[2], 100, 300), (arguments[3], 1000, 30)] {
        let node = try Connection(uri: uri)
        let listed = try node.allDomains().count
        precondition(listed == count, "\(uri) should hold \(count) domains")
        report("list\(count)_ns", try medianNanoseconds(iterations: iterations, repeats: repeats) {
            for listed in try node.allDomains() { blackHole(listed.name) }
        })
    }
}

/// `try await domain.info()` per call: from the cooperative pool, the synchronous call run on the
/// blocking pool with the hop there and back; from a task on the pool's executor, with no hop.
func runAsyncCalls(_ arguments: [String]) async throws {
    let (_, domain) = try openTestDomain(arguments[0])
    report("info_async_ns", try await medianNanoseconds(iterations: 20_000, repeats: repeats) {
        blackHole(try await domain.info())
    })
    report("info_on_pool_ns", try await withTaskExecutorPreference(BlockingPool.shared) {
        try await medianNanoseconds(iterations: 20_000, repeats: repeats) { blackHole(try await domain.info()) }
    })
}

/// Suspends and resumes `domain` `pairs` times with the synchronous calls.
func suspendAndResume(_ domain: Domain, pairs: Int) throws {
    for _ in 0..<pairs {
        try domain.suspend()
        try domain.resume()
    }
}

/// Lifecycle events per second through `connection.domainEvents(.lifecycle)`: `pairs`
/// suspend/resume pairs per repeat, timed from the first trigger to the last event received.
func runEvents(_ arguments: [String]) async throws {
    let (connection, domain) = try openTestDomain(arguments[0])
    let pairs = Int(arguments[1])!, rounds = Int(arguments[2])!
    let expected = 2 * pairs
    var rates: [Double] = []
    var lost = 0
    for _ in 0..<rounds {
        let events = try connection.domainEvents(.lifecycle)
        let consumer = Task { () -> (Int, UInt64) in
            var received = 0
            for await _ in events {
                received += 1
                if received == expected { break }
            }
            return (received, nowNanoseconds())
        }
        let watchdog = Task {
            try await Task.sleep(nanoseconds: 20_000_000_000)
            consumer.cancel()
        }
        let start = nowNanoseconds()
        try suspendAndResume(domain, pairs: pairs)
        let (received, end) = await consumer.value
        watchdog.cancel()
        lost += expected - received
        rates.append(Double(received) / (Double(end - start) / 1e9))
    }
    report("events_per_s", median(rates))
    report("events_lost", Double(lost))
}

/// A new stream carrying a screenshot of `domain`'s first screen, started synchronously.
func startScreenshot(_ connection: Connection, _ domain: Domain) throws -> DataStream {
    let stream = try connection.makeStream()
    _ = try domain.screenshot(stream: stream, screen: 0)
    return stream
}

/// Screenshot bytes per second through `stream.bytes()`: `shots` screenshots per repeat.
func runStream(_ arguments: [String]) async throws {
    let (connection, domain) = try openTestDomain(arguments[0])
    let shots = Int(arguments[1])!, rounds = Int(arguments[2])!
    var rates: [Double] = []
    var size = 0
    for round in 0...rounds {
        var total = 0
        let start = nowNanoseconds()
        for _ in 0..<shots {
            let stream = try startScreenshot(connection, domain)
            for try await chunk in stream.bytes() { total += chunk.count }
        }
        let seconds = Double(nowNanoseconds() - start) / 1e9
        size = total / shots
        if round > 0 { rates.append(Double(total) / seconds) }
    }
    report("stream_bytes_per_s", median(rates))
    report("stream_bytes_per_shot", Double(size))
}

/// The command line without the program name.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "calls":
    try runCalls(Array(arguments.dropFirst()))
    try await runAsyncCalls(Array(arguments.dropFirst()))
case "events": try await runEvents(Array(arguments.dropFirst()))
case "stream": try await runStream(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write("usage: CallBench calls|events|stream ARGS...\n".data(using: .utf8)!)
    exit(2)
}
