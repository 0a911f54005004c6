#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import LibvirtGenModel

/// A small read-only XML element tree with line numbers, built with the SAX parser so that every
/// element knows where it was declared (DOM parsers in Foundation do not say).
public final class XMLNode {
    /// The element's name.
    public let name: String
    /// Its attributes.
    public let attributes: [String: String]
    /// The line the element starts on.
    public let line: Int
    /// Child elements in document order.
    public fileprivate(set) var children: [XMLNode] = []
    /// The element's own text (character data and CDATA), untrimmed.
    public fileprivate(set) var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The children named `name`.
    public func children(named name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The first child named `name`.
    public func child(named name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Parses a whole document; throws a ``DiagnosticError`` naming the file and line on malformed XML.
    public static func parse(contentsOf url: URL, displayPath: String) throws -> XMLNode {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError("cannot read the file", at: SourceLocation(file: displayPath, line: 0))
        }
        return try parse(data: data, displayPath: displayPath)
    }

    /// Serializes parsing: on Linux, FoundationXML's `XMLParser` is libxml2, whose first-use
    /// initialization and global handlers are not safe to use from two threads at once (a CI run of
    /// the parallel tests crashed while several first parses ran), so one document is parsed at a
    /// time in a process.
    private static let parsing = NSLock()

    /// Parses a document held in memory.
    public static func parse(data: Data, displayPath: String) throws -> XMLNode {
        parsing.lock()
        defer { parsing.unlock() }
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, let root = builder.root else {
            let line = builder.errorLine ?? parser.lineNumber
            let reason = builder.errorMessage ?? "the file is not well-formed XML"
            throw DiagnosticError("malformed XML: \(reason)", at: SourceLocation(file: displayPath, line: line))
        }
        // The SAX parser can stop at a truncated end without reporting it: elements left open mean the file ends early.
        if let open = builder.stack.last {
            throw DiagnosticError(
                "malformed XML: the file ends before <\(open.name)> (opened on line \(open.line)) is closed",
                at: SourceLocation(file: displayPath, line: max(parser.lineNumber, open.line)))
        }
        return root
    }
}

/// SAX delegate that builds the ``XMLNode`` tree.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    /// The deepest element nesting accepted. libvirt's files nest five levels; a hostile file nesting
    /// thousands would make the tree (and tearing it down) recurse until the stack overflows.
    static let maximumDepth = 64

    unowned let parser: XMLParser
    var stack: [XMLNode] = []
    var root: XMLNode?
    var errorLine: Int?
    var errorMessage: String?

    init(parser: XMLParser) {
        self.parser = parser
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard errorLine == nil else { return }
        guard stack.count < Self.maximumDepth else {
            fail("elements nested more than \(Self.maximumDepth) levels deep")
            parser.abortParsing()
            return
        }
        let node = XMLNode(name: elementName, attributes: attributeDict, line: parser.lineNumber)
        if let parent = stack.last {
            parent.children.append(node)
        } else {
            root = node
        }
        stack.append(node)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard errorLine == nil else { return }
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        // Foundation's text for parser errors is often a generic "could not be completed";
        // name the parser's error code instead then.
        let error = parseError as NSError
        let text = error.localizedDescription
        fail(text.isEmpty || text.contains("could not be completed")
            ? "the file is not well-formed XML (XML parser error \(error.code))" : text)
    }

    /// Records the first problem and the line the parser is on.
    private func fail(_ message: String) {
        if errorLine == nil {
            errorLine = parser.lineNumber
            errorMessage = message
        }
    }
}
