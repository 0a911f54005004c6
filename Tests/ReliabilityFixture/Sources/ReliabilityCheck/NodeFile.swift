import Foundation

/// The XML namespace of the test driver's per-domain extensions (`<test:runstate>`).
let testDomainNamespace = "http://libvirt.org/schemas/domain/test/1.0"

/// The smallest domain definition the test driver accepts.
///
/// - Parameter name: The domain name.
/// - Parameter uuid: Its UUID, or nil to let libvirt choose one.
/// - Parameter running: Whether it starts running when loaded from a node file.
func domainXML(name: String, uuid: String? = nil, running: Bool = true) -> String {
    let uuidElement = uuid.map { "<uuid>\($0)</uuid>" } ?? ""
    let runstate = running ? "" : "<test:runstate>5</test:runstate>"
    return """
        <domain type='test' xmlns:test='\(testDomainNamespace)'><name>\(name)</name>\(uuidElement)\
        <memory>8192</memory><vcpu>1</vcpu><os><type>hvm</type></os>\(runstate)</domain>
        """
}

/// A private folder for one run of a check, removed by ``remove()``.
struct ScratchFolder {
    /// The folder.
    let url: URL

    /// Creates a fresh folder under the temporary directory.
    init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a test-driver node-description file holding `elements`; returns its connection URI,
    /// which gives every connection a driver state of its own.
    func nodeURI(_ elements: [String]) throws -> String {
        let file = url.appendingPathComponent("node.xml")
        try ("<node>\n" + elements.joined(separator: "\n") + "\n</node>\n")
            .write(to: file, atomically: true, encoding: .utf8)
        return "test://" + file.path
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
