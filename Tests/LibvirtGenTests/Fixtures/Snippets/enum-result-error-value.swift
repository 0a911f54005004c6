// MARK: Libvirt/Connection.swift (extension Connection)
// virConnectCompareCPU: method value, failure rule signedDefaultMinusOne
// call plan: {"arguments":[{"receiver":{}},{"parameter":{"name":"xml"}},{"rawValue":{"cType":"UInt32","name":"options"}}],"outValues":[],"result":{"number":{"conversion":{"enumeration":{"optionSet":false,"type":"CPUCompareResult"}}}}}
/// C symbol: `virConnectCompareCPUFlags`.
public struct CompareCPUOptions: OptionSet, Hashable, Sendable {
    /// The C bit mask.
    public let rawValue: UInt32

    /// Creates a set from a C bit mask.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// treat incompatible CPUs as failure
    ///
    /// C symbol: `VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE`.
    public static var failIncompatible: Self { Self(rawValue: 1) }

    /// validate CPU XML document
    ///
    /// C symbol: `VIR_CONNECT_COMPARE_CPU_VALIDATE_XML`.
    public static var validateXML: Self { Self(rawValue: 2) }
}

/// Compares the given CPU description with the host CPU.
/// - Parameter xml: XML describing the CPU to compare with host CPU
/// - Parameter options: any combination of `Connection.CompareCPUOptions`
/// - Returns: comparison result according to enum `CPUCompareResult`.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virConnectCompareCPU`.
/// Available since libvirt 0.7.5.
public func compareCPU(xml: String, options: Connection.CompareCPUOptions = []) throws -> CPUCompareResult {
    try ensureOpen()
    let result = xml.withCString { xml in virConnectCompareCPU(pointer, xml, UInt32(truncatingIfNeeded: options.rawValue)) }
    if result == -1 { throw LibvirtError.last() }
    return CPUCompareResult(rawValue: result)
}

/// Compares the given CPU description with the host CPU.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter xml: XML describing the CPU to compare with host CPU
/// - Parameter options: any combination of `Connection.CompareCPUOptions`
/// - Returns: comparison result according to enum `CPUCompareResult`.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virConnectCompareCPU`.
/// Available since libvirt 0.7.5.
public func compareCPU(xml: String, options: Connection.CompareCPUOptions = []) async throws -> CPUCompareResult {
    try await BlockingPool.current.run { try self.compareCPU(xml: xml, options: options) }
}

// MARK: Libvirt/Types+Libvirt.swift
/// C symbol: `virCPUCompareResult`.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum CPUCompareResult: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// C symbol: `VIR_CPU_COMPARE_ERROR`.
    case error
    /// C symbol: `VIR_CPU_COMPARE_INCOMPATIBLE`.
    case incompatible
    /// C symbol: `VIR_CPU_COMPARE_IDENTICAL`.
    case identical
    /// C symbol: `VIR_CPU_COMPARE_SUPERSET`.
    case superset
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case -1: self = .error
        case 0: self = .incompatible
        case 1: self = .identical
        case 2: self = .superset
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .error: return -1
        case .incompatible: return 0
        case .identical: return 1
        case .superset: return 2
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .error: return "error"
        case .incompatible: return "incompatible"
        case .identical: return "identical"
        case .superset: return "superset"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}
