import Libvirt

/// A scenario's expectation that did not hold.
public struct CheckFailure: Error, CustomStringConvertible {
    /// What was expected, and where.
    public let description: String

    /// Creates a failure.
    ///
    /// - Parameter description: What was expected, and where.
    public init(description: String) {
        self.description = description
    }
}

/// Throws a ``CheckFailure`` carrying `message` unless `condition` holds.
///
/// - Parameter condition: The expectation.
/// - Parameter message: What was expected (evaluated only on failure).
public func require(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) throws(CheckFailure) {
    if !condition { throw CheckFailure(description: "\(file):\(line): \(message())") }
}

/// Runs `body`, which must throw a ``LibvirtError`` with `code`, and returns that error.
///
/// - Parameter code: The expected error code.
/// - Parameter body: The failing call.
/// - Throws: ``CheckFailure`` when `body` succeeds or throws anything else.
@discardableResult
public func requireLibvirtError(
    _ code: LibvirtError.Code, file: StaticString = #fileID, line: UInt = #line, _ body: () throws -> Void
) throws -> LibvirtError {
    do {
        try body()
    } catch let error as LibvirtError {
        try require(error.code == code, "expected \(code), got \(error.code): \(error.message)", file: file, line: line)
        return error
    }
    throw CheckFailure(description: "\(file):\(line): expected a LibvirtError \(code), the call succeeded")
}
