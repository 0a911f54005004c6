/// A document that is not well-formed XML, or whose root element is not the document's.
public struct LibvirtXMLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The line of the document where reading stopped, from 1.
    public var line: Int
    /// The names of the elements being read there, outermost first (`["domain", "devices"]`).
    public var path: [String]
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(line: Int, path: [String], message: String) {
        self.line = line
        self.path = path
        self.message = message
    }

    /// `line 12, in /domain/devices: </device> closes <devices>`.
    public var description: String {
        "line \(line)" + (path.isEmpty ? "" : ", in /" + path.joined(separator: "/")) + ": " + message
    }
}
