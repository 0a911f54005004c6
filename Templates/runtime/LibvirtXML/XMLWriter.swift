extension RawXMLElement {
    /// The element as XML text, laid out as libvirt writes documents: two spaces of indentation
    /// per level for elements holding only elements, single-quoted attribute values, and an
    /// element's text written exactly as it is.
    public func xmlString() -> String {
        var output = ""
        write(to: &output, indentation: 0)
        return output
    }

    /// Appends the element, indented by `indentation` spaces, and a line break.
    private func write(to output: inout String, indentation: Int) {
        let indent = String(repeating: " ", count: indentation)
        output += indent + "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "='" + escaped(attribute.value, quote: true) + "'"
        }
        if children.isEmpty {
            output += "/>\n"
            return
        }
        output += ">"
        if children.allSatisfy(\.isLaidOut) {
            output += "\n"
            for child in children {
                switch child {
                case .element(let element): element.write(to: &output, indentation: indentation + 2)
                default: output += String(repeating: " ", count: indentation + 2) + child.markup + "\n"
                }
            }
            output += indent
        } else {
            for child in children {
                if case .element(let element) = child {
                    var nested = ""
                    element.write(to: &nested, indentation: 0)
                    output += nested.dropLast()
                } else {
                    output += child.markup
                }
            }
        }
        output += "</" + name + ">\n"
    }
}

extension RawXMLNode {
    /// Whether the node goes on a line of its own (elements, comments, processing instructions),
    /// rather than inside text.
    fileprivate var isLaidOut: Bool {
        switch self {
        case .element, .comment, .processingInstruction: true
        case .text, .cdata: false
        }
    }

    /// The markup of a node other than an element.
    fileprivate var markup: String {
        switch self {
        case .element(let element): element.xmlString()
        case .text(let text): escaped(text, quote: false)
        case .cdata(let text): "<![CDATA[" + text + "]]>"
        case .comment(let text): "<!--" + text + "-->"
        case .processingInstruction(let target, let data): "<?" + target + (data.isEmpty ? "" : " " + data) + "?>"
        }
    }
}

/// `text` with the characters XML reserves written as references (`'` too inside attribute values).
private func escaped(_ text: String, quote: Bool) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
        || (quote && ($0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t"))) })
    else { return text }
    var result = ""
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "'" where quote: result += "&apos;"
        case "\n" where quote: result += "&#10;"
        case "\t" where quote: result += "&#9;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}
