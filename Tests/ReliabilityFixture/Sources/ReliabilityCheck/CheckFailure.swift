/// A failed expectation of a check: the program prints it and exits with status 1.
struct CheckFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// Creates a failure with its message.
    init(_ description: String) {
        self.description = description
    }
}

/// Throws a ``CheckFailure`` with `message` unless `condition` holds.
///
/// - Parameter condition: What must be true.
/// - Parameter message: What to report when it is not.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw CheckFailure(message()) }
}
