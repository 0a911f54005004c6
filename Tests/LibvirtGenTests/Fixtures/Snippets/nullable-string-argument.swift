// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainSetTitle: method status, failure rule negativeStatus
// call plan: {"arguments":[{"receiver":{}},{"parameter":{"name":"title"}},{"zero":{}}],"outValues":[],"result":{"outValues":{}}}
/// Sets the domain's title (no release has this function; the argument's text alone makes it optional).
/// - Parameter title: the new title, or NULL to remove the title
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainSetTitle`.
/// Available since libvirt 12.0.0.
public func setTitle(_ title: String? = nil) throws {
    try check(withOptionalCString(title) { title in virDomainSetTitle(pointer, title, 0) })
}

/// Sets the domain's title (no release has this function; the argument's text alone makes it optional).
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Parameter title: the new title, or NULL to remove the title
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainSetTitle`.
/// Available since libvirt 12.0.0.
public func setTitle(_ title: String? = nil) async throws {
    try await BlockingPool.current.run { try self.setTitle(title) }
}
