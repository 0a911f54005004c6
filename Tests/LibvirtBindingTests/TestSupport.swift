import Foundation
import Libvirt
import Testing

// Isolation rule for this test target: no test changes the shared state of `test:///default`.
// Tests that define, start, stop or undefine anything open their own connection to a private
// node-description file (see ``withTestNode(_:body:)``); the test driver gives every such
// connection a driver state of its own, so those tests can run in parallel.

/// The URI of libvirt's built-in test driver with its default objects.
let defaultTestURI = "test:///default"

/// The XML namespace the test driver reads its per-domain extensions (`runstate`, ...) from.
///
/// Note the `/1.0` suffix: without it the driver ignores `<test:runstate>` silently.
let testDomainNamespace = "http://libvirt.org/schemas/domain/test/1.0"

/// Returns `prefix` followed by a short random suffix, so names never collide across tests.
func uniqueName(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}

/// The smallest domain definition the test driver accepts.
///
/// - Parameter name: The domain name.
/// - Parameter running: Whether the domain starts running when it is loaded from a node file
///   (ignored by `defineDomain(xml:)`, which always leaves a domain shut off).
func domainXML(name: String, running: Bool = true) -> String {
    let runstate = running ? "" : "<test:runstate>5</test:runstate>"
    return """
        <domain type='test' xmlns:test='\(testDomainNamespace)'>\
        <name>\(name)</name><memory>8192</memory><vcpu>1</vcpu>\
        <os><type>hvm</type></os>\(runstate)</domain>
        """
}

/// A NAT-less virtual network definition on bridge `virbr<index>` and subnet `192.168.<index>.0/24`.
///
/// - Parameter name: The network name.
/// - Parameter index: Picks the bridge name and the subnet (1...254).
func networkXML(name: String, index: Int) -> String {
    """
    <network><name>\(name)</name><bridge name='virbr\(index)'/><forward/>\
    <ip address='192.168.\(index).1' netmask='255.255.255.0'/></network>
    """
}

/// A directory storage pool definition.
///
/// - Parameter name: The pool name.
/// - Parameter path: The pool's target directory.
func storagePoolXML(name: String, path: String) -> String {
    "<pool type='dir'><name>\(name)</name><target><path>\(path)</path></target></pool>"
}

/// Creates a fresh temporary directory, runs `body` with it, and removes the directory afterwards.
///
/// - Parameter body: The work to do; receives the directory's URL.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("libvirt-binding-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Writes a test-driver node-description file holding `elements`, opens a connection to it and
/// runs `body` with the connection and the file's (temporary, per-call) directory.
///
/// Every call gets its own driver state, independent of `test:///default` and of other calls.
/// The node keeps the test driver's default host figures (16 CPUs, 3 GiB) but has no NUMA cells.
///
/// - Parameter elements: XML elements to put under `<node>`: domains, networks, pools, ...
/// - Parameter body: The test; receives the open connection and a scratch directory.
func withTestNode<Result>(
    _ elements: [String] = [], body: (Connection, URL) throws -> Result
) throws -> Result {
    try withTemporaryDirectory { directory in
        let file = directory.appendingPathComponent("node.xml")
        let xml = "<node>\n" + elements.joined(separator: "\n") + "\n</node>\n"
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let connection = try Connection(uri: "test://" + file.path)
        return try body(connection, directory)
    }
}

/// Runs `body`, which must throw a ``LibvirtError``, and returns that error.
///
/// Records a test issue (and returns nil) when `body` succeeds or throws another error type.
///
/// - Parameter body: The failing call.
/// - Parameter sourceLocation: Where the expectation is reported.
@discardableResult
func expectLibvirtError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> LibvirtError? {
    #expect(throws: LibvirtError.self, sourceLocation: sourceLocation) { try body() }
}

/// Like ``domainXML(name:running:)``, with one file-backed virtio disk, `vda`.
///
/// The test driver never opens the file; the disk is there for per-disk APIs (I/O tuning,
/// checkpoints and the like).
///
/// - Parameter name: The domain name.
/// - Parameter running: Whether the domain starts running when it is loaded from a node file.
func diskDomainXML(name: String, running: Bool = true) -> String {
    let disk = """
        <devices><disk type='file' device='disk'><source file='/var/lib/libvirt/images/\(name).img'/>\
        <target dev='vda' bus='virtio'/></disk></devices>
        """
    return domainXML(name: name, running: running)
        .replacingOccurrences(of: "</os>", with: "</os>" + disk)
}

/// The `async` form of ``withTestNode(_:body:)``, for tests that await (event streams and the like).
///
/// - Parameter elements: XML elements to put under `<node>`: domains, networks, pools, ...
/// - Parameter body: The test; receives the open connection and a scratch directory.
func withAsyncTestNode<Result>(
    _ elements: [String] = [], body: (Connection, URL) async throws -> Result
) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("libvirt-binding-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("node.xml")
    let xml = "<node>\n" + elements.joined(separator: "\n") + "\n</node>\n"
    try xml.write(to: file, atomically: true, encoding: .utf8)
    let connection = try await Connection(uri: "test://" + file.path)
    return try await body(connection, directory)
}

/// Reads up to `count` selected events from `stream`, giving up after `timeout`; records an
/// issue when it times out.
func firstEvents<Event: Sendable, Value: Sendable>(
    _ count: Int, from stream: AsyncStream<Event>, timeout: Duration = .seconds(10),
    sourceLocation: SourceLocation = #_sourceLocation, select: @escaping @Sendable (Event) -> Value?
) async -> [Value] {
    let (values, timedOut) = await collectEvents(count, from: stream, timeout: timeout, select: select)
    if timedOut {
        Issue.record("timed out after \(timeout) waiting for \(count) events", sourceLocation: sourceLocation)
    }
    return values
}

/// Reads up to `count` selected events from `stream`, racing the reading against `timeout`, so
/// that a missing event cannot hang the suite; returns what was read and whether time ran out.
func collectEvents<Event: Sendable, Value: Sendable>(
    _ count: Int, from stream: AsyncStream<Event>, timeout: Duration,
    select: @escaping @Sendable (Event) -> Value?
) async -> (values: [Value], timedOut: Bool) {
    let handOff = StreamHandOff(stream)
    return await withTaskGroup(of: [Value]?.self) { group in
        group.addTask {
            guard let stream = handOff.take() else { return [] }
            var values: [Value] = []
            for await event in stream {
                guard let value = select(event) else { continue }
                values.append(value)
                if values.count == count { break }
            }
            return values
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        if let values = first { return (values, false) }
        // The timer won: the cancelled reader returns what it collected.
        let partial = await group.next() ?? nil
        return (partial ?? [], true)
    }
}

/// Passes a stream to the one task that reads it, so that no task closure keeps the stream alive
/// after the reading (a finished child task may be released later, on another thread).
final class StreamHandOff<Event: Sendable>: @unchecked Sendable {
    /// Guards `stream`.
    private let lock = NSLock()
    /// The stream, until it is taken.
    private var stream: AsyncStream<Event>?

    /// Holds `stream` until ``take()``.
    init(_ stream: AsyncStream<Event>) {
        self.stream = stream
    }

    /// Returns the stream the first time, nil after that.
    func take() -> AsyncStream<Event>? {
        lock.withLock {
            defer { stream = nil }
            return stream
        }
    }
}
