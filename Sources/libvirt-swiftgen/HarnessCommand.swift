import ArgumentParser
import Foundation
import LibvirtGenHarness
import LibvirtGenModel

/// `libvirt-swiftgen harness`: builds a generated package and proves it against the test driver
/// or the embedded QEMU driver.
struct HarnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harness",
        abstract: "Build a generated package in a scratch folder and check it against libvirt's test or QEMU driver.",
        discussion: """
            The package is copied into the scratch folder with a runner that links every bound C function \
            through a counting wrapper, then built (the package folder is never written to). The runner's \
            scenario checks assert the test driver's known values; its model-driven probes call every \
            getter on the node's objects, every lookup with a missing name, and every other function with \
            placeholder arguments. The report lists each check and, for every bound function, whether it \
            succeeded, threw .noSupport, threw something else, or was never called. The admin API is \
            checked against a private libvirtd when one is installed. \
            With --driver qemu the checks run against libvirt's embedded QEMU driver (qemu:///embed, in the \
            runner's process) with real QEMU processes: a firmware-only domain for the probes and a small \
            Linux guest running QEMU's guest agent, built from Debian packages into --guest-image and cached \
            there (bash .ci/setup installs what it needs). \
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

    @Option(help: ArgumentHelp("The libvirt driver to check against: test or qemu.", valueName: "driver"))
    var driver: HarnessDriver = .test

    @Option(name: .customLong("guest-image"), help: ArgumentHelp(
        "Where the QEMU guest image (kernel and initramfs) is built and cached.", valueName: "dir"))
    var guestImage: String = ".build/qemu-guest"

    @Option(name: .customLong("union-with"), parsing: .singleValue, help: ArgumentHelp(
        "The JSON report of a run on another driver (of the same package): the report adds which functions "
            + "succeeded on at least one driver, and why each other one did not.", valueName: "file"))
    var unionWith: [String] = []

    @Flag(help: "Print the JSON report (DESIGN contract) on standard output; progress goes to standard error.")
    var json = false

    func run() throws {
        var report: HarnessReport?
        try reportingFailures {
            let options = Harness.Options(
                package: URL(fileURLWithPath: package), apiXML: apiXML.map(URL.init(fileURLWithPath:)),
                scratch: scratch.map(URL.init(fileURLWithPath:)), minimumExercised: minimumExercised,
                driver: driver, guestImage: URL(fileURLWithPath: guestImage), progress: { printError($0) })
            let others = try unionWith.map(Self.readReport)
            do {
                report = try Harness(options: options).run()
            } catch let error as HarnessError {
                throw DiagnosticError(error.description)
            }
            if !others.isEmpty, let run = report {
                for other in others where other.libvirtVersion != run.libvirtVersion || other.functions.count != run.functions.count {
                    throw DiagnosticError("--union-with: the report of the \(other.driver) driver is of another package "
                        + "(libvirt \(other.libvirtVersion), \(other.functions.count) functions)")
                }
                report?.union = HarnessUnion(others + [run])
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
        var lines = ["", "Package \(report.package) (libvirt \(report.libvirtVersion), \(report.link) link), "
                     + "\(report.driver) driver"]
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
        if let union = report.union {
            lines.append("Drivers \(union.drivers.joined(separator: " and ")) together: \(union.succeeded) of \(union.bound) "
                + "bound functions succeeded on at least one (\(union.succeededPercent)%); the other \(union.unproven.count):")
            for function in union.unproven {
                let reasons = union.drivers.compactMap { driver in function.reasons[driver].map { "\(driver): \($0)" } }
                lines.append("  \(function.name)\t\(function.swift)\t\(reasons.joined(separator: "; "))")
            }
        }
        lines.append(report.passed ? "PASSED" : "FAILED")
        return lines.joined(separator: "\n")
    }
}

extension HarnessCommand {
    /// Reads a report written by `harness --json`.
    static func readReport(_ path: String) throws -> HarnessReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError("--union-with: cannot read \(path)")
        }
        do {
            return try JSONDecoder().decode(HarnessReport.self, from: data)
        } catch {
            throw DiagnosticError("--union-with: \(path) is not a harness report (harness --json)")
        }
    }
}

extension HarnessDriver: ExpressibleByArgument {}
