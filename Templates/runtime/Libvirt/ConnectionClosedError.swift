/// The error a throwing event stream (`Connection.domainEventsThrowingOnClose(_:domain:bufferingPolicy:)`,
/// `Domain.eventsThrowingOnClose(_:bufferingPolicy:)`, ...) ends with when libvirt reports its
/// connection closed: no event can come any more, and calls on the connection fail. Open a new
/// ``Connection`` to go on.
public struct ConnectionClosedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the connection closed, as libvirt's close callback reports it.
    public var reason: Connection.CloseReason

    /// Creates the error for a reason.
    public init(reason: Connection.CloseReason) {
        self.reason = reason
    }

    /// `the connection closed (eof)`, for logs.
    public var description: String { "the connection closed (\(reason))" }
}
