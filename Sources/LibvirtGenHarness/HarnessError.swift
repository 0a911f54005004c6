/// A harness failure that is not a check's: a package that is not a generated one, a build
/// tool that cannot run, a daemon that does not start. The CLI prints it as one line.
public struct HarnessError: Error, CustomStringConvertible {
    /// The message.
    public let description: String

    /// Creates an error.
    init(_ description: String) {
        self.description = description
    }
}
