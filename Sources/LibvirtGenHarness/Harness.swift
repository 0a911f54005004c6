import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel

/// `libvirt-swiftgen harness`: builds a generated package with the runner in a scratch folder,
/// runs the checks against a libvirt driver (the test driver, or the embedded QEMU driver with
/// real guests) and reports checks and exercise coverage.
public struct Harness {
    /// What to check and how.
    public struct Options {
        /// The generated package.
        public var package: URL
        /// The API description the package was generated from (default: `api-xml/VERSION`).
        public var apiXML: URL?
        /// A scratch folder to build in and keep (default: a temporary folder, removed afterwards).
        public var scratch: URL?
        /// The exercised share below which the harness fails, 0–100.
        public var minimumExercised: Double
        /// The driver to prove the package against.
        public var driver: HarnessDriver
        /// Where the QEMU driver's guest image is built and cached.
        public var guestImage: URL
        /// Receives progress lines.
        public var progress: (String) -> Void

        /// Creates options.
        public init(
            package: URL, apiXML: URL?, scratch: URL?, minimumExercised: Double, driver: HarnessDriver = .test,
            guestImage: URL = URL(fileURLWithPath: ".build/qemu-guest"), progress: @escaping (String) -> Void
        ) {
            self.package = package
            self.apiXML = apiXML
            self.scratch = scratch
            self.minimumExercised = minimumExercised
            self.driver = driver
            self.guestImage = guestImage
            self.progress = progress
        }
    }

    /// The options.
    let options: Options

    /// Creates a harness.
    public init(options: Options) {
        self.options = options
    }

    /// Builds, runs and reports.
    ///
    /// - Throws: `DiagnosticError` or `HarnessError` when the package or the API description
    ///   cannot be read; a package that does not build is a report with `build.ok == false`.
    public func run() throws -> HarnessReport {
        if options.driver == .qemu, let problem = QemuProvingGround.missingPrerequisites() {
            throw HarnessError(problem)
        }
        let info = try GeneratedPackageInfo(folder: options.package)
        let apiXML = options.apiXML ?? URL(fileURLWithPath: "api-xml/\(info.libvirtVersion)")
        guard FileManager.default.fileExists(atPath: apiXML.path) else {
            throw HarnessError("no API description for libvirt \(info.libvirtVersion) at \(apiXML.path): pass --api-xml DIR")
        }
        let pipeline = try Pipeline()
        let model = try pipeline.run(apiXML: apiXML)
        guard model.package.libvirtVersion == info.libvirtVersion else {
            throw HarnessError("\(apiXML.path) describes libvirt \(model.package.libvirtVersion), "
                + "the package was generated from \(info.libvirtVersion)")
        }
        let bound = model.package.symbols.filter { $0.kind == .function && ($0.status == .generated || $0.status == .override) }
        let wrappers = try ExerciseWrappers(names: bound.map(\.name), apis: model.apis)
        let errorCodes = Dictionary(
            model.apis.flatMap(\.enumValues).filter { $0.type == "virErrorNumber" }.map { ($0.name, $0.value) },
            uniquingKeysWith: { a, _ in a })
        let overrides = pipeline.overrides
        let qemu = options.driver == .qemu
        let probes = ProbePlan(
            package: model.package, errorCodes: errorCodes,
            knownFailures: (qemu ? overrides.harnessQemuKnownFailures : overrides.harnessKnownFailures).mapValues(\.code),
            unsafe: overrides.harnessUnsafeCalls.merging(qemu ? overrides.harnessQemuUnsafeCalls : [:]) { a, _ in a })
        let scratch = options.scratch ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("libvirt-swiftgen-harness-\(UUID().uuidString.prefix(8))")
        defer { if options.scratch == nil { try? FileManager.default.removeItem(at: scratch) } }
        let workspace = RunnerWorkspace(root: scratch)
        let modules = model.package.modules.map(\.name)
        try workspace.prepare(package: options.package, modules: modules, wrappers: wrappers, probes: probes)

        var report = HarnessReport(
            package: options.package.path, driver: options.driver.rawValue, libvirtVersion: info.libvirtVersion,
            link: info.link.rawValue, build: build(workspace), checks: [], exercise: .init(), functions: [])
        guard report.build.ok else { return report }

        try? FileManager.default.removeItem(at: workspace.counters)
        var outcome = RunnerSession.Outcome()
        switch options.driver {
        case .test:
            let daemon = startDaemon(workspace)
            for suite in daemon == nil ? ["libvirt"] : ["libvirt", "admin"] {
                outcome.merge(try session(workspace, wrappers, suite: suite, arguments: daemon.map {
                    ["--daemon", $0.folder.path]
                } ?? []).run())
            }
            daemon?.kill()
        case .qemu:
            let ground = QemuProvingGround(root: workspace.qemuRoot, guestImage: options.guestImage.absoluteURL)
            try ground.prepare(builder: workspace.guestImageBuilder, progress: options.progress)
            defer { ground.cleanUp() }
            outcome.merge(try session(workspace, wrappers, suite: "libvirt", arguments: [
                "--driver", "qemu", "--qemu-root", ground.root.path, "--guest", ground.guestImage.path,
            ]).run())
        }

        let counters = ExerciseCounters(url: workspace.counters, count: wrappers.functions.count)
        let missing = info.link == .dynamic ? LibraryProbe.missing(bound.map(\.name), modules: model.package.modules) : []
        let skipReasons = Dictionary(probes.skipped.map { ($0.function, $0.reason) }, uniquingKeysWith: { a, _ in a })
        report.functions = zip(bound, counters.slots).map { symbol, counts in
            let result = HarnessReport.Outcome.classify(
                counts, crashed: outcome.crashedFunctions.contains(symbol.name), missing: missing.contains(symbol.name))
            let note = counts.lastError.map { "code \($0.code): " + $0.message.split(whereSeparator: \.isNewline).joined(separator: " ") }
                ?? (result == .notCalled ? notCalledReason(symbol, skipReasons, outcome.unavailable) : nil)
            return HarnessReport.FunctionOutcome(
                name: symbol.name, swift: symbol.swift ?? "", module: symbol.module, outcome: result,
                calls: counts.calls, note: note)
        }
        report.exercise = HarnessReport.Exercise(functions: report.functions, crashes: outcome.crashes)
        report.checks = outcome.checks.map { check in
            var check = check
            check.detail = CheckDetail.annotate(check.detail, functions: report.functions)
            return check
        } + summaryChecks(report)
        return report
    }

    /// Why a function was not called: its probe's skip reason, the object its probe could not
    /// get, or (on QEMU) the admin API, which only the test driver's run checks.
    private func notCalledReason(
        _ symbol: SymbolStatus, _ skipReasons: [String: String], _ unavailable: [String: String]
    ) -> String? {
        if let reason = skipReasons[symbol.name] { return reason }
        if let why = unavailable[symbol.name] { return "its probe got no object to call it on: \(why)" }
        if options.driver == .qemu && symbol.module == "LibvirtAdmin" {
            return "the admin API is checked against a private daemon in the test driver's run"
        }
        return nil
    }

    /// A session of the runner on one suite, with the driver's arguments.
    private func session(
        _ workspace: RunnerWorkspace, _ wrappers: ExerciseWrappers, suite: String, arguments: [String]
    ) -> RunnerSession {
        RunnerSession(workspace: workspace, functionNames: wrappers.functions.map(\.name), driver: options.driver,
                      suite: suite, arguments: arguments, progress: options.progress)
    }

    /// Builds the runner (and with it the package) with `swift build`, timing it.
    private func build(_ workspace: RunnerWorkspace) -> HarnessReport.Build {
        options.progress("Building \(options.package.path) with the harness runner in \(workspace.root.path) ...")
        let start = Date()
        let log = workspace.root.appendingPathComponent("build.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--package-path", workspace.runner.path]
        do {
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            process.waitUntilExit()
        } catch {
            return .init(ok: false, seconds: 0, errors: ["cannot run swift build: \(error)"])
        }
        let seconds = (Date().timeIntervalSince(start) * 10).rounded() / 10
        let ok = process.terminationStatus == 0
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        var seen: Set<Substring> = []
        let errorLines = text.split(separator: "\n").filter { $0.contains(": error:") && seen.insert($0).inserted }
        let errors = ok ? [] : errorLines.prefix(20).map(String.init)
        options.progress(ok ? "Built in \(seconds) s" : "Build failed after \(seconds) s (log: \(log.path))")
        return .init(ok: ok, seconds: seconds, errors: errors.isEmpty && !ok ? ["swift build failed; see \(log.path)"] : errors)
    }

    /// Starts the private daemon for the admin checks, when libvirtd is installed.
    private func startDaemon(_ workspace: RunnerWorkspace) -> PrivateDaemon? {
        guard PrivateDaemon.isAvailable else {
            options.progress("libvirtd is not installed: the admin API is not checked")
            return nil
        }
        do {
            try? FileManager.default.removeItem(at: workspace.daemon)  // a previous run's log and sockets
            let daemon = try PrivateDaemon(folder: workspace.daemon)
            try daemon.start()
            return daemon
        } catch {
            options.progress("\(error): the admin API is not checked")
            return nil
        }
    }

    /// The checks over the whole run: no unexpected errors, and the exercised share.
    private func summaryChecks(_ report: HarnessReport) -> [HarnessReport.CheckResult] {
        let unexpected = report.functions.filter { $0.outcome == .unexpectedError }
        let percent = report.exercise.exercisedPercent
        return [
            .init(name: "no unexpected errors", ok: unexpected.isEmpty,
                  detail: unexpected.map { "\($0.name) (\($0.swift)): \($0.note ?? "")" }.joined(separator: "; ")),
            .init(name: "exercised at least \(options.minimumExercised)%", ok: percent >= options.minimumExercised,
                  detail: percent >= options.minimumExercised ? "" : "\(percent)% of bound functions exercised"),
        ]
    }
}

/// Adds the C function behind each Swift declaration a check's failure names.
enum CheckDetail {
    /// `Domain.id returned 2, expected 1` → `Domain.id returned 2, expected 1 [virDomainGetID]`.
    static func annotate(_ detail: String, functions: [HarnessReport.FunctionOutcome]) -> String {
        guard !detail.isEmpty else { return detail }
        let named = functions.filter { !$0.swift.isEmpty && mentions(detail, $0.swift) }.map(\.name)
        return named.isEmpty ? detail : "\(detail) [\(named.joined(separator: ", "))]"
    }

    /// Whether `text` names `symbol` as a whole (not as the start of a longer name).
    static func mentions(_ text: String, _ symbol: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: symbol, range: searchRange) {
            let next = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !(next.isLetter || next.isNumber || next == "(") { return true }
            searchRange = range.upperBound..<text.endIndex
        }
        return false
    }
}
