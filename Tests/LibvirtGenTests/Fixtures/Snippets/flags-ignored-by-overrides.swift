// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainQemuAgentCommand: method ownedString, failure rule nullPointer
// call plan: {"arguments":[{"receiver":{}},{"parameter":{"name":"command"}},{"parameter":{"name":"timeout"}},{"zero":{}}],"outValues":[],"result":{"ownedString":{"label":"qemuAgentCommand"}}}
/// Execute an arbitrary Guest Agent command (named like the QEMU module's function, whose flags the overrides data declares ignored; its `timeout` names no enum here, so it stays a number).
/// - Parameter command: the guest agent command string
/// - Parameter timeout: timeout seconds
/// - Returns: strings.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainQemuAgentCommand`.
/// Available since libvirt 0.10.0.
public func qemuAgentCommand(_ command: String, timeout: Int32) throws -> String {
    let result = try takeString(checkPointer(command.withCString { command in virDomainQemuAgentCommand(pointer, command, timeout, 0) }))
    return result
}

/// Execute an arbitrary Guest Agent command (named like the QEMU module's function, whose flags the overrides data declares ignored; its `timeout` names no enum here, so it stays a number).
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter command: the guest agent command string
/// - Parameter timeout: timeout seconds
/// - Returns: strings.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainQemuAgentCommand`.
/// Available since libvirt 0.10.0.
public func qemuAgentCommand(_ command: String, timeout: Int32) async throws -> String {
    try await BlockingPool.current.run { try self.qemuAgentCommand(command, timeout: timeout) }
}
