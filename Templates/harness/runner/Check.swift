// Copied into the harness runner by libvirt-swiftgen harness.
import CExercise
import Foundation
import Libvirt

/// One named check of the harness: it passes when its body returns, fails when it throws.
struct Check: Sendable {
    /// The name the report shows.
    let name: String
    /// Whether the check runs probes, which the harness restarts without the probe that crashed.
    let runsProbes: Bool
    /// The check's work, given a fixture on a fresh connection to the harness's node.
    let body: @Sendable (Fixture) async throws -> Void

    /// Creates a check.
    init(_ name: String, runsProbes: Bool = false, body: @escaping @Sendable (Fixture) async throws -> Void) {
        self.name = name
        self.runsProbes = runsProbes
        self.body = body
    }
}

/// Why a check failed, in words the report shows.
struct CheckFailure: Error, CustomStringConvertible {
    /// The reason.
    let description: String

    /// Creates a failure.
    init(_ description: String) {
        self.description = description
    }
}

/// Fails the check unless `actual == expected`, naming the Swift API whose value was wrong.
///
/// - Parameter api: The Swift declaration as the coverage report names it (`Domain.info()`); the
///   harness adds the C function it wraps.
func expect<Value: Equatable>(_ actual: Value, _ expected: Value, _ api: String) throws {
    guard actual == expected else {
        throw CheckFailure("\(api) returned \(shown(actual)), expected \(shown(expected))")
    }
}

/// A value as a failure message shows it: an optional's wrapped value, or `nil`.
func shown(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return "\(value)" }
    return mirror.children.first.map { shown($0.value) } ?? "nil"
}

/// Fails the check unless `condition` holds.
func expect(_ condition: Bool, _ what: @autoclosure () -> String) throws {
    guard condition else { throw CheckFailure(what()) }
}

/// Polls `condition` every tenth of a second for up to ten seconds; fails naming `what`.
func waitUntil(_ what: String, _ condition: () throws -> Bool) async throws {
    for _ in 0..<100 {
        if try condition() { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    throw CheckFailure("timed out waiting: \(what)")
}

/// Runs `body`, which must fail with libvirt error `code` (a `virErrorNumber`), or `.noSupport`
/// when `orNoSupport` is set; the failure is counted as expected, not as an error.
///
/// - Parameter api: The Swift declaration called, for the failure message.
/// - Returns: The error `body` threw, for checks of its other parts.
@discardableResult
func expectFailure(
    _ code: Int32, orNoSupport: Bool = false, _ api: String, _ body: () throws -> Void
) throws -> LibvirtError {
    hx_expect(code)
    defer { hx_expect(-1) }
    do {
        try body()
    } catch let error as LibvirtError {
        let raw = error.code.rawValue
        if raw == code || (orNoSupport && raw == noSupportCode) { return error }
        throw CheckFailure("\(api) threw code \(raw) (\(error.message)), expected code \(code)")
    }
    throw CheckFailure("\(api) succeeded, expected libvirt error code \(code)")
}

/// Calls `body` only to exercise what it calls, where the test driver's answer is not pinned
/// down: a failure is counted as rejected arguments (or `.noSupport`), and the check goes on.
func exercise(_ body: () throws -> Void) {
    hx_set_mode(Int32(HX_MODE_PROBE.rawValue))
    defer { hx_set_mode(Int32(HX_MODE_CHECK.rawValue)) }
    _ = try? body()
}

/// `VIR_ERR_NO_SUPPORT`.
let noSupportCode: Int32 = 3

/// Describes an error a check did not expect, naming the C function that failed.
func describe(_ error: any Error) -> String {
    if let failure = error as? CheckFailure { return failure.description }
    if let error = error as? LibvirtError {
        let function = hx_last_failure().map { String(cString: $0) } ?? "a libvirt call"
        return "\(function) failed unexpectedly: \(error.message) (code \(error.code.rawValue))"
    }
    return "\(error)"
}

/// Writes a progress line to standard error.
func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
