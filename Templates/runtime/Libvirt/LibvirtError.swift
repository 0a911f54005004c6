import CLibvirt
import Foundation

/// A failure reported by libvirt, copied from the thread's last error at the moment the call failed.
///
/// Every binding throws this type. libvirt keeps its last error per thread, so the wrappers copy it
/// in the same synchronous call that failed, before any suspension point. Two errors are equal
/// when every field is; a catch clause can match a code: `catch LibvirtError.noDomain` (every code
/// has such a pattern, generated beside ``Code``), or `catch LibvirtError.code(.noDomain)`.
public struct LibvirtError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What went wrong (`virErrorNumber`).
    public var code: Code
    /// The part of libvirt that reported it (`virErrorDomain`).
    public var errorDomain: ErrorDomain
    /// How severe it is (`virErrorLevel`).
    public var level: Level
    /// libvirt's human-readable message.
    public var message: String
    /// libvirt's extra string information, `virError`'s `str1`, `str2` and `str3` in order (three
    /// values, nil where libvirt set none, in every error libvirt reports). libvirt gives them no
    /// fixed meaning; most errors hold the message's format (`"internal error: %s"`) first and the
    /// detail filling it second.
    public var extraStrings: [String?]
    /// libvirt's extra number information, `virError`'s `int1` and `int2` in order (two values in
    /// every error libvirt reports). libvirt gives them no fixed meaning; most errors leave them -1,
    /// and a failed system call puts its `errno` first.
    public var extraNumbers: [Int32]

    /// Creates an error value.
    public init(
        code: Code, errorDomain: ErrorDomain, level: Level = .error, message: String,
        extraStrings: [String?] = [], extraNumbers: [Int32] = []
    ) {
        self.code = code
        self.errorDomain = errorDomain
        self.level = level
        self.message = message
        self.extraStrings = extraStrings
        self.extraNumbers = extraNumbers
    }

    /// The message, as libvirt wrote it.
    public var description: String { message }

    /// The message, as libvirt wrote it (what `localizedDescription` shows).
    public var errorDescription: String? { message }

    /// Copies the calling thread's last libvirt error (or, in the dynamic link mode, reports the
    /// function the loaded libvirt lacks).
    package static func last() -> LibvirtError {
        if let missing = missingFunctionError() { return missing }
        guard let error = virGetLastError()?.pointee else {
            return LibvirtError(
                code: .internalError, errorDomain: .none,
                message: "libvirt reported a failure without setting an error")
        }
        return LibvirtError(
            code: Code(rawValue: error.code), errorDomain: ErrorDomain(rawValue: error.domain),
            level: Level(rawValue: Int32(bitPattern: error.level.rawValue)),
            message: error.message.map { String(cString: $0) } ?? "",
            extraStrings: [error.str1, error.str2, error.str3].map { $0.map { String(cString: $0) } },
            extraNumbers: [error.int1, error.int2])
    }
}

extension LibvirtError {
    /// A pattern matching the errors with one code, for catch clauses and `switch` cases
    /// (`LibvirtError.noDomain`, `LibvirtError.code(.noDomain)`).
    public struct CodePattern: Sendable {
        /// The code to match.
        public let code: Code

        /// The pattern matching `code`.
        init(_ code: Code) {
            self.code = code
        }
    }

    /// A pattern matching ``LibvirtError`` values with `code`: `catch LibvirtError.code(.noDomain)`.
    public static func code(_ code: Code) -> CodePattern {
        CodePattern(code)
    }
}

/// Whether `error` is a ``LibvirtError`` with the pattern's code.
public func ~= (pattern: LibvirtError.CodePattern, error: any Error) -> Bool {
    (error as? LibvirtError)?.code == pattern.code
}
