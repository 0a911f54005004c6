// The event and stream scenarios, built with AddressSanitizer and run with its leak checker
// (LeakSanitizer reports at exit). Runs every scenario `--iterations` times, each run in a task
// of its own (a finished task's frames are freed, so no stale pointer in the main task's frames
// can hide a leak); exits 1 when an expectation fails. `--leak-on-purpose` adds a scenario that
// leaks ten domain handles (and through them their connection), the canary that shows
// LeakSanitizer reports leaks. LeakSanitizer scans memory conservatively, so one stale copy of a
// pointer can hide one leaked object: leaks that repeat (per iteration, per call) are the ones it
// cannot miss.
import Foundation
import Libvirt
import MemoryFixtureSupport

/// The canary: leaks ten domain handles.
let leakScenario = AsyncScenario("leak on purpose") {
    let connection = try Connection(uri: "test:///default")
    for _ in 0..<10 { _ = Unmanaged.passRetained(try connection.domain(named: "test")) }
}

do {
    let options = try CommandLineOptions(CommandLine.arguments, defaultIterations: 5)
    let scenarios = [
        sharedEventsScenario, cancelledEventsScenario, streamBytesScenario, streamCancelScenario, streamWriteScenario,
        streamEventsScenario,
    ] + (options.leakOnPurpose ? [leakScenario] : [])
    for scenario in try options.selected(scenarios, name: \.name) {
        for _ in 0..<options.iterations { try await Task.detached(operation: scenario.run).value }
        report("async-scenarios: \(scenario.name): \(options.iterations) iterations")
    }
} catch {
    report("async-scenarios: FAIL: \(error)")
    exit(1)
}
