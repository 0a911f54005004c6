// The synchronous scenario runner valgrind's memcheck watches: no async/await anywhere (valgrind
// 3.19 crashes on Swift programs that use it). Runs every scenario `--iterations` times and prints
// how many handles each created; exits 1 when an expectation fails. `--leak-on-purpose` leaks one
// domain handle (and through it its connection), the canary that shows memcheck reports leaks.
import Foundation
import Libvirt
import MemoryFixtureSupport

let scenarios = [
    lifecycleScenario, listScenario, lookupScenario, typedParameterScenario, errorScenario, handleScenario,
    streamScenario, eventRegistrationScenario,
]

do {
    let options = try CommandLineOptions(CommandLine.arguments, defaultIterations: 3)
    for scenario in scenarios {
        var handles = 0
        for _ in 0..<options.iterations { handles += try scenario.run() }
        print("sync-scenarios: \(scenario.name): \(options.iterations) iterations, \(handles) handles")
    }
    if options.leakOnPurpose {
        let leaked = Unmanaged.passRetained(try Connection(uri: "test:///default").domain(named: "test"))
        print("sync-scenarios: leaked one domain handle on purpose at \(leaked.toOpaque())")
    }
} catch {
    print("sync-scenarios: FAIL: \(error)")
    exit(1)
}
