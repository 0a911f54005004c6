import ArgumentParser
import Foundation
import LibvirtGenHarness
import LibvirtGenModel

/// `libvirt-swiftgen harness`: builds a generated package and proves it against the test driver.
struct HarnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harness",
        abstract: "Build a generated package in a scratch folder and check it against libvirt's test driver.",
        discussion: """
            The package is copied into the scratch folder with a runner that links every bound C function \
            through a counting wrapper, then built (the package folder is never written to). The runner's \
            scenario checks assert the test driver's known values; its model-driven probes call every \
            getter on the node's objects, every lookup with a missing name, and every other function with \
            placeholder arguments. The report lists each check and, for every bound function, whether it \
            succeeded, threw .noSupport, threw something else, or was never called. The admin API is \
            checked against a private libvirtd when one is installed. \
            Exit status: 0 when every check passed, 1 when one failed, 2 when the package did not build.
            """)

    @Option(help: ArgumentHelp("The generated package to check.", valueName: "dir"))
    var package: String = "Generated"

    @Option(name: .customLong("api-xml"), help: ArgumentHelp(
        "The API description the package was generated from (default: api-xml/VERSION, VERSION from the package).",
        valueName: "dir"))
    var apiXML: String?

    @Option(help: ArgumentHelp(
        "Build in this folder and keep it, so the next run rebuilds only what changed (default: a temporary folder).",
        valueName: "dir"))
    var scratch: String?

    @Option(name: .customLong("min-exercised"), help: ArgumentHelp(
        "Fail when fewer bound functions than this share (0-100) are exercised.", valueName: "percent"))
    var minimumExercised: Double = 0

    @Flag(help: "Print the JSON report (DESIGN contract) on standard output; progress goes to standard error.")
    var json = false

    func run() throws {
        var report: HarnessReport?
        try reportingFailures {
            let options = Harness.Options(
                package: URL(fileURLWithPath: package), apiXML: apiXML.map(URL.init(fileURLWithPath:)),
                scratch: scratch.map(URL.init(fileURLWithPath:)), minimumExercised: minimumExercised,
                progress: { printError($0) })
            do {
                report = try Harness(options: options).run()
            } catch let error as HarnessError {
                throw DiagnosticError(error.description)
            }
        }
        guard let report else { return }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(HarnessSummary(report: report).text)
        }
        if !report.build.ok { throw ExitCode(2) }
        if !report.passed { throw ExitCode(1) }
    }
}

/// The human-readable report.
struct HarnessSummary {
    /// The report.
    let report: HarnessReport

    /// The text: build, failed checks, exercise totals, and the functions not exercised.
    var text: String {
        var lines = ["", "Package \(report.package) (libvirt \(report.libvirtVersion), \(report.link) link)"]
        guard report.build.ok else {
            return (lines + ["Build: FAILED after \(report.build.seconds) s"] + report.build.errors.map { "  \($0)" })
                .joined(separator: "\n")
        }
        lines.append("Build: ok in \(report.build.seconds) s")
        let failed = report.checks.filter { !$0.ok }
        lines.append("Checks: \(report.checks.count - failed.count) passed, \(failed.count) failed")
        lines += failed.map { "  FAIL \($0.name): \($0.detail)" }
        let e = report.exercise
        lines.append(
            "Exercise: \(e.succeeded + e.expectedNoSupport) of \(e.bound) bound functions exercised "
                + "(\(e.exercisedPercent)%): \(e.succeeded) succeeded, \(e.expectedNoSupport) threw .noSupport; "
                + "\(e.expectedError) only expected errors, \(e.unexpectedError) unexpected errors, "
                + "\(e.rejectedArguments) rejected placeholders, \(e.missingFromLibvirt) missing from the installed libvirt, "
                + "\(e.notCalled) not called, \(e.crashes) crashes")
        let notExercised = report.functions.filter { $0.outcome != .succeeded && $0.outcome != .expectedNoSupport }
        if !notExercised.isEmpty { lines.append("Not exercised:") }
        for function in notExercised {
            lines.append("  \(function.outcome.rawValue)\t\(function.name)\t\(function.swift)\t\(function.note ?? "")")
        }
        lines.append(report.passed ? "PASSED" : "FAILED")
        return lines.joined(separator: "\n")
    }
}
