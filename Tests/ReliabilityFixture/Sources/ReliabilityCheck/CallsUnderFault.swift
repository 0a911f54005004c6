import Dispatch
import Foundation
import Libvirt

/// Threads calling a remote connection in a tight loop until a call fails, so that calls are in
/// flight when the daemon is killed. Every success is checked; the call that ends a thread must
/// throw a ``LibvirtError``.
final class CallsUnderFault: Sendable {
    /// How one thread's calls ended.
    struct Outcome: Sendable {
        /// Calls that succeeded with the right result (or failed with the expected error).
        var succeeded = 0
        /// The error that ended the thread, as `code: message`, when it was a ``LibvirtError``.
        var libvirtError: String?
        /// When the ending call started.
        var lastCallStarted = ContinuousClock.now
        /// A wrong result or an error of another type, if any.
        var wrong: String?
    }

    /// The outcomes of the threads that ended.
    private let outcomes = Guarded<[Outcome]>([])
    /// Left by each thread when it ends.
    private let group = DispatchGroup()

    /// Starts `threads` threads calling `connection`.
    init(_ connection: Connection, threads: Int) {
        for index in 0..<threads {
            group.enter()
            let thread = Thread { [self] in
                let outcome = Self.callUntilFailure(connection, first: index)
                outcomes.withLock { $0.append(outcome) }
                group.leave()
            }
            thread.start()
        }
    }

    /// Waits up to `seconds` for every thread to end; returns their outcomes, or nil when one is
    /// still blocked in a call.
    func wait(seconds: Double) -> [Outcome]? {
        guard group.wait(timeout: .now() + seconds) == .success else { return nil }
        return outcomes.withLock { $0 }
    }

    /// Calls in a loop (rotating through a lookup with `info()`, a listing, and a lookup that
    /// must fail with `.noDomain`) until a call fails otherwise.
    private static func callUntilFailure(_ connection: Connection, first: Int) -> Outcome {
        var outcome = Outcome()
        var step = first
        while true {
            outcome.lastCallStarted = .now
            do {
                switch step % 3 {
                case 0:
                    let state = try connection.domain(named: "test").info().state
                    guard state == .running else { outcome.wrong = "domain test is \(state)"; return outcome }
                case 1:
                    let names = try connection.allDomains().map(\.name)
                    guard names.contains("test") else { outcome.wrong = "allDomains() gave \(names)"; return outcome }
                default:
                    do {
                        _ = try connection.domain(named: "missing-\(step)")
                        outcome.wrong = "domain(named: missing-\(step)) succeeded"
                        return outcome
                    } catch let error as LibvirtError where error.code == .noDomain {}
                }
                outcome.succeeded += 1
            } catch let error as LibvirtError {
                outcome.libvirtError = "\(error.code): \(error.message)"
                return outcome
            } catch {
                outcome.wrong = "threw \(type(of: error)): \(error)"
                return outcome
            }
            step += 1
        }
    }
}
