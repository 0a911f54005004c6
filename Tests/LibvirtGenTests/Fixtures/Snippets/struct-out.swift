// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetInfo: method status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"out":{"argument":{"structValue":{"cStruct":"virDomainInfo","name":"info","swiftStruct":"Domain.Info"}}}}],"outValues":[{"argument":1,"name":"info","type":{"named":"Domain.Info"}}],"result":{"outValues":{}}}
/// C symbol: `virDomainState`.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum State: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// no state
    ///
    /// C symbol: `VIR_DOMAIN_NOSTATE`.
    case nostate
    /// the domain is running
    ///
    /// C symbol: `VIR_DOMAIN_RUNNING`.
    case running
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .nostate
        case 1: self = .running
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .nostate: return 0
        case .running: return 1
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .nostate: return "nostate"
        case .running: return "running"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}

/// The values of this C structure, copied into Swift.
///
/// C symbol: `virDomainInfo`.
/// Available since libvirt 0.0.1.
public struct Info: Hashable, Sendable {
    /// the running state, one of `Domain.State`
    public var state: Domain.State
    /// the maximum memory in KBytes allowed
    public var maxMemory: UInt
    /// the number of virtual CPUs for the domain
    public var virtualCPUCount: Int
    /// the CPU time used in nanoseconds
    public var cpuTime: UInt64

    /// Copies the values out of the C struct.
    package init(_ c: virDomainInfo) {
        self.state = Domain.State(rawValue: Int32(truncatingIfNeeded: c.state))
        self.maxMemory = c.maxMem
        self.virtualCPUCount = Int(c.nrVirtCpu)
        self.cpuTime = c.cpuTime
    }
}

/// Extract information about a domain.
/// - Returns: a `Domain.Info` structure
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainGetInfo`.
/// Available since libvirt 0.0.3.
public func info() throws -> Domain.Info {
    var infoValue = virDomainInfo()
    try check(virDomainGetInfo(pointer, &infoValue))
    return Domain.Info(infoValue)
}

/// Extract information about a domain.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: a `Domain.Info` structure
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainGetInfo`.
/// Available since libvirt 0.0.3.
public func info() async throws -> Domain.Info {
    try await BlockingPool.current.run { try self.info() }
}
