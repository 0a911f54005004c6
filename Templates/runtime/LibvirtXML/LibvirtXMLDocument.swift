/// A libvirt XML document (a domain's, a network's, ...) as a typed view of its root element.
public protocol LibvirtXMLDocument: XMLElementView {
    /// Reads a document, throwing ``LibvirtXMLError`` when it is not well-formed or its root
    /// element is not the document's.
    init(xml: String) throws
    /// The document as XML text.
    func xmlString() -> String
}

extension LibvirtXMLDocument {
    /// Reads a document, throwing ``LibvirtXMLError`` when it is not well-formed or its root
    /// element is not the document's.
    public init(xml text: String) throws {
        let root = try RawXMLElement(parsing: text)
        guard root.name == Self.elementName else {
            throw LibvirtXMLError(line: 1, path: [root.name], message: "expected <\(Self.elementName)>, found <\(root.name)>")
        }
        self.init(xml: root)
    }

    /// The document as XML text.
    public func xmlString() -> String {
        xml.xmlString()
    }
}

extension RawXMLElement {
    /// Reads the root element of an XML document, throwing ``LibvirtXMLError`` with the line and
    /// the element path when it is not well-formed.
    public init(parsing text: String) throws(LibvirtXMLError) {
        var parser = XMLParser(text)
        self = try parser.parseDocument()
    }
}
