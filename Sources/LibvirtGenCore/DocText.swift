/// Converts libvirt's documentation markup into Swift documentation text.
///
/// A small state machine over the text: `@name` becomes the Swift parameter in code font,
/// `%NULL` becomes `nil`, `virDomainGetInfo()` becomes the Swift declaration that wraps it, and
/// `VIR_DOMAIN_RUNNING` the Swift case, where known.
public struct DocText: Sendable {
    /// C symbol → Swift symbol (`virDomainGetInfo` → `Domain.info()`).
    public var symbols: [String: String]

    /// Creates a converter with a symbol map.
    public init(symbols: [String: String] = [:]) {
        self.symbols = symbols
    }

    /// The converted text as lines; `parameters` maps C parameter names to Swift ones.
    public func lines(_ text: String, parameters: [String: String] = [:]) -> [String] {
        let converted = convert(text, parameters: parameters)
        var lines = converted.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The closing lines every documented declaration carries: the C symbol and the version.
    public func footer(cName: String, since: String?) -> [String] {
        var lines = ["", "C symbol: `\(cName)`."]
        if let since { lines.append("Available since libvirt \(since).") }
        return lines
    }

    /// Converts markup in one string (used for single-line parameter text too).
    public func convert(_ text: String, parameters: [String: String] = [:]) -> String {
        enum State { case text, parameter, constant }
        var out = ""
        var token = ""
        var state = State.text
        let chars = Array(text)
        func flushParameter() {
            out += token.isEmpty ? "@" : "`\(parameters[token] ?? token)`"
            token = ""
        }
        func flushConstant() {
            let swift: String? = ["NULL": "nil", "TRUE": "true", "FALSE": "false"][token]
            out += swift.map { "`\($0)`" } ?? "%" + token
            token = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch state {
            case .parameter:
                if c.isLetter || c.isNumber || c == "_" {
                    token.append(c)
                    i += 1
                    continue
                }
                flushParameter()
                state = .text
                continue
            case .constant:
                if c.isLetter || c.isNumber || c == "_" {
                    token.append(c)
                    i += 1
                    continue
                }
                flushConstant()
                state = .text
                continue
            case .text:
                if c == "@" {
                    state = .parameter
                } else if c == "%" {
                    state = .constant
                } else if c.isLetter || c == "_", i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_") {
                    var j = i
                    while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                    let word = String(chars[i..<j])
                    var end = j
                    if end + 1 < chars.count, chars[end] == "(", chars[end + 1] == ")" { end += 2 }
                    if let swift = symbols[word] {
                        out += "`\(swift)`"
                        i = end
                        continue
                    }
                    out += word
                    i = j
                    continue
                } else {
                    out.append(c)
                }
            }
            i += 1
        }
        switch state {
        case .parameter: flushParameter()
        case .constant: flushConstant()
        case .text: break
        }
        return out
    }
}
