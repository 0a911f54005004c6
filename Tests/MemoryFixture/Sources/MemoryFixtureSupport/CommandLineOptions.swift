/// The few command-line options the fixture's programs take: `--iterations N` and
/// `--leak-on-purpose` (the canary that proves the checker catches a leak).
public struct CommandLineOptions {
    /// How many times to repeat the work.
    public let iterations: Int
    /// Whether to leak one handle on purpose.
    public let leakOnPurpose: Bool

    /// Reads the options from `arguments` (the program name first).
    ///
    /// - Parameter arguments: The command line.
    /// - Parameter defaultIterations: The count when `--iterations` is absent.
    /// - Throws: ``CheckFailure`` on an unknown option or a bad count.
    public init(_ arguments: [String], defaultIterations: Int) throws {
        var iterations = defaultIterations
        var leakOnPurpose = false
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--iterations":
                guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
                    throw CheckFailure(description: "--iterations needs a positive number")
                }
                iterations = value
            case "--leak-on-purpose":
                leakOnPurpose = true
            default:
                throw CheckFailure(description: "unknown option \(argument)")
            }
        }
        self.iterations = iterations
        self.leakOnPurpose = leakOnPurpose
    }
}
