// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainAgentSetResponseTimeout: method status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"rawValue":{"cType":"Int32","name":"timeout"}},{"zero":{}}],"outValues":[],"result":{"outValues":{}}}
/// C symbol: `virDomainAgentResponseTimeoutValues`.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum AgentResponseTimeout: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// C symbol: `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK`.
    /// Available since libvirt 5.10.0.
    case block
    /// C symbol: `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT`.
    /// Available since libvirt 5.10.0.
    case `default`
    /// C symbol: `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_NOWAIT`.
    /// Available since libvirt 5.10.0.
    case nowait
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case -2: self = .block
        case -1: self = .`default`
        case 0: self = .nowait
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .block: return -2
        case .`default`: return -1
        case .nowait: return 0
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .block: return "block"
        case .`default`: return "default"
        case .nowait: return "nowait"
        case .unrecognized(let value): return "seconds(\(value))"
        }
    }

    /// A timeout of `seconds` seconds (positive; a case's value is that case).
    public static func seconds(_ seconds: Int32) -> Self { Self(rawValue: seconds) }
}

/// Set how long to wait for a response from guest agent commands.
///
/// `timeout` must be a value from `Domain.AgentResponseTimeout` or
/// positive:
///
///   `Domain.AgentResponseTimeout.block`(-2): meaning to block forever
///      waiting for a result.
///   `Domain.AgentResponseTimeout.default`(-1): use default timeout value.
///   `Domain.AgentResponseTimeout.nowait`(0): does not wait.
///   positive value: wait for `timeout` seconds
/// - Parameter timeout: timeout in seconds
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainAgentSetResponseTimeout`.
/// Available since libvirt 5.10.0.
public func setAgentResponseTimeout(_ timeout: Domain.AgentResponseTimeout) throws {
    try check(virDomainAgentSetResponseTimeout(pointer, Int32(truncatingIfNeeded: timeout.rawValue), 0))
}

/// Set how long to wait for a response from guest agent commands.
///
/// `timeout` must be a value from `Domain.AgentResponseTimeout` or
/// positive:
///
///   `Domain.AgentResponseTimeout.block`(-2): meaning to block forever
///      waiting for a result.
///   `Domain.AgentResponseTimeout.default`(-1): use default timeout value.
///   `Domain.AgentResponseTimeout.nowait`(0): does not wait.
///   positive value: wait for `timeout` seconds
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter timeout: timeout in seconds
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainAgentSetResponseTimeout`.
/// Available since libvirt 5.10.0.
public func setAgentResponseTimeout(_ timeout: Domain.AgentResponseTimeout) async throws {
    try await BlockingPool.current.run { try self.setAgentResponseTimeout(timeout) }
}
