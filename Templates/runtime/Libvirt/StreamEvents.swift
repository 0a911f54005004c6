import CLibvirt

extension Stream {
    /// Reports when the stream becomes readable or writable (or hangs up or fails), for
    /// non-blocking streams. Ending the iteration removes the callback.
    ///
    /// - Parameter types: The conditions to report.
    /// - Returns: The conditions, as libvirt reports them.
    /// - Throws: ``LibvirtError`` when libvirt cannot add the callback (a stream has at most one).
    ///
    /// C symbols: `virStreamEventAddCallback`, `virStreamEventRemoveCallback`.
    public func events(_ types: Stream.EventType) throws -> AsyncStream<Stream.EventType> {
        try registeredEventStream(Stream.EventType.self, register: { opaque in
            let added = virStreamEventAddCallback(pointer, Int32(bitPattern: types.rawValue), { _, events, opaque in
                guard let opaque else { return }
                EventStreamBox<Stream.EventType>.from(opaque).continuation.yield(
                    Stream.EventType(rawValue: UInt32(bitPattern: events)))
            }, opaque, releaseRetainedOpaque)
            return added < 0 ? -1 : 0
        }, deregister: { [self] _ in
            _ = virStreamEventRemoveCallback(pointer)
        })
    }

    /// Changes the conditions the ``events(_:)`` stream reports.
    ///
    /// - Parameter types: The conditions to report from now on.
    /// - Throws: ``LibvirtError`` when the stream has no event callback.
    ///
    /// C symbol: `virStreamEventUpdateCallback`.
    public func updateEvents(_ types: Stream.EventType) throws {
        try check(virStreamEventUpdateCallback(pointer, Int32(bitPattern: types.rawValue)))
    }
}
