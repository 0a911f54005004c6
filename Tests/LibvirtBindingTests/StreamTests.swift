import Foundation
import Libvirt
import Testing

/// Streams: the test driver's screenshot stream (a PNG image read from a local file descriptor)
/// read through the async ``DataStream/bytes(chunkSize:)`` sequence and the synchronous
/// ``DataStream/receive(upTo:)`` loop, and non-blocking streams. What an aborted, finished,
/// read-only or driverless stream does, and a screenshot through `bytes()`, are the harness's
/// scenarios (`EventAndStreamChecks.swift` and `HandWrittenChecks.swift` in
/// `Templates/harness/runner`), which `HarnessScenarioTests` runs under `swift test`.
///
/// Screenshots do not change the driver's state, so the tests read `test:///default`'s `test`
/// domain. `receiveAll(_:)` is not used: with this stream it never returns, in C as well.
@Suite("Streams")
struct StreamTests {
    /// Starts a screenshot of `test:///default`'s `test` domain on a new blocking stream.
    ///
    /// - Returns: The connection (keep it while reading), the stream and the MIME type.
    static func startScreenshot() throws -> (connection: Connection, stream: DataStream, mime: String) {
        let connection = try Connection(uri: defaultTestURI)
        let domain = try connection.domain(named: "test")
        let stream = try connection.makeStream()
        let mime = try domain.screenshot(stream: stream, screen: 0)
        return (connection, stream, mime)
    }

    /// Reads `stream` with the synchronous `receive(upTo:)` loop until it returns nil.
    ///
    /// - Returns: The bytes, and the size of every chunk in order.
    static func receiveToEnd(_ stream: DataStream, chunkSize: Int) throws -> (bytes: [UInt8], chunks: [Int]) {
        var bytes: [UInt8] = []
        var chunks: [Int] = []
        while let chunk = try stream.receive(upTo: chunkSize) {
            // A blocking stream never returns an empty chunk before its end.
            #expect(!chunk.isEmpty)
            if chunk.isEmpty { break }
            chunks.append(chunk.count)
            bytes += chunk
        }
        return (bytes, chunks)
    }

    /// A second screenshot read with the synchronous `receive(upTo:)` loop, which returns nil at
    /// the end, and then finished, is byte for byte the image `bytes()` delivered.
    @Test("the synchronous receive loop reads the same image")
    func synchronousReceiveMatchesBytes() async throws {
        let first = try Self.startScreenshot()
        var asyncImage: [UInt8] = []
        for try await chunk in first.stream.bytes() { asyncImage += chunk }

        let second = try Self.startScreenshot()
        #expect(second.mime == "image/png")
        let (image, chunks) = try Self.receiveToEnd(second.stream, chunkSize: 4096)
        // The end is sticky: another receive still says "end".
        #expect(try second.stream.receive(upTo: 4096) == nil)
        try second.stream.finish()

        try PNG.expectComplete(image, "the screenshot stream")
        #expect(image == asyncImage)
        // Every chunk but the last is full; the last holds the rest.
        #expect(chunks.dropLast().allSatisfy { $0 == 4096 })
        #expect(chunks.count == (image.count + 4095) / 4096)
        withExtendedLifetime((first.connection, second.connection)) {}
    }

    /// `bytes(chunkSize:)` yields chunks of at most `chunkSize` bytes, full ones except the last,
    /// and finishes the stream at the end: a later `receive` finds the stream closed, while a
    /// second `finish()` is accepted (libvirt ignores finishing a closed stream).
    @Test("bytes(chunkSize:) honours the chunk size and finishes the stream")
    func bytesChunkSizeAndFinish() async throws {
        let (connection, stream, _) = try Self.startScreenshot()
        var sizes: [Int] = []
        var image: [UInt8] = []
        for try await chunk in stream.bytes(chunkSize: 5000) {
            sizes.append(chunk.count)
            image += chunk
        }
        try PNG.expectComplete(image, "the screenshot stream")
        #expect(sizes.count == (image.count + 4999) / 5000)
        #expect(sizes.dropLast().allSatisfy { $0 == 5000 })
        #expect((1...5000).contains(sizes.last ?? 0))

        let error = expectLibvirtError { _ = try stream.receive() }
        #expect(error?.code == .internalError)
        #expect(error?.errorDomain == .streams)
        #expect(error?.message.contains("stream is not open") == true)
        try stream.finish()
        withExtendedLifetime(connection) {}
    }

    /// Volume upload is not implemented by the test driver: it throws `.noSupport` and leaves the
    /// stream without a driver, so the same stream can still carry a screenshot afterwards.
    @Test("a failed volume upload leaves the stream usable")
    func uploadUnsupportedThenScreenshot() throws {
        let name = uniqueName("shot")
        try withTestNode([domainXML(name: name)]) { connection, directory in
            let path = directory.appendingPathComponent("pool").path
            let pool = try connection.defineStoragePool(xml: storagePoolXML(name: uniqueName("up"), path: path))
            try pool.start()
            let volume = try pool.createVolume(
                xml: "<volume><name>upload.img</name><capacity unit='KiB'>64</capacity></volume>")
            let stream = try connection.makeStream()
            let error = expectLibvirtError { try volume.upload(stream: stream, offset: 0, length: 16) }
            #expect(error?.code == .noSupport)
            #expect(error?.message.contains("virStorageVolUpload") == true)

            let domain = try connection.domain(named: name)
            #expect(try domain.screenshot(stream: stream, screen: 0) == "image/png")
            let (image, _) = try Self.receiveToEnd(stream, chunkSize: 65536)
            try stream.finish()
            try PNG.expectComplete(image, "the screenshot stream")
        }
    }

    /// A non-blocking stream read through `bytes()` waits for libvirt's readable events between
    /// reads (never a busy loop) and delivers the whole image, every time; a watchdog cancels a
    /// reading that stalls, which then ends short.
    @Test("bytes() reads a non-blocking stream as its events report data")
    func nonBlockingBytes() async throws {
        let connection = try await Connection(uri: defaultTestURI)
        let domain = try await connection.domain(named: "test")
        for _ in 0..<20 {
            let stream = try await connection.makeStream(options: .nonblock)
            _ = try await domain.screenshot(stream: stream, screen: 0)
            let reader = Task {
                var image: [UInt8] = []
                for try await chunk in stream.bytes(chunkSize: 4096) { image += chunk }
                return image
            }
            let watchdog = Task {
                try await Task.sleep(for: .seconds(10))
                reader.cancel()
            }
            try PNG.expectComplete(try await reader.value, "DataStream.bytes()")
            watchdog.cancel()
        }
    }

    /// A non-blocking stream read as its `events(_:)` report it readable: `finish()` inside the
    /// event loop removes the callback (libvirt requires that before a non-blocking stream
    /// closes, and never releases a callback left registered), which ends the sequence, so the
    /// loop ends by itself.
    @Test("finish() ends the events() sequence of a non-blocking stream")
    func finishEndsStreamEvents() async throws {
        let connection = try await Connection(uri: defaultTestURI)
        let stream = try await connection.makeStream(options: .nonblock)
        _ = try await connection.domain(named: "test").screenshot(stream: stream, screen: 0)
        let events = try stream.events([.readable, .hangup, .error])
        let reader = Task { () throws -> (image: [UInt8], endedBySequence: Bool) in
            var image: [UInt8] = []
            var finished = false
            for await _ in events where !finished {
                while true {
                    guard let chunk = try stream.receive(upTo: 65536) else {
                        try stream.finish()
                        finished = true
                        break
                    }
                    if chunk.isEmpty { break }
                    image += chunk
                }
            }
            return (image, !Task.isCancelled)
        }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(10))
            reader.cancel()
        }
        let (image, endedBySequence) = try await reader.value
        watchdog.cancel()
        #expect(endedBySequence, "the events() sequence did not end after finish()")
        try PNG.expectComplete(image, "the screenshot stream")
    }
}
