import Foundation

/// Runs the built runner until every check has run: when the runner crashes or hangs, the check
/// it was in fails naming the function that was running (from the counters' in-flight slot), and
/// the runner starts again after it, leaving out a crashing probe or the crashed check.
struct RunnerSession {
    /// What the runs produced.
    struct Outcome {
        /// Every check, in run order.
        var checks: [HarnessReport.CheckResult] = []
        /// How many times the runner crashed or hung.
        var crashes = 0
        /// The functions that were running when it did.
        var crashedFunctions: Set<String> = []
        /// Functions whose probe found no object to call them on, with the reason.
        var unavailable: [String: String] = [:]

        /// Adds another suite's outcome.
        mutating func merge(_ other: Outcome) {
            checks += other.checks
            crashes += other.crashes
            crashedFunctions.formUnion(other.crashedFunctions)
            unavailable.merge(other.unavailable) { a, _ in a }
        }
    }

    /// The scratch folder.
    let workspace: RunnerWorkspace
    /// The wrapped functions, by counter slot.
    let functionNames: [String]
    /// The driver the runner's checks run against.
    let driver: HarnessDriver
    /// The runner's suite: `libvirt`, or `admin` (in a process of its own).
    let suite: String
    /// The driver's arguments: the private daemon's socket folder (`--daemon`), the QEMU
    /// driver's root folder and guest image (`--qemu-root`, `--guest`).
    let arguments: [String]
    /// Receives progress lines.
    let progress: (String) -> Void

    /// How long one check may run before it counts as hung.
    static let checkTimeout: TimeInterval = 180
    /// How many crashes end the session.
    static let maximumCrashes = 20

    /// Runs the runner, restarting it after crashes.
    func run() throws -> Outcome {
        var outcome = Outcome()
        var crashNotes: [String: [String]] = [:]
        var skippedProbes: Set<String> = []
        progress(suite == "admin" ? "Running the admin checks against the private daemon ..."
            : driver == .qemu ? "Running the checks against the embedded QEMU driver ..."
            : "Running the checks against the test driver ...")
        while true {
            try? FileManager.default.removeItem(at: workspace.results)
            let done = Set(outcome.checks.map(\.name))
            let (cause, hung) = try launch(skipping: done, skippingProbes: skippedProbes)
            let records = JournalRecords(url: workspace.results)
            outcome.unavailable.merge(records.unavailable) { a, _ in a }
            for var check in records.finished where !done.contains(check.name) {
                if let notes = crashNotes[check.name] {
                    check.ok = false
                    check.detail = (notes + [check.detail]).filter { !$0.isEmpty }.joined(separator: "; ")
                }
                outcome.checks.append(check)
            }
            guard let cause else { break }
            outcome.crashes += 1
            let slot = ExerciseCounters(url: workspace.counters, count: functionNames.count).inFlight
            let function = slot.map { functionNames[$0] }
            let note = "the runner \(hung ? "hung" : "crashed (\(cause))")\(function.map { " in \($0)" } ?? "")"
            if let function { outcome.crashedFunctions.insert(function) }
            guard let check = records.unfinished, outcome.crashes < Self.maximumCrashes else {
                progress("  \(note); giving up")
                outcome.checks.append(.init(name: records.unfinished ?? "runner", ok: false, detail: note))
                break
            }
            progress("  \(note) during '\(check)'; restarting after it")
            if records.unfinishedRunsProbes, let function, !skippedProbes.contains(function) {
                skippedProbes.insert(function)
                crashNotes[check, default: []].append(note)
            } else {
                outcome.checks.append(.init(name: check, ok: false, detail: note))
            }
        }
        return outcome
    }

    /// Runs the runner once; returns nil on a normal exit, else what ended it, and whether it hung.
    private func launch(skipping: Set<String>, skippingProbes: Set<String>) throws -> (String?, Bool) {
        let process = Process()
        process.executableURL = workspace.executable
        var arguments = ["--suite", suite, "--node", workspace.nodeFile.path, "--scratch", workspace.work.path,
                         "--results", workspace.results.path] + self.arguments
        for name in skipping.sorted() { arguments += ["--skip", name] }
        for name in skippingProbes.sorted() { arguments += ["--skip-probe", name] }
        process.arguments = arguments
        // libvirt's own warnings (the embedded QEMU driver logs several per domain) go to a file.
        let environment = ProcessInfo.processInfo.environment
        process.environment = environment.merging([
            "LIBVIRT_HARNESS_COUNTERS": workspace.counters.path,
            "LIBVIRT_LOG_OUTPUTS": environment["LIBVIRT_LOG_OUTPUTS"] ?? "3:file:\(workspace.libvirtLog.path)",
        ]) { $1 }
        process.standardOutput = FileHandle.standardError
        try process.run()
        var lastSize = -1
        var lastChange = Date()
        var hung = false
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.2)
            let size = (try? FileManager.default.attributesOfItem(atPath: workspace.results.path)[.size] as? Int) ?? 0
            if size != lastSize {
                lastSize = size
                lastChange = Date()
            } else if Date().timeIntervalSince(lastChange) > Self.checkTimeout {
                hung = true
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            return (hung ? "killed" : "signal \(process.terminationStatus)", hung)
        }
        return (process.terminationStatus == 0 ? nil : "exit status \(process.terminationStatus)", false)
    }
}

/// The runner's results file: checks that finished, and the one that started without finishing.
struct JournalRecords {
    /// Finished checks, in order.
    var finished: [HarnessReport.CheckResult] = []
    /// The check that started last without an end record.
    var unfinished: String?
    /// Whether that check runs probes (it restarts without the probe that crashed).
    var unfinishedRunsProbes = false
    /// Functions whose probe found no object to call them on, with the reason.
    var unavailable: [String: String] = [:]

    /// Reads `url` (a missing file has no records).
    init(url: URL) {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        self.init(text: text)
    }

    /// Parses JSON lines.
    init(text: String) {
        for line in text.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            if object["event"] as? String == "unavailable", let function = object["function"] as? String {
                unavailable[function] = unavailable[function] ?? object["detail"] as? String ?? ""
                continue
            }
            guard let name = object["check"] as? String else { continue }
            if object["event"] as? String == "start" {
                unfinished = name
                unfinishedRunsProbes = object["probes"] as? Bool ?? false
            } else {
                finished.append(.init(name: name, ok: object["ok"] as? Bool ?? false, detail: object["detail"] as? String ?? ""))
                unfinished = nil
                unfinishedRunsProbes = false
            }
        }
    }
}
