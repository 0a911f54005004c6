// The synchronous scenario runner valgrind's memcheck watches: no async/await anywhere (valgrind
// 3.19 crashes on Swift programs that use it). Runs every scenario `--iterations` times and prints
// how many handles each created; exits 1 when an expectation fails. `--leak-on-purpose` adds a
// scenario that leaks ten domain handles (and through them their connection), the canary that
// shows memcheck reports leaks; `--retain-on-purpose` one that keeps a domain handle per iteration
// where the process can still reach it, the canary of the check that reachable memory does not grow.
import Foundation
import Libvirt
import MemoryFixtureSupport
import Synchronization

/// The canary: leaks ten domain handles.
let leakScenario = Scenario("leak on purpose") {
    let connection = try Connection(uri: "test:///default")
    for _ in 0..<10 { _ = Unmanaged.passRetained(try connection.domain(named: "test")) }
    return 11
}

/// The handles the retention canary keeps, as a registry that never forgets an entry would.
let retainedHandles = Mutex<[Domain]>([])

/// The retention canary: keeps one domain handle (and through it its connection) per iteration.
let retainScenario = Scenario("retain on purpose") {
    let domain = try Connection(uri: "test:///default").domain(named: "test")
    retainedHandles.withLock { $0.append(domain) }
    return 2
}

do {
    let options = try CommandLineOptions(CommandLine.arguments, defaultIterations: 3)
    let scenarios = [
        lifecycleScenario, listScenario, lookupScenario, typedParameterScenario, errorScenario, handleScenario,
        streamScenario, eventRegistrationScenario, authScenario, callShapeScenario,
    ] + (options.leakOnPurpose ? [leakScenario] : []) + (options.retainOnPurpose ? [retainScenario] : [])
    for scenario in try options.selected(scenarios, name: \.name) {
        var handles = 0
        for _ in 0..<options.iterations { handles += try scenario.run() }
        report("sync-scenarios: \(scenario.name): \(options.iterations) iterations, \(handles) handles")
    }
} catch {
    report("sync-scenarios: FAIL: \(error)")
    exit(1)
}
