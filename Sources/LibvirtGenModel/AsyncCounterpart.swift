/// The `async` overload of a bound function: the same declaration (same name, labels and
/// defaults; a method of the same base name for a property), which runs the synchronous call on
/// the runtime's blocking pool and resumes the calling task with its outcome.
public struct AsyncCounterpart: Sendable, Codable, Equatable {
    /// The C function that aborts the libvirt job the call starts (`virDomainAbortJob`), called
    /// with the receiver alone when the task is cancelled while the call runs; nil when nothing
    /// can stop a running call.
    public var abortFunction: String?
    /// The documentation lines: the function's, with what running on the pool means.
    public var doc: Documentation

    /// Creates an async counterpart.
    public init(abortFunction: String?, doc: Documentation) {
        self.abortFunction = abortFunction
        self.doc = doc
    }
}
