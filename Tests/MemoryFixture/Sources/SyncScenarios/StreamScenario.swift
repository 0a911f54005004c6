import Libvirt
import MemoryFixtureSupport

/// Reads the test driver's screenshot through the synchronous `receive(upTo:)` loop, aborts a
/// second one part-way, and drops a third stream unused.
let streamScenario = Scenario("streams (synchronous)") {
    let connection = try Connection(uri: "test:///default")
    let domain = try connection.domain(named: "test")
    let stream = try connection.newStream()
    try require(try domain.screenshot(stream: stream, screen: 0) == "image/png", "a PNG screenshot")
    var image: [UInt8] = []
    while let chunk = try stream.receive(upTo: 4096) { image += chunk }
    try stream.finish()
    try require(image.prefix(4) == [137, 80, 78, 71] && image.count > 1000, "the image is a PNG")

    let aborted = try connection.newStream()
    _ = try domain.screenshot(stream: aborted, screen: 0)
    try require(try aborted.receive(upTo: 100)?.count == 100, "the first 100 bytes")
    try aborted.abort()
    try requireLibvirtError(.internalError) { _ = try aborted.receive() }

    _ = try connection.newStream()
    return 5
}
