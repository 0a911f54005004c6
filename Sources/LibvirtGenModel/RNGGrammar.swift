/// A RELAX NG grammar with its includes merged: the document's start pattern and every named
/// definition it can reach, each with where it was declared.
public struct RNGGrammar: Sendable {
    /// The pattern a document must match; nil for a schema that only defines patterns for others
    /// to include (`basictypes.rng`).
    public var start: RNGPattern?
    /// The named definitions, by name.
    public var defines: [String: RNGPattern]
    /// Where each definition (the first of a combined one) was declared.
    public var locations: [String: SourceLocation]

    /// Creates a grammar.
    public init(start: RNGPattern?, defines: [String: RNGPattern], locations: [String: SourceLocation]) {
        self.start = start
        self.defines = defines
        self.locations = locations
    }

    /// The names of the elements a document can hold, each once, and of the attributes, following
    /// definitions from the start (a name class other than a plain name counts as `*`).
    public func reachableNames() -> (elements: Set<String>, attributes: Set<String>) {
        var elements: Set<String> = []
        var attributes: Set<String> = []
        var visited: Set<String> = []
        var pending: [RNGPattern] = start.map { [$0] } ?? []
        func label(_ names: RNGNameClass) -> [String] {
            switch names {
            case .name(let name, _): [name]
            case .choice(let classes): classes.flatMap(label)
            case .anyName, .nsName: ["*"]
            }
        }
        while let pattern = pending.popLast() {
            switch pattern {
            case .element(let names, let content):
                elements.formUnion(label(names))
                pending.append(content)
            case .attribute(let names, let value):
                attributes.formUnion(label(names))
                pending.append(value)
            case .group(let patterns), .interleave(let patterns), .choice(let patterns):
                pending += patterns
            case .optional(let inner), .zeroOrMore(let inner), .oneOrMore(let inner), .mixed(let inner), .list(let inner):
                pending.append(inner)
            case .ref(let name), .parentRef(let name):
                if visited.insert(name).inserted, let define = defines[name] { pending.append(define) }
            case .data(_, _, let except):
                if let except { pending.append(except) }
            case .empty, .text, .notAllowed, .value:
                break
            }
        }
        return (elements, attributes)
    }

    /// The names of the elements a document can start with (`domain`), following definitions but
    /// not entering elements.
    public func rootElements() -> [String] {
        var names: [String] = []
        var visited: Set<String> = []
        var pending: [RNGPattern] = start.map { [$0] } ?? []
        while let pattern = pending.popLast() {
            switch pattern {
            case .element(.name(let name, _), _): if !names.contains(name) { names.append(name) }
            case .element: if !names.contains("*") { names.append("*") }
            case .group(let patterns), .interleave(let patterns), .choice(let patterns): pending += patterns.reversed()
            case .optional(let inner), .zeroOrMore(let inner), .oneOrMore(let inner), .mixed(let inner): pending.append(inner)
            case .ref(let name), .parentRef(let name):
                if visited.insert(name).inserted, let define = defines[name] { pending.append(define) }
            default: break
            }
        }
        return names
    }
}
