/// The few command-line options the fixture's programs take: `--iterations N`, `--scenario NAME`
/// (run only that scenario), `--leak-on-purpose` (the canary that proves the checker catches a
/// leak) and `--retain-on-purpose` (the canary that proves it catches memory kept reachable).
public struct CommandLineOptions {
    /// How many times to repeat the work.
    public let iterations: Int
    /// Whether to leak one handle on purpose.
    public let leakOnPurpose: Bool
    /// Whether to keep one handle per iteration reachable on purpose.
    public let retainOnPurpose: Bool
    /// The one scenario to run, by name, or nil for all.
    public let scenario: String?

    /// Reads the options from `arguments` (the program name first).
    ///
    /// - Parameter arguments: The command line.
    /// - Parameter defaultIterations: The count when `--iterations` is absent.
    /// - Throws: ``CheckFailure`` on an unknown option, a bad count or a missing name.
    public init(_ arguments: [String], defaultIterations: Int) throws {
        var iterations = defaultIterations
        var leakOnPurpose = false
        var retainOnPurpose = false
        var scenario: String?
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--iterations":
                guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
                    throw CheckFailure(description: "--iterations needs a positive number")
                }
                iterations = value
            case "--scenario":
                guard let name = rest.popFirst() else { throw CheckFailure(description: "--scenario needs a name") }
                scenario = name
            case "--leak-on-purpose":
                leakOnPurpose = true
            case "--retain-on-purpose":
                retainOnPurpose = true
            default:
                throw CheckFailure(description: "unknown option \(argument)")
            }
        }
        self.iterations = iterations
        self.leakOnPurpose = leakOnPurpose
        self.retainOnPurpose = retainOnPurpose
        self.scenario = scenario
    }
}

extension CommandLineOptions {
    /// The scenarios of `all` to run: the one `--scenario` names, or all of them.
    ///
    /// - Parameter all: Every scenario of the program, with its name.
    /// - Parameter name: How to read a scenario's name.
    /// - Throws: ``CheckFailure`` when no scenario has the name.
    public func selected<Item>(_ all: [Item], name: (Item) -> String) throws -> [Item] {
        guard let scenario else { return all }
        let chosen = all.filter { name($0) == scenario }
        try require(!chosen.isEmpty, "no scenario is named \(scenario)")
        return chosen
    }
}
