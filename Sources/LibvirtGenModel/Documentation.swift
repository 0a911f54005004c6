/// A declaration's documentation as parts, not text: what each renderer needs to lay it out its
/// own way (the Swift renderer as a `///` comment with callouts, the site as HTML sections).
public struct Documentation: Sendable, Codable, Equatable {
    /// The description, as lines of Markdown (paragraphs separated by empty lines).
    public var body: [String]
    /// What each parameter means, in order.
    public var parameters: [DocumentedParameter]
    /// What the declaration returns.
    public var returns: String?
    /// What it throws, and when.
    public var throwing: String?
    /// The C symbols it binds (one, or a registration and its deregistration).
    public var symbols: [String]
    /// The libvirt version that introduced it.
    public var since: String?

    /// Creates documentation.
    public init(
        body: [String] = [], parameters: [DocumentedParameter] = [], returns: String? = nil, throwing: String? = nil,
        symbols: [String] = [], since: String? = nil
    ) {
        self.body = body
        self.parameters = parameters
        self.returns = returns
        self.throwing = throwing
        self.symbols = symbols
        self.since = since
    }

    /// The description's paragraphs, each as one line (its lines trimmed and joined by spaces).
    public var paragraphs: [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in body + [""] {
            var trimmed = Substring(line)
            while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        return paragraphs
    }
}

/// What one parameter of a documented declaration means.
public struct DocumentedParameter: Sendable, Codable, Equatable {
    /// The parameter's Swift name.
    public var name: String
    /// Its meaning; may span lines.
    public var text: String

    /// Creates a parameter's documentation.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
