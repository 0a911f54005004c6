import CLibvirt

// At file level, so that no function declares a type (the job emitting the module skips their bodies).
/// The closures `DataStream.sparseReceiveAll(data:hole:)` hands to libvirt's callbacks.
private typealias SparseReceiveHandlers = (data: ([UInt8]) throws -> Void, hole: (Int64) throws -> Void)

/// The closures `DataStream.sparseSendAll(data:hole:skip:)` hands to libvirt's callbacks.
private typealias SparseSendHandlers = (
    data: (Int) throws -> [UInt8], hole: () throws -> (inData: Bool, length: Int64), skip: (Int64) throws -> Void
)

extension DataStream {
    /// Sends bytes.
    ///
    /// A blocking stream sends them all before returning; a non-blocking one may accept fewer, or
    /// none (returning 0) when it would block: send the rest when ``events(_:bufferingPolicy:)``
    /// reports `.writable`.
    ///
    /// - Parameter bytes: The data.
    /// - Returns: How many bytes were sent.
    /// - Throws: ``LibvirtError`` when the stream fails, or `.operationInvalid` while another task
    ///   writes it.
    ///
    /// C symbol: `virStreamSend`.
    @discardableResult
    public func send(_ bytes: [UInt8]) throws -> Int {
        try beginUse(.writing, by: "DataStream.send(_:)")
        defer { endUse(.writing) }
        return try sendNow(bytes)
    }

    /// Sends bytes, for a task that holds the stream's writing use.
    private func sendNow(_ bytes: [UInt8]) throws -> Int {
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { virStreamSend(pointer, $0, buffer.count) }
            } ?? 0
        }
        if sent == -2 { return 0 }
        return Int(try check(sent))
    }

    /// Receives up to `maxLength` bytes: nil at the end of the stream; empty when a non-blocking
    /// stream has nothing to read yet.
    ///
    /// - Parameter maxLength: The most bytes to return.
    /// - Throws: ``LibvirtError`` when the stream fails, or `.operationInvalid` while another task
    ///   reads it.
    ///
    /// C symbol: `virStreamRecv`.
    public func receive(upTo maxLength: Int = 65536) throws -> [UInt8]? {
        try beginUse(.reading, by: "DataStream.receive(upTo:)")
        defer { endUse(.reading) }
        switch try receive(upTo: maxLength, { virStreamRecv(pointer, $0, $1) }) {
        case .data(let bytes): return bytes
        case .wouldBlock, .hole: return []
        case .end: return nil
        }
    }

    /// One read of a sparse stream: bytes, or the start of a hole to skip with `receiveHole()`.
    public enum Chunk: Sendable, Hashable {
        /// Data.
        case data([UInt8])
        /// The stream is at a hole; `receiveHole()` says how long it is.
        case hole
        /// A non-blocking stream has nothing to read yet.
        case wouldBlock
        /// The end of the stream.
        case end
    }

    /// Receives up to `maxLength` bytes, stopping at holes of a sparse stream when `options` says so.
    ///
    /// - Parameter maxLength: The most bytes to return.
    /// - Parameter options: `.stopAtHole` to learn about holes instead of reading them as zeros.
    /// - Throws: ``LibvirtError`` when the stream fails, or `.operationInvalid` while another task
    ///   reads it.
    ///
    /// C symbol: `virStreamRecvFlags`.
    public func receive(upTo maxLength: Int = 65536, options: DataStream.ReceiveOptions) throws -> Chunk {
        try beginUse(.reading, by: "DataStream.receive(upTo:options:)")
        defer { endUse(.reading) }
        return try receive(upTo: maxLength) { virStreamRecvFlags(pointer, $0, $1, options.rawValue) }
    }

    /// One read into a fresh buffer that libvirt fills directly (no zero-filling, no copy); a
    /// chunk much smaller than the buffer is copied into an array of its own size, so small reads
    /// do not keep the whole buffer alive. The caller holds the stream's reading use.
    func receive(
        upTo maxLength: Int, _ read: (UnsafeMutablePointer<CChar>, Int) -> Int32
    ) throws -> Chunk {
        let capacity = max(maxLength, 1)
        var count: Int32 = 0
        let buffer = [UInt8](unsafeUninitializedCapacity: capacity) { raw, initialized in
            count = raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: capacity) { read($0, maxLength) }
            initialized = max(Int(count), 0)
        }
        switch count {
        case -2: return .wouldBlock
        case -3: return .hole
        case 0: return .end
        default:
            let length = Int(try check(count))
            return .data(length * 4 < capacity ? Array(buffer[..<length]) : buffer)
        }
    }

    /// The bytes of a stream as an async sequence, until the end of the stream, which is then
    /// finished. Each read of a blocking stream runs on a thread of the bindings' own, off Swift's
    /// cooperative pool; a non-blocking stream is read as its event callback reports it readable
    /// (so no ``events(_:bufferingPolicy:)`` sequence may be open meanwhile). Cancelling the
    /// iteration, or leaving it early, aborts the stream (once a read in progress returns:
    /// libvirt's local streams do not survive being closed while a read runs).
    ///
    /// A stream has one reader at a time: iterating while another task reads the stream throws
    /// ``LibvirtError`` `.operationInvalid`.
    ///
    /// - Parameter chunkSize: The most bytes per element.
    public func bytes(chunkSize: Int = 65536) -> AsyncThrowingStream<[UInt8], any Error> {
        let reader = StreamChunkReader(stream: self, chunkSize: chunkSize)
        return AsyncThrowingStream(unfolding: { try await reader.next() })
    }

    /// Sends every chunk of an async sequence, then finishes the stream.
    ///
    /// Each send to a blocking stream runs on a thread of the bindings' own, off Swift's
    /// cooperative pool; on a non-blocking stream, a send that would block waits (without a
    /// thread) until the stream's event callback reports it writable, so no
    /// ``events(_:bufferingPolicy:)`` sequence may be open meanwhile. Cancelling the task aborts the
    /// stream (once a send in progress returns).
    ///
    /// - Parameter chunks: The data, in order.
    /// - Throws: ``LibvirtError`` when the stream fails (the stream is aborted), or `.operationInvalid`
    ///   while another task writes it; `CancellationError`; or the sequence's error.
    public func write<Chunks: AsyncSequence>(contentsOf chunks: Chunks) async throws where Chunks.Element == [UInt8] {
        try beginUse(.writing, by: "DataStream.write(contentsOf:)")
        defer { endUse(.writing) }
        let readiness = StreamReadiness(self)
        do {
            for try await chunk in chunks {
                var offset = 0
                while offset < chunk.count {
                    try Task.checkCancellation()
                    let rest = offset == 0 ? chunk : Array(chunk[offset...])
                    let sent = try await StreamCalls.run { [self] in try sendNow(rest) }
                    if sent == 0 { try await readiness.wait(for: .writable) }
                    offset += sent
                }
            }
            try await StreamCalls.run { [self] in try finish(holding: .writing) }
        } catch {
            _ = try? await StreamCalls.run { [self] in try abort(holding: .writing) }
            throw error
        }
    }

    /// Receives the whole stream, handing each chunk to `sink`, then finishes the stream.
    ///
    /// - Parameter sink: Takes each chunk; an error it throws aborts the stream and is rethrown.
    /// - Throws: ``LibvirtError`` when the stream fails (`.operationInvalid` while another task reads
    ///   it), or the sink's error.
    ///
    /// C symbol: `virStreamRecvAll`.
    public func receiveAll(_ sink: ([UInt8]) throws -> Void) throws {
        try beginUse(.reading, by: "DataStream.receiveAll(_:)")
        defer { endUse(.reading) }
        try withoutActuallyEscaping(sink) { sink in
            let box = CallbackBox(sink)
            let result = virStreamRecvAll(pointer, { _, data, count, opaque in
                CallbackBox<([UInt8]) throws -> Void>.from(opaque!).run { callback in
                    try callback(Array(UnsafeRawBufferPointer(start: data, count: count)))
                    return Int32(count)  // consumed: libvirt calls again with what a smaller number leaves
                }
            }, box.opaque)
            try box.finish(result)
        }
        try finish(holding: .reading)
    }

    /// Sends data `source` produces until it returns an empty array, then finishes the stream.
    ///
    /// - Parameter source: Given the most bytes wanted, returns the next chunk (empty at the end).
    /// - Throws: ``LibvirtError`` when the stream fails (`.operationInvalid` while another task writes
    ///   it), or the source's error.
    ///
    /// C symbol: `virStreamSendAll`.
    public func sendAll(_ source: (Int) throws -> [UInt8]) throws {
        try beginUse(.writing, by: "DataStream.sendAll(_:)")
        defer { endUse(.writing) }
        try withoutActuallyEscaping(source) { source in
            let box = CallbackBox(source)
            let result = virStreamSendAll(pointer, { _, data, count, opaque in
                CallbackBox<(Int) throws -> [UInt8]>.from(opaque!).run { callback in
                    let chunk = try callback(count)
                    let length = min(chunk.count, count)
                    chunk.withUnsafeBytes { UnsafeMutableRawPointer(data!).copyMemory(from: $0.baseAddress!, byteCount: length) }
                    return Int32(length)
                }
            }, box.opaque)
            try box.finish(result)
        }
        try finish(holding: .writing)
    }

    /// Receives a sparse stream: data chunks go to `data`, hole lengths to `hole`; then finishes the stream.
    ///
    /// C symbol: `virStreamSparseRecvAll`.
    public func sparseReceiveAll(data: ([UInt8]) throws -> Void, hole: (Int64) throws -> Void) throws {
        try beginUse(.reading, by: "DataStream.sparseReceiveAll(data:hole:)")
        defer { endUse(.reading) }
        try withoutActuallyEscaping(data) { data in
            try withoutActuallyEscaping(hole) { hole in
                let box = CallbackBox<SparseReceiveHandlers>((data, hole))
                let result = virStreamSparseRecvAll(pointer, { _, bytes, count, opaque in
                    CallbackBox<SparseReceiveHandlers>.from(opaque!).run { handlers in
                        try handlers.data(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
                        return Int32(count)  // consumed, as for receiveAll
                    }
                }, { _, length, opaque in
                    CallbackBox<SparseReceiveHandlers>.from(opaque!).run { handlers in
                        try handlers.hole(length)
                        return 0
                    }
                }, box.opaque)
                try box.finish(result)
            }
        }
        try finish(holding: .reading)
    }

    /// Sends a sparse stream, then finishes it.
    ///
    /// - Parameter data: Given the most bytes wanted, returns the next data chunk (empty at the end).
    /// - Parameter hole: Says whether the source is in data or in a hole, and how long that section is.
    /// - Parameter skip: Skips the given number of bytes of the source (a hole that was sent).
    ///
    /// C symbol: `virStreamSparseSendAll`.
    public func sparseSendAll(
        data: (Int) throws -> [UInt8], hole: () throws -> (inData: Bool, length: Int64), skip: (Int64) throws -> Void
    ) throws {
        try beginUse(.writing, by: "DataStream.sparseSendAll(data:hole:skip:)")
        defer { endUse(.writing) }
        try withoutActuallyEscaping(data) { data in
            try withoutActuallyEscaping(hole) { hole in
                try withoutActuallyEscaping(skip) { skip in
                    let box = CallbackBox<SparseSendHandlers>((data, hole, skip))
                    let result = virStreamSparseSendAll(pointer, { _, bytes, count, opaque in
                        CallbackBox<SparseSendHandlers>.from(opaque!).run { handlers in
                            let chunk = try handlers.data(count)
                            let length = min(chunk.count, count)
                            chunk.withUnsafeBytes {
                                UnsafeMutableRawPointer(bytes!).copyMemory(from: $0.baseAddress!, byteCount: length)
                            }
                            return Int32(length)
                        }
                    }, { _, inData, length, opaque in
                        CallbackBox<SparseSendHandlers>.from(opaque!).run { handlers in
                            let section = try handlers.hole()
                            inData?.pointee = section.inData ? 1 : 0
                            length?.pointee = section.length
                            return 0
                        }
                    }, { _, length, opaque in
                        CallbackBox<SparseSendHandlers>.from(opaque!).run { handlers in
                            try handlers.skip(length)
                            return 0
                        }
                    }, box.opaque)
                    try box.finish(result)
                }
            }
        }
        try finish(holding: .writing)
    }
}
