import CLibvirt

extension DataStream {
    /// Requests that the data transfer in progress be cancelled abnormally before the end of the
    /// stream has been reached. For output streams this informs the driver that the stream is
    /// being terminated early; for input streams, that it should stop sending data.
    ///
    /// libvirt requires the event callback of a non-blocking stream to be removed first: this
    /// method removes it, which ends the ``events(_:bufferingPolicy:)`` sequence.
    ///
    /// - Throws: ``LibvirtError`` when libvirt reports a failure, or `.operationInvalid` while
    ///   another task reads or writes the stream.
    ///
    /// C symbols: `virStreamAbort`, `virStreamEventRemoveCallback`.
    /// Available since libvirt 0.7.2.
    public func abort() throws {
        try abort(holding: [])
    }

    /// Aborts the transfer from a task that already reads or writes the stream (`held`).
    func abort(holding held: StreamUse) throws {
        let use = StreamUse.closing.subtracting(held)
        try beginUse(use, by: "DataStream.abort()")
        defer { endUse(use) }
        removeEventCallback()
        transferEnded.withLock { $0 = true }
        try check(virStreamAbort(pointer))
    }

    /// Indicates that there is no further data to be transmitted on the stream. For output
    /// streams call it once all data has been written; for input streams, once
    /// ``receive(upTo:)`` returns the end of the stream.
    ///
    /// This method is a synchronization point for all asynchronous errors: when it succeeds, all
    /// data has been processed. libvirt requires the event callback of a non-blocking stream to
    /// be removed first: this method removes it, which ends the ``events(_:bufferingPolicy:)`` sequence.
    ///
    /// - Throws: ``LibvirtError`` when libvirt reports a failure, or `.operationInvalid` while
    ///   another task reads or writes the stream.
    ///
    /// C symbols: `virStreamFinish`, `virStreamEventRemoveCallback`.
    /// Available since libvirt 0.7.2.
    public func finish() throws {
        try finish(holding: [])
    }

    /// Finishes the transfer from a task that already reads or writes the stream (`held`).
    func finish(holding held: StreamUse) throws {
        let use = StreamUse.closing.subtracting(held)
        try beginUse(use, by: "DataStream.finish()")
        defer { endUse(use) }
        removeEventCallback()
        try check(virStreamFinish(pointer))
        transferEnded.withLock { $0 = true }
    }

    /// Removes the ``events(_:bufferingPolicy:)`` callback, if there is one, so that libvirt releases it, and
    /// waits for a dispatch of it already under way on the event loop's thread to end.
    ///
    /// A local (file-descriptor) stream closed with its callback still registered keeps the watch
    /// and never calls the callback's free function: the callback's Swift side (the event
    /// sequence and the events it buffered) and a reference to the stream would leak, and the
    /// watch on the closed descriptor can still fire. A dispatch under way when the stream closes
    /// locks the stream's freed data.
    private func removeEventCallback() {
        guard takeEventCallback() else { return }
        if virStreamEventRemoveCallback(pointer) < 0 {
            virResetLastError()
        } else {
            waitForEventLoopDispatch()
        }
    }
}
