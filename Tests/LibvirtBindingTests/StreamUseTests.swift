import Foundation
import Libvirt
import Testing

/// A stream has one reader and one writer at a time, and finishing or aborting it waits for
/// both: misuse from another task throws `LibvirtError` `.operationInvalid` naming the call,
/// instead of corrupting the transfer (or, for local streams, crashing).
@Suite("Stream use")
struct StreamUseTests {
    /// Whether `error` is the misuse error naming `call` and the activity in progress.
    static func isMisuse(_ error: LibvirtError?, _ call: String, _ activity: String) -> Bool {
        guard let error else { return false }
        return error.code == .operationInvalid && error.errorDomain == .streams
            && error.message.hasPrefix("\(call) was called while another task is \(activity) the stream")
    }

    /// While `bytes()` is being iterated, `receive`, `finish()`, `abort()` and a second `bytes()`
    /// throw; sending (another activity) does not meet the guard; after the iteration the stream
    /// is finished and usable calls behave as usual.
    @Test("a stream being read refuses a second reader and closing")
    func secondReader() async throws {
        let (connection, stream, _) = try StreamTests.startScreenshot()
        var image: [UInt8] = []
        for try await chunk in stream.bytes(chunkSize: 1000) {
            if image.isEmpty {
                #expect(Self.isMisuse(expectLibvirtError { _ = try stream.receive() }, "DataStream.receive(upTo:)", "reading"))
                #expect(Self.isMisuse(expectLibvirtError { try stream.finish() }, "DataStream.finish()", "reading"))
                #expect(Self.isMisuse(expectLibvirtError { try stream.abort() }, "DataStream.abort()", "reading"))
                let send = expectLibvirtError { _ = try stream.send([1]) }
                #expect(send?.code == .systemError, "the read-only screenshot stream refuses data itself")
                do {
                    for try await _ in stream.bytes() {}
                    Issue.record("a second bytes() iteration read the stream")
                } catch let error as LibvirtError {
                    #expect(Self.isMisuse(error, "DataStream.bytes(chunkSize:)", "reading"))
                }
            }
            image += chunk
        }
        try PNG.expectComplete(image, "the screenshot stream")
        try stream.finish()
        withExtendedLifetime(connection) {}
    }

    /// While `write(contentsOf:)` waits for its next chunk, `send` and `abort()` throw; when the
    /// chunks end, the write goes on (and fails as a stream without a driver does).
    @Test("a stream being written refuses a second writer and closing")
    func secondWriter() async throws {
        let connection = try await Connection(uri: defaultTestURI)
        let stream = try await connection.makeStream()
        let (asked, askedContinuation) = AsyncStream<Void>.makeStream()
        let (chunks, more) = AsyncStream<[UInt8]>.makeStream()
        let writer = Task {
            try await stream.write(contentsOf: ReportingChunks(chunks: chunks, asked: askedContinuation))
        }
        // The writer asks for its first chunk once it has claimed the stream.
        var askedIterator = asked.makeAsyncIterator()
        _ = await askedIterator.next()
        #expect(Self.isMisuse(expectLibvirtError { _ = try stream.send([1]) }, "DataStream.send(_:)", "writing"))
        #expect(Self.isMisuse(expectLibvirtError { try stream.abort() }, "DataStream.abort()", "writing"))
        more.finish()
        await #expect(throws: LibvirtError.self) { try await writer.value }
        #expect(expectLibvirtError { _ = try stream.send([1]) }?.code == .noSupport)
    }
}

/// Chunks that report each time they are asked for the next one.
struct ReportingChunks: AsyncSequence, Sendable {
    /// The chunks.
    let chunks: AsyncStream<[UInt8]>
    /// Receives one element per request.
    let asked: AsyncStream<Void>.Continuation

    /// Reports, then hands over the next chunk.
    struct AsyncIterator: AsyncIteratorProtocol {
        /// The chunks' iterator.
        var chunks: AsyncStream<[UInt8]>.Iterator
        /// Receives one element per request.
        let asked: AsyncStream<Void>.Continuation

        /// The next chunk, after reporting the request.
        mutating func next() async -> [UInt8]? {
            asked.yield()
            return await chunks.next()
        }
    }

    /// An iterator over the chunks.
    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: chunks.makeAsyncIterator(), asked: asked)
    }
}
