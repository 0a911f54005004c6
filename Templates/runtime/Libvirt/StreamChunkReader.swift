import CLibvirt

/// Reads a stream for ``DataStream/bytes(chunkSize:)``, one chunk per call: a blocking stream's
/// reads run off the cooperative pool (``StreamCalls``), a non-blocking stream's wait for its
/// event callback (``StreamReadiness``). The reader holds the stream's reading use from its first
/// read to the end of the stream.
///
/// `AsyncThrowingStream(unfolding:)` calls ``next()`` from one task at a time, which is all the
/// unchecked state needs.
final class StreamChunkReader: @unchecked Sendable {
    /// Where the reading stands.
    private enum Progress {
        /// Nothing read yet: the stream's reading use is not claimed.
        case notStarted
        /// Reading: the reader holds the stream's reading use.
        case reading
        /// Ended: the stream is finished or aborted and the use released.
        case ended
    }

    /// The stream.
    private let stream: DataStream
    /// The most bytes per chunk.
    private let chunkSize: Int
    /// Waits for a non-blocking stream's data.
    private let readiness: StreamReadiness
    /// Where the reading stands.
    private var progress = Progress.notStarted

    /// A reader of `stream` in chunks of at most `chunkSize` bytes.
    init(stream: DataStream, chunkSize: Int) {
        self.stream = stream
        self.chunkSize = chunkSize
        readiness = StreamReadiness(stream)
    }

    /// The next chunk; nil at the end of the stream (which is then finished) or when the task is
    /// cancelled (the stream is then aborted).
    ///
    /// - Throws: ``LibvirtError`` when the stream fails (it is then aborted), or `.operationInvalid`
    ///   when another task reads the stream.
    func next() async throws -> [UInt8]? {
        switch progress {
        case .ended: return nil
        case .reading: break
        case .notStarted:
            try stream.beginUse(.reading, by: "DataStream.bytes(chunkSize:)")
            progress = .reading
        }
        do {
            while !Task.isCancelled {
                let chunk = try await StreamCalls.run { [stream, chunkSize] in
                    try stream.receive(upTo: chunkSize) { virStreamRecv(stream.pointer, $0, $1) }
                }
                switch chunk {
                case .data(let bytes): return bytes
                case .end:
                    try await end { try $0.finish(holding: .reading) }
                    return nil
                case .wouldBlock, .hole: try await readiness.wait(for: .readable)
                }
            }
        } catch is CancellationError {
        } catch {
            try? await end { try $0.abort(holding: .reading) }
            throw error
        }
        try? await end { try $0.abort(holding: .reading) }
        return nil
    }

    /// Ends the reading with `close` (finish or abort), off the cooperative pool, and releases the
    /// stream's reading use.
    private func end(_ close: @escaping @Sendable (DataStream) throws -> Void) async throws {
        progress = .ended
        defer { stream.endUse(.reading) }
        try await StreamCalls.run { [stream] in try close(stream) }
    }

    /// Aborts a stream left before its end (the iteration was left early).
    deinit {
        guard case .reading = progress else { return }
        try? stream.abort(holding: .reading)
        stream.endUse(.reading)
    }
}
