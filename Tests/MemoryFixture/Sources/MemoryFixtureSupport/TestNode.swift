import Foundation
import Libvirt

/// A private test-driver node: a node-description file in a temporary folder of its own.
///
/// A connection to `test:///PATH.xml` gets a driver state of its own, independent of
/// `test:///default` and of every other node; domains listed in the file start running unless
/// they say otherwise (`<test:runstate>5</test:runstate>`).
public struct TestNode {
    /// The temporary folder holding the file.
    public let folder: URL
    /// The connection URI of the node.
    public var uri: String { "test://" + folder.appendingPathComponent("node.xml").path }

    /// Writes a node-description file holding `elements` (domains, networks, pools, ...).
    ///
    /// - Parameter elements: XML elements to put under `<node>`.
    /// - Throws: When the folder or the file cannot be written.
    public init(_ elements: [String]) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("libvirt-memory-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let xml = "<node>\n" + elements.joined(separator: "\n") + "\n</node>\n"
        try xml.write(to: folder.appendingPathComponent("node.xml"), atomically: true, encoding: .utf8)
    }

    /// Opens a new connection to the node.
    ///
    /// - Throws: ``LibvirtError`` when libvirt refuses the file.
    public func connect() throws -> Connection {
        try Connection(uri: uri)
    }

    /// Deletes the folder.
    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs `body` with a fresh private node holding `elements`, then deletes the node's folder.
///
/// - Parameter elements: XML elements to put under `<node>`.
/// - Parameter body: The work; receives the node and an open connection to it.
public func withTestNode<Result>(
    _ elements: [String] = [], _ body: (TestNode, Connection) throws -> Result
) throws -> Result {
    let node = try TestNode(elements)
    defer { node.remove() }
    return try body(node, try node.connect())
}
