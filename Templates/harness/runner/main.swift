// Copied into the harness runner by libvirt-swiftgen harness, which builds and runs it:
//   HarnessRunner --suite libvirt|admin --node FILE --scratch DIR --results FILE [--daemon DIR]
//                 [--driver test|qemu --qemu-root DIR --guest DIR]
//                 [--skip CHECK]... [--skip-probe FUNCTION]...
//   HarnessRunner --hold-client URI     (opens a connection and keeps it until killed)
// Each check runs on a fresh connection to the node; the results go to FILE as JSON lines, one
// when a check starts and one when it ends, so a crash leaves the check it happened in behind.
// The admin suite runs in a process of its own: libvirt 9.0 crashes when one process opens an
// admin connection after a libvirt connection.
import Foundation
import Libvirt

/// The command line, parsed.
struct RunnerArguments {
    /// The values of single-valued options.
    var values: [String: String] = [:]
    /// The values of repeated options.
    var lists: [String: Set<String>] = [:]

    /// Parses `--name value` pairs.
    init(_ arguments: [String]) {
        var index = 1
        while index + 1 < arguments.count {
            let name = arguments[index]
            let value = arguments[index + 1]
            if name.hasPrefix("--skip") { lists[name, default: []].insert(value) } else { values[name] = value }
            index += 2
        }
    }
}

/// Appends JSON lines to the results file.
struct Journal {
    /// The open file.
    let handle: FileHandle

    /// Opens (creating) `path` for appending.
    init(path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            progress("cannot open \(path)")
            exit(70)
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    /// Writes one record.
    func write(_ record: [String: Any]) {
        guard var data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) else { return }
        data.append(0x0A)
        handle.write(data)
    }
}

/// The checks that run in one process.
enum Suite: String {
    /// Everything but the admin API.
    case libvirt
    /// The admin API, against the private daemon.
    case admin

    /// Whether the probes of a Swift module belong to this suite.
    func includes(module: String) -> Bool {
        (module == "LibvirtAdmin") == (self == .admin)
    }

    /// The suite's checks on the driver `environment` names.
    func checks(_ environment: RunnerEnvironment, skippingProbes: Set<String>) -> [Check] {
        let scenarios: [Check]
        switch self {
        case .libvirt where environment.isQemu: scenarios = Scenarios.qemu
        case .libvirt: scenarios = Scenarios.testDriver
        case .admin: scenarios = Scenarios.admin
        }
        return scenarios + ProbeChecks.all(suite: self, skipping: skippingProbes, qemu: environment.isQemu)
    }
}

let arguments = RunnerArguments(CommandLine.arguments)
if let uri = arguments.values["--hold-client"] {
    let connection = try Connection(uri: uri)
    while true { withExtendedLifetime(connection) { _ = sleep(60) } }
}
guard let suite = Suite(rawValue: arguments.values["--suite"] ?? "libvirt"), let node = arguments.values["--node"],
      let scratch = arguments.values["--scratch"], let results = arguments.values["--results"] else {
    progress("usage: HarnessRunner --suite libvirt|admin --node FILE --scratch DIR --results FILE [--daemon DIR]")
    exit(64)
}
let qemu = arguments.values["--driver"] == "qemu"
let environment = RunnerEnvironment(
    nodeFile: node, scratch: scratch, daemonSockets: arguments.values["--daemon"],
    qemuRoot: qemu ? arguments.values["--qemu-root"] : nil, guestImage: arguments.values["--guest"], results: results)
let journal = Journal(path: results)
let skipped = arguments.lists["--skip"] ?? []
let checks = suite.checks(environment, skippingProbes: arguments.lists["--skip-probe"] ?? [])
for check in checks where !skipped.contains(check.name) {
    journal.write(["check": check.name, "event": "start", "probes": check.runsProbes])
    let start = Date()
    var detail = ""
    do {
        try await check.body(Fixture(environment))
    } catch {
        detail = describe(error)
    }
    let seconds = Date().timeIntervalSince(start)
    journal.write(["check": check.name, "event": "end", "ok": detail.isEmpty, "detail": detail, "seconds": seconds])
    let mark = detail.isEmpty ? "ok  " : "FAIL"
    progress("  \(mark) \(check.name) (\(String(format: "%.2f", seconds)) s)" + (detail.isEmpty ? "" : ": \(detail)"))
}
