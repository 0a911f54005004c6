import Libvirt
import MemoryFixtureSupport

/// Starts a screenshot of `test:///default`'s `test` domain on a new stream.
///
/// - Returns: The connection (keep it while reading) and the stream.
func startScreenshot() throws -> (connection: Connection, stream: DataStream) {
    let connection = try Connection(uri: "test:///default")
    let stream = try connection.makeStream()
    let mime = try connection.domain(named: "test").screenshot(stream: stream, screen: 0)
    try require(mime == "image/png", "the screenshot is a PNG, not \(mime)")
    return (connection, stream)
}

/// Reads a screenshot to its end through `bytes()`, which then finishes the stream.
let streamBytesScenario = AsyncScenario("streams: bytes() to the end") {
    let (connection, stream) = try startScreenshot()
    var image: [UInt8] = []
    for try await chunk in stream.bytes(chunkSize: 4096) { image += chunk }
    try require(image.prefix(4) == [137, 80, 78, 71] && Array(image.suffix(8).prefix(4)) == Array("IEND".utf8),
                "bytes() delivers a whole PNG image (\(image.count) bytes)")
    withExtendedLifetime(connection) {}
}

/// Leaves `bytes()` after its first chunk (the iteration's end aborts the stream on the reading
/// thread), and cancels a task reading another screenshot.
let streamCancelScenario = AsyncScenario("streams: bytes() left early and cancelled") {
    let first = try startScreenshot()
    for try await chunk in first.stream.bytes(chunkSize: 100) {
        try require(chunk.count == 100, "a first chunk of 100 bytes")
        break
    }
    let second = try startScreenshot()
    let reader = Task {
        var total = 0
        for try await chunk in second.stream.bytes(chunkSize: 64) { total += chunk.count }
        return total
    }
    reader.cancel()
    _ = try? await reader.value
    withExtendedLifetime((first.connection, second.connection)) {}
}

/// `write(contentsOf:)` on a stream without a driver fails with `.noSupport` and aborts the stream.
let streamWriteScenario = AsyncScenario("streams: write(contentsOf:) fails") {
    let connection = try await Connection(uri: "test:///default")
    let stream = try await connection.makeStream()
    let chunks = AsyncStream<[UInt8]> { continuation in
        continuation.yield([1, 2, 3])
        continuation.finish()
    }
    do {
        try await stream.write(contentsOf: chunks)
        throw CheckFailure(description: "write(contentsOf:) succeeded on a stream without a driver")
    } catch let error as LibvirtError {
        try require(error.code == .noSupport, "write(contentsOf:) throws noSupport, not \(error.code)")
    }
}

/// Reads a screenshot from a non-blocking stream as its `events(_:)` report it readable, receiving
/// until it would block, and finishes the stream inside the event loop at the end: `finish()`
/// removes the callback, which must end the event sequence (and release what it holds).
let streamEventsScenario = AsyncScenario("streams: events() of a non-blocking stream, finished inside the loop") {
    let connection = try await Connection(uri: "test:///default")
    let stream = try await connection.makeStream(options: .nonblock)
    _ = try await connection.domain(named: "test").screenshot(stream: stream, screen: 0)
    let events = try stream.events([.readable, .hangup, .error])
    let image = try await withTimeout(.seconds(20)) {
        var image: [UInt8] = []
        var finished = false
        for await _ in events where !finished {
            while true {
                guard let chunk = try stream.receive(upTo: 4096) else {
                    try stream.finish()
                    finished = true
                    break
                }
                if chunk.isEmpty { break }
                image += chunk
            }
        }
        try require(finished, "the events ended before the image did")
        return image
    }
    try require(image.prefix(4) == [137, 80, 78, 71] && image.count > 1000, "the image is a PNG (\(image.count) bytes)")
}
