import CLibXML2
import Foundation
import LibvirtGenModel

/// A small read-only XML element tree with line numbers, built from libxml2's SAX2 events so that
/// every element knows the line it was declared on.
public final class XMLNode {
    /// The element's name, with its prefix when it has one (`a:documentation`).
    public let name: String
    /// Its attributes, namespace declarations (`xmlns:a`) among them, by qualified name.
    public let attributes: XMLAttributes
    /// The line the element's start tag ends on.
    public let line: Int
    /// Child elements in document order.
    public fileprivate(set) var children: [XMLNode] = []
    /// The element's own text (character data and CDATA), untrimmed.
    public fileprivate(set) var text = ""

    /// An element without children or text yet.
    init(name: String, attributes: XMLAttributes, line: Int) {
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

    /// Parses a document held in memory. Documents may be parsed on several threads at once: each
    /// parse has a context of its own, and libxml2's process-wide set-up is done once before the first.
    public static func parse(data: Data, displayPath: String) throws -> XMLNode {
        guard let size = Int32(exactly: data.count) else {
            throw DiagnosticError(
                "the file is too large to read (2 GiB at most)", at: SourceLocation(file: displayPath, line: 0))
        }
        _ = XMLLibrary.ready
        let builder = TreeBuilder()
        let parsed = data.withUnsafeBytes { bytes in
            builder.parse(bytes.bindMemory(to: CChar.self).baseAddress, size: size)
        }
        guard parsed, let root = builder.root else {
            let reason = builder.errorMessage ?? "the file is not well-formed XML"
            let line = builder.errorLine ?? builder.line
            throw DiagnosticError("malformed XML: \(reason)", at: SourceLocation(file: displayPath, line: line))
        }
        return root
    }
}

/// libxml2's process-wide set-up, which its first parse would otherwise do without a lock.
private enum XMLLibrary {
    /// Runs `xmlInitParser` once, on first use (a `static let` is initialized exactly once).
    static let ready: Void = xmlInitParser()
}

/// Builds the ``XMLNode`` tree from one document's SAX2 events.
private final class TreeBuilder {
    /// The deepest element nesting accepted. libvirt's files nest five levels; a hostile file nesting
    /// thousands would make the tree (and tearing it down) recurse until the stack overflows.
    static let maximumDepth = 64

    /// The handlers libxml2 calls, with a builder as their context.
    private static func handlers() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, prefix, _, namespaceCount, namespaces, attributeCount, _,
            attributes in
            TreeBuilder.from(context).start(
                name: qualified(prefix, localName), namespaces: namespaces, namespaceCount: Int(namespaceCount),
                attributes: attributes, attributeCount: Int(attributeCount))
        }
        handler.endElementNs = { context, _, _, _ in TreeBuilder.from(context).end() }
        handler.characters = { context, bytes, count in TreeBuilder.from(context).append(bytes, count: count) }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        handler.entityDecl = { context, name, _, _, _, _ in
            TreeBuilder.from(context)
                .refuse("the file declares the entity '\(utf8String(name))'; entities are not accepted")
        }
        handler.serror = { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            TreeBuilder.from(context).fail(error.pointee)
        }
        return handler
    }

    /// The parser context while a parse runs.
    private var context: xmlParserCtxtPtr?
    /// Elements open at the current point, outermost first.
    private var stack: [XMLNode] = []
    /// The document's root element, once started.
    private(set) var root: XMLNode?
    /// The line of the first problem.
    private(set) var errorLine: Int?
    /// The first problem, in a line of text.
    private(set) var errorMessage: String?

    /// The builder a handler's context points to.
    static func from(_ context: UnsafeMutableRawPointer?) -> TreeBuilder {
        Unmanaged<TreeBuilder>.fromOpaque(context!).takeUnretainedValue()
    }

    /// Parses `size` bytes; false when the document is not well-formed or was refused.
    func parse(_ bytes: UnsafePointer<CChar>?, size: Int32) -> Bool {
        var handler = Self.handlers()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, me, nil, 0, nil) else {
            record("libxml2 could not start a parser", line: 0)
            return false
        }
        self.context = context
        defer {
            self.context = nil
            xmlFreeParserCtxt(context)
        }
        // Entities are replaced so that a character reference to `&` reaches the text as `&` (libxml2
        // keeps it as `&#38;` otherwise); no declared entity can be, since a declaration is refused.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue))
        let status = xmlParseChunk(context, bytes, size, 1)
        if errorLine == nil, let open = stack.last {
            // Defensive: libxml2 reports a document ending inside an element, but the tree must not be
            // taken for complete if it ever does not.
            refuse("the file ends before <\(open.name)> (opened on line \(open.line)) is closed")
        }
        return status == 0 && errorLine == nil && context.pointee.wellFormed != 0
    }

    /// The line the parser is on (that of the end of the construct it just read).
    var line: Int { Int(context?.pointee.input?.pointee.line ?? 0) }

    /// A start tag: the element joins its parent's children and becomes the innermost open one.
    func start(
        name: String, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, namespaceCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int
    ) {
        guard errorLine == nil else { return }
        guard stack.count < Self.maximumDepth else {
            return refuse("elements nested more than \(Self.maximumDepth) levels deep")
        }
        var values = XMLAttributes(capacity: namespaceCount + attributeCount)
        for index in 0..<namespaceCount {  // (prefix, URI) pairs
            let prefix = namespaces![2 * index]
            values.append(prefix.map { "xmlns:" + utf8String($0) } ?? "xmlns", utf8String(namespaces![2 * index + 1]))
        }
        for index in 0..<attributeCount {  // (local name, prefix, URI, value, value end) quintuples
            let base = 5 * index
            let start = attributes![base + 3]!
            let count = attributes![base + 4]! - start
            values.append(
                qualified(attributes![base + 1], attributes![base]),
                String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self))
        }
        let node = XMLNode(name: name, attributes: values, line: line)
        if let parent = stack.last {
            parent.children.append(node)
        } else {
            root = node
        }
        stack.append(node)
    }

    /// An end tag.
    func end() {
        guard errorLine == nil else { return }
        stack.removeLast()
    }

    /// Character data or a CDATA section of the innermost open element.
    func append(_ bytes: UnsafePointer<xmlChar>?, count: Int32) {
        guard let bytes, let last = stack.last else { return }
        last.text += String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
    }

    /// Records a parser error (the first one wins).
    func fail(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) } ?? ""
        let reason = message.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        record(reason.isEmpty ? "the file is not well-formed XML (XML parser error \(error.code))" : reason,
               line: error.line > 0 ? Int(error.line) : line)
    }

    /// Records a problem found while building and stops the parser.
    func refuse(_ message: String) {
        record(message, line: line)
        if let context { xmlStopParser(context) }
    }

    /// Keeps the first problem and its line.
    private func record(_ message: String, line: Int) {
        guard errorLine == nil else { return }
        errorLine = line
        errorMessage = message
    }
}

/// A name with its prefix, if any: `prefix:local`.
private func qualified(_ prefix: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>?) -> String {
    prefix.map { utf8String($0) + ":" + utf8String(local) } ?? utf8String(local)
}

/// A NUL-terminated UTF-8 string from libxml2 (empty for a null pointer).
private func utf8String(_ bytes: UnsafePointer<xmlChar>?) -> String {
    bytes.map { String(cString: $0) } ?? ""
}
