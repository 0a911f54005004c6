#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibvirtQemu
import Libvirt

/// A QEMU monitor event, as `Connection.qemuMonitorEvents(named:domain:options:)` delivers it.
public struct QemuMonitorEvent: Sendable {
    /// The domain the event is about.
    public var domain: Domain
    /// The event's name (`SHUTDOWN`, `BLOCK_JOB_READY`, ...).
    public var event: String
    /// QEMU's timestamp: seconds since the Epoch, or -1 when not available.
    public var seconds: Int64
    /// QEMU's timestamp: microseconds within the second.
    public var microseconds: UInt32
    /// The event's JSON details, if any.
    public var details: String?
}

extension Connection {
    /// Delivers QEMU monitor events (unsupported, debugging-only API) as they happen.
    ///
    /// - Parameter named: Only events with this name (a regular expression or case-insensitive
    ///   with the matching options), or nil for all.
    /// - Parameter domain: Only events about this domain, or nil for all.
    /// - Parameter options: How `named` matches.
    /// - Parameter bufferingPolicy: Which events the stream keeps while its reader falls behind:
    ///   all of them (`.unbounded`, the default: none is lost), or at most n, dropping the new
    ///   ones (`.bufferingOldest(n)`) or the oldest unread ones (`.bufferingNewest(n)`).
    /// - Returns: The events; ending the iteration deregisters the callback.
    /// - Throws: `LibvirtError` when libvirt cannot register the callback.
    ///
    /// C symbols: `virConnectDomainQemuMonitorEventRegister`, `virConnectDomainQemuMonitorEventDeregister`.
    public func qemuMonitorEvents(
        named: String? = nil, domain: Domain? = nil, options: Connection.DomainQEMUMonitorEventRegisterOptions = [],
        bufferingPolicy: AsyncStream<QemuMonitorEvent>.Continuation.BufferingPolicy = .unbounded
    ) throws -> AsyncStream<QemuMonitorEvent> {
        let filter: AnyHashable? = domain.map { AnyHashable([AnyHashable($0), AnyHashable(named), AnyHashable(options.rawValue)]) }
            ?? AnyHashable([AnyHashable(named), AnyHashable(options.rawValue)])
        let key = EventRegistrationKey(
            connection: pointer, function: "virConnectDomainQemuMonitorEventRegister", id: 0, object: filter)
        return AsyncStream(reading: try subscribeToEvents(QemuMonitorEvent.self, [
            EventRegistrationRequest(key: key, register: { [self] opaque in
                virConnectDomainQemuMonitorEventRegister(
                    pointer, domain?.pointer, named, qemuMonitorEventReceived, opaque, releaseRetainedOpaque, options.rawValue)
            }, deregister: { [self] callbackID in
                _ = virConnectDomainQemuMonitorEventDeregister(pointer, callbackID)
            }),
        ], buffering: EventBuffering(bufferingPolicy)))
    }
}

/// Receives `virConnectDomainQemuMonitorEventCallback` calls and forwards them to the hub in `opaque`.
private let qemuMonitorEventReceived: @convention(c) (
    OpaquePointer?, OpaquePointer?, UnsafePointer<CChar>?, Int64, UInt32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?
) -> Void = { _, domain, event, seconds, micros, details, opaque in
    guard let domain, let opaque else { return }
    EventHub<QemuMonitorEvent>.from(opaque).yield(QemuMonitorEvent(
        domain: Domain(retaining: domain), event: event.map { String(cString: $0) } ?? "", seconds: seconds,
        microseconds: micros, details: details.map { String(cString: $0) }))
}

extension Domain {
    /// Sends a command to the domain's QEMU monitor (unsupported, debugging-only API), passing
    /// file descriptors along, and returns QEMU's answer with any file descriptors it returned.
    ///
    /// - Parameter command: The monitor command (QMP JSON, or HMP with the matching option).
    /// - Parameter files: File descriptors to pass to QEMU.
    /// - Parameter options: How to interpret `command`.
    /// - Throws: `LibvirtError` when libvirt reports a failure.
    ///
    /// C symbol: `virDomainQemuMonitorCommandWithFiles`.
    public func qemuMonitorCommand(
        _ command: String, files: [Int32], options: Domain.QEMUMonitorCommandOptions = []
    ) throws -> (result: String, files: [Int32]) {
        var inFiles = files
        var outCount: UInt32 = 0
        var outFiles: UnsafeMutablePointer<Int32>?
        var result: UnsafeMutablePointer<CChar>?
        try check(virDomainQemuMonitorCommandWithFiles(
            pointer, command, UInt32(inFiles.count), &inFiles, &outCount, &outFiles, &result, options.rawValue))
        defer {
            free(outFiles)
            free(result)
        }
        let returned = outFiles.map { Array(UnsafeBufferPointer(start: $0, count: Int(outCount))) } ?? []
        return (result.map { String(cString: $0) } ?? "", returned)
    }
}
