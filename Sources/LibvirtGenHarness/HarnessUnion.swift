/// What runs of the harness on several drivers prove together: the bound functions that
/// succeeded on at least one driver, and for every other function why, per driver.
public struct HarnessUnion: Codable, Sendable, Equatable {
    /// A function no driver ran successfully.
    public struct Unproven: Codable, Sendable, Equatable {
        /// The C function.
        public var name: String
        /// The Swift declaration.
        public var swift: String
        /// Why, per driver (`test`, `qemu`).
        public var reasons: [String: String]
    }

    /// The drivers, in the order of the reports.
    public var drivers: [String]
    /// Bound functions.
    public var bound: Int
    /// Bound functions that succeeded on at least one driver.
    public var succeeded: Int
    /// That share of the bound functions, 0–100.
    public var succeededPercent: Double
    /// Every bound function that succeeded on no driver, with the reasons.
    public var unproven: [Unproven]

    /// Combines reports of the same package (one per driver); functions are matched by C name.
    public init(_ reports: [HarnessReport]) {
        drivers = reports.map(\.driver)
        let functions = reports.first?.functions ?? []
        let outcomes = reports.map { report in
            Dictionary(report.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
        bound = functions.count
        unproven = functions.compactMap { function in
            let runs = zip(reports, outcomes).compactMap { report, byName in
                byName[function.name].map { (report.driver, $0) }
            }
            guard !runs.contains(where: { $0.1.outcome == .succeeded }) else { return nil }
            return Unproven(name: function.name, swift: function.swift, reasons: Dictionary(
                runs.map { ($0.0, Self.reason($0.1)) }, uniquingKeysWith: { a, _ in a }))
        }
        succeeded = bound - unproven.count
        succeededPercent = bound == 0 ? 0 : (Double(succeeded) / Double(bound) * 1000).rounded() / 10
    }

    /// Why one run did not prove a function: its outcome, with the note the harness recorded.
    static func reason(_ function: HarnessReport.FunctionOutcome) -> String {
        let outcome: String
        switch function.outcome {
        case .succeeded: outcome = "succeeded"
        case .expectedNoSupport: outcome = "the driver does not support it"
        case .expectedError: outcome = "only called where a check expected its error"
        case .unexpectedError: outcome = "failed unexpectedly"
        case .rejectedArguments: outcome = "only called with placeholder arguments, which the driver rejected"
        case .missingFromLibvirt: outcome = "missing from the installed libvirt"
        case .crashed: outcome = "crashed the runner"
        case .notCalled: outcome = "not called"
        }
        return function.note.map { "\(outcome) (\($0))" } ?? outcome
    }
}
