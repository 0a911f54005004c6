/// One named piece of work a runner repeats, counting the handles it creates.
public struct Scenario: Sendable {
    /// The name printed in the summary.
    public let name: String
    /// Runs the work once; returns how many handles (connections, domains, ...) it created.
    public let run: @Sendable () throws -> Int

    /// Creates a scenario.
    ///
    /// - Parameter name: The name printed in the summary.
    /// - Parameter run: The work; returns how many handles it created.
    public init(_ name: String, run: @escaping @Sendable () throws -> Int) {
        self.name = name
        self.run = run
    }
}
