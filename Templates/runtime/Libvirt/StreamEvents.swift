import CLibvirt

/// The streams (by pointer) whose ``DataStream/events(_:bufferingPolicy:)`` callback is registered: the callback is
/// removed exactly once, by whichever comes first of the sequence ending, ``DataStream/abort()`` and
/// ``DataStream/finish()``, so no call asks libvirt to remove a callback it no longer has.
private let streamsWithEventCallbacks = Locked<Set<UInt>>([])

extension DataStream {
    /// Reports when the stream becomes readable or writable (or hangs up or fails), for
    /// non-blocking streams. Ending the iteration removes the callback.
    ///
    /// libvirt reports a condition again on every turn of its event loop while it lasts: change
    /// what is reported with ``updateEvents(_:)`` (to `[]` while nothing is wanted), and keep only
    /// the latest report with `.bufferingNewest(1)`. ``bytes(chunkSize:)`` and
    /// ``write(contentsOf:)`` use this callback themselves on a non-blocking stream.
    ///
    /// - Parameter types: The conditions to report.
    /// - Parameter bufferingPolicy: Which reports the stream keeps while its reader falls behind:
    ///   all of them (`.unbounded`, the default), or at most n, dropping the new ones
    ///   (`.bufferingOldest(n)`) or the oldest unread ones (`.bufferingNewest(n)`).
    /// - Returns: The conditions, as libvirt reports them.
    /// - Throws: ``LibvirtError`` when libvirt cannot add the callback (a stream has at most one).
    ///
    /// C symbols: `virStreamEventAddCallback`, `virStreamEventRemoveCallback`.
    public func events(
        _ types: DataStream.EventType,
        bufferingPolicy: AsyncStream<DataStream.EventType>.Continuation.BufferingPolicy = .unbounded
    ) throws -> AsyncStream<DataStream.EventType> {
        try registeredEventStream(DataStream.EventType.self, bufferingPolicy: bufferingPolicy, register: { opaque in
            let added = virStreamEventAddCallback(pointer, Int32(bitPattern: types.rawValue), { _, events, opaque in
                guard let opaque else { return }
                EventStreamBox<DataStream.EventType>.from(opaque).continuation.yield(
                    DataStream.EventType(rawValue: UInt32(bitPattern: events)))
            }, opaque, releaseRetainedOpaque)
            if added < 0 { return -1 }
            streamsWithEventCallbacks.withLock { _ = $0.insert(UInt(bitPattern: pointer)) }
            return 0
        }, deregister: { [self] _ in
            if takeEventCallback() { _ = virStreamEventRemoveCallback(pointer) }
        })
    }

    /// Whether the stream has an ``events(_:bufferingPolicy:)`` callback, forgetting it: the caller removes it.
    func takeEventCallback() -> Bool {
        streamsWithEventCallbacks.withLock { $0.remove(UInt(bitPattern: pointer)) != nil }
    }

    /// Changes the conditions the ``events(_:bufferingPolicy:)`` stream reports.
    ///
    /// - Parameter types: The conditions to report from now on.
    /// - Throws: ``LibvirtError`` when the stream has no event callback.
    ///
    /// C symbol: `virStreamEventUpdateCallback`.
    public func updateEvents(_ types: DataStream.EventType) throws {
        try check(virStreamEventUpdateCallback(pointer, Int32(bitPattern: types.rawValue)))
    }
}
