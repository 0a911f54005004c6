// Creating and dropping 100,000 handles leaves the resident set flat: prints VmRSS before, after a
// warm-up of 10,000 handles and after 100,000 more, and exits 1 when the growth after the warm-up
// exceeds 2 MiB. `--iterations N` changes the 100,000; `--leak-on-purpose` leaks every domain
// handle, the canary that shows the bound catches a leak.
import Foundation
import Libvirt
import MemoryFixtureSupport

/// The most the resident set may grow after the warm-up, in KiB.
let boundKiB = 2_048

do {
    let options = try CommandLineOptions(CommandLine.arguments, defaultIterations: 100_000)
    let node = try churnNode()
    defer { node.remove() }
    let start = try residentKiB()
    let connection = try node.connect()
    try churn(10_000, node: node, connection: connection, leak: options.leakOnPurpose)
    let warm = try residentKiB()
    try churn(options.iterations, node: node, connection: connection, leak: options.leakOnPurpose)
    let end = try residentKiB()
    let growth = end - warm
    report("handle-churn: VmRSS \(start) KiB at start, \(warm) KiB after 10000 warm-up handles, "
          + "\(end) KiB after \(options.iterations) more: \(growth >= 0 ? "+" : "")\(growth) KiB (bound \(boundKiB) KiB)")
    try require(growth <= boundKiB, "the resident set grew by \(growth) KiB, more than \(boundKiB) KiB")
} catch {
    report("handle-churn: FAIL: \(error)")
    exit(1)
}
