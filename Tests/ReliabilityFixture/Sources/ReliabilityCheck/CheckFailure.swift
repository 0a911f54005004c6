import Foundation

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

/// Writes a line of figures to standard output at once (unbuffered, so the lines of a parent and
/// its child process come out in the order they were written).
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
