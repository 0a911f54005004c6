import Foundation
import Libvirt
import MemoryFixtureSupport

/// Reads the test driver's screenshot through the synchronous `receive(upTo:)` loop, aborts a
/// second one part-way, drops a third stream unused, and closes two non-blocking streams while
/// their `events(_:)` sequences are still alive (finished at the end, aborted part-way): closing
/// removes the callback, so libvirt releases it and what the sequence holds.
let streamScenario = Scenario("streams (synchronous)") {
    let connection = try Connection(uri: "test:///default")
    let domain = try connection.domain(named: "test")
    let stream = try connection.makeStream()
    try require(try domain.screenshot(stream: stream, screen: 0) == "image/png", "a PNG screenshot")
    var image: [UInt8] = []
    while let chunk = try stream.receive(upTo: 4096) { image += chunk }
    try stream.finish()
    try require(image.prefix(4) == [137, 80, 78, 71] && image.count > 1000, "the image is a PNG")

    let aborted = try connection.makeStream()
    _ = try domain.screenshot(stream: aborted, screen: 0)
    try require(try aborted.receive(upTo: 100)?.count == 100, "the first 100 bytes")
    try aborted.abort()
    try requireLibvirtError(.internalError) { _ = try aborted.receive() }

    _ = try connection.makeStream()

    let watched = try connection.makeStream(options: .nonblock)
    _ = try domain.screenshot(stream: watched, screen: 0)
    let events = try watched.events([.readable])
    var bytes = 0
    while let chunk = try watched.receive(upTo: 65536) {
        if chunk.isEmpty { usleep(1_000) }
        bytes += chunk.count
    }
    try watched.finish()
    try require(bytes == image.count, "the non-blocking stream reads the same image")

    let abortedWatched = try connection.makeStream(options: .nonblock)
    _ = try domain.screenshot(stream: abortedWatched, screen: 0)
    let abortedEvents = try abortedWatched.events([.readable])
    try abortedWatched.abort()
    withExtendedLifetime((events, abortedEvents)) {}
    return 7
}
