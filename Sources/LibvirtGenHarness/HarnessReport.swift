import Foundation

/// The harness's report (the `harness --json` document of DESIGN.md §4, with extra keys).
public struct HarnessReport: Codable, Sendable, Equatable {
    /// The build of the runner and the package.
    public struct Build: Codable, Sendable, Equatable {
        /// Whether it built.
        public var ok: Bool
        /// Wall-clock seconds.
        public var seconds: Double
        /// The compiler's error lines, when it failed.
        public var errors: [String]
    }

    /// One check's result.
    public struct CheckResult: Codable, Sendable, Equatable {
        /// The check's name.
        public var name: String
        /// Whether it passed.
        public var ok: Bool
        /// Why it failed (empty when it passed).
        public var detail: String
    }

    /// The exercise totals; `exercisedPercent` = (succeeded + expectedNoSupport) / bound × 100.
    public struct Exercise: Codable, Sendable, Equatable {
        /// Bound functions: generated + override.
        public var bound = 0
        /// Called and succeeded at least once.
        public var succeeded = 0
        /// Called and threw `.noSupport`, as the test driver does for what it lacks.
        public var expectedNoSupport = 0
        /// Called only where a check expected the error it threw (lookups of missing objects).
        public var expectedError = 0
        /// Threw an error no check expected.
        public var unexpectedError = 0
        /// Called only by a probe, whose placeholder arguments the driver rejected.
        public var rejectedArguments = 0
        /// Absent from the installed libvirt (dynamic link mode, newer API description).
        public var missingFromLibvirt = 0
        /// Never called.
        public var notCalled = 0
        /// Runner crashes (each also fails the check it happened in).
        public var crashes = 0
        /// The exercised share, 0–100.
        public var exercisedPercent = 0.0
    }

    /// One bound function's outcome.
    public struct FunctionOutcome: Codable, Sendable, Equatable {
        /// The C function.
        public var name: String
        /// The Swift declaration.
        public var swift: String
        /// The Swift module.
        public var module: String
        /// What happened.
        public var outcome: Outcome
        /// How many calls were made.
        public var calls: UInt64
        /// The last unexpected or rejected error, or why the function was not probed.
        public var note: String?
    }

    /// What happened to a function, best first.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// At least one call succeeded.
        case succeeded
        /// Threw `.noSupport`.
        case expectedNoSupport
        /// Threw only errors checks expected.
        case expectedError
        /// Threw an error nobody expected.
        case unexpectedError
        /// Only placeholder calls, rejected.
        case rejectedArguments
        /// The installed libvirt lacks it.
        case missingFromLibvirt
        /// The runner crashed inside it.
        case crashed
        /// Never called.
        case notCalled
    }

    /// The package folder, as given.
    public var package: String
    /// The driver the checks ran against: `test` or `qemu`.
    public var driver: String
    /// The libvirt version the package was generated from.
    public var libvirtVersion: String
    /// The package's link mode.
    public var link: String
    /// The build.
    public var build: Build
    /// The checks, in run order.
    public var checks: [CheckResult]
    /// The totals.
    public var exercise: Exercise
    /// Every bound function.
    public var functions: [FunctionOutcome]
    /// What this run and earlier runs on other drivers prove together (`--union-with`).
    public var union: HarnessUnion?

    /// Whether every check passed (and the package built).
    public var passed: Bool { build.ok && checks.allSatisfy(\.ok) }
}

extension HarnessReport.Outcome {
    /// The outcome of a function from its counters; crashes and absence from the installed
    /// libvirt take precedence over what the counters show.
    public static func classify(_ counts: ExerciseCounters.Counts, crashed: Bool, missing: Bool) -> Self {
        if missing { return .missingFromLibvirt }
        if crashed { return .crashed }
        if counts.succeeded > 0 { return .succeeded }
        if counts.noSupport > 0 { return .expectedNoSupport }
        if counts.unexpected > 0 { return .unexpectedError }
        if counts.expected > 0 { return .expectedError }
        if counts.rejected > 0 { return .rejectedArguments }
        return .notCalled
    }
}

extension HarnessReport.Exercise {
    /// Totals over `functions`, with `crashes` runner crashes.
    public init(functions: [HarnessReport.FunctionOutcome], crashes: Int) {
        bound = functions.count
        for function in functions {
            switch function.outcome {
            case .succeeded: succeeded += 1
            case .expectedNoSupport: expectedNoSupport += 1
            case .expectedError: expectedError += 1
            case .unexpectedError: unexpectedError += 1
            case .rejectedArguments: rejectedArguments += 1
            case .missingFromLibvirt: missingFromLibvirt += 1
            case .crashed, .notCalled: notCalled += 1
            }
        }
        self.crashes = crashes
        let exercised = Double(succeeded + expectedNoSupport)
        exercisedPercent = bound == 0 ? 0 : (exercised / Double(bound) * 1000).rounded() / 10
    }
}
