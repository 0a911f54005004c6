/// Problems found while reading or lowering an API description, reported with a location.

/// How bad a problem is.
public enum Severity: String, Sendable, Codable {
    /// The input cannot be used: the command fails with exit code 1.
    case error
    /// The input is usable but something in it was not handled as usual.
    case warning
}

/// One problem, with where it was found.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How bad it is.
    public var severity: Severity
    /// The one-line message.
    public var message: String
    /// Where it was found, when known.
    public var location: SourceLocation?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line: error: message`, the form compilers use.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

/// An error that stops the pipeline; carries the diagnostic that caused it.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The diagnostic to print.
    public var diagnostic: Diagnostic

    /// Wraps an error diagnostic.
    public init(_ message: String, at location: SourceLocation? = nil) {
        diagnostic = Diagnostic(.error, message, at: location)
    }

    /// The diagnostic's one-line form.
    public var description: String { diagnostic.description }
}

/// Collects warnings while a stage runs; errors are thrown as ``DiagnosticError`` instead.
public struct DiagnosticBag: Sendable {
    /// The warnings collected so far, in the order they were found.
    public private(set) var warnings: [Diagnostic] = []

    /// Creates an empty bag.
    public init() {}

    /// Records a warning.
    public mutating func warn(_ message: String, at location: SourceLocation? = nil) {
        warnings.append(Diagnostic(.warning, message, at: location))
    }

    /// Adds the warnings of another bag.
    public mutating func merge(_ other: DiagnosticBag) {
        warnings += other.warnings
    }
}
