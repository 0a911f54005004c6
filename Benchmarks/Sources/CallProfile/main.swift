// A synchronous loop over one binding call, for `valgrind --tool=callgrind` (Debian 12's valgrind
// crashes on async Swift programs, so CallBench cannot be profiled directly).
// Usage: CallProfile info|lookup|sched|list URI ITERATIONS
import Libvirt

/// Keeps a value alive and opaque to the optimizer.
@inline(never) func keep<T>(_ value: T) { withExtendedLifetime(value) {} }

/// The command line.
let arguments = CommandLine.arguments
/// The connection the loop calls through.
let connection = try Connection(uri: arguments[2])
/// How many calls to make.
let iterations = Int(arguments[3])!
switch arguments[1] {
case "info":
    let domain = try connection.domain(named: "test")
    for _ in 0..<iterations { keep(try domain.info()) }
case "lookup":
    for _ in 0..<iterations { keep(try connection.domain(named: "test")) }
case "sched":
    let domain = try connection.domain(named: "test")
    for _ in 0..<iterations { keep(try domain.schedulerParameters()) }
default:
    for _ in 0..<iterations { for domain in try connection.allDomains() { keep(domain.name) } }
}
