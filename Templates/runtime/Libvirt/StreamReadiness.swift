/// Waits, without holding a thread, until a non-blocking stream can be read or written: the
/// stream's event callback (``DataStream/events(_:bufferingPolicy:)``) resumes the waiting task.
///
/// The callback is added at the first wait and removed by ``DataStream/finish()`` or
/// ``DataStream/abort()``. Between waits it reports nothing (libvirt's conditions are level
/// triggered: a stream left readable would call back on every turn of the event loop).
/// One task uses a waiter at a time.
final class StreamReadiness: @unchecked Sendable {
    /// The stream.
    private let stream: DataStream
    /// The stream's conditions, once the callback is added.
    private var conditions: AsyncStream<DataStream.EventType>.Iterator?

    /// A waiter for `stream`.
    init(_ stream: DataStream) {
        self.stream = stream
    }

    /// Waits until libvirt reports `condition` (or a hang-up or an error, which the next call
    /// reports in turn).
    ///
    /// - Throws: `CancellationError` when the task is cancelled; ``LibvirtError`` when libvirt
    ///   cannot add the callback (the stream has another one: an ``DataStream/events(_:bufferingPolicy:)``
    ///   sequence is open) or it was removed meanwhile.
    func wait(for condition: DataStream.EventType) async throws {
        let wanted = condition.union([.hangup, .error])
        if conditions == nil {
            conditions = try stream.events(wanted, bufferingPolicy: .bufferingNewest(1)).makeAsyncIterator()
        } else {
            try stream.updateEvents(wanted)
        }
        let reported = await conditions?.next()
        try Task.checkCancellation()
        guard reported != nil else {
            throw LibvirtError(
                code: .operationInvalid, errorDomain: .streams,
                message: "the stream's event callback was removed while a transfer waited for it")
        }
        try stream.updateEvents([])
    }
}
