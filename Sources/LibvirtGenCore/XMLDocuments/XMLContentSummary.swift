import LibvirtGenModel

/// What an element's content pattern allows, gathered across every branch of its choices: the
/// attributes and child elements by name (first-seen order) with their patterns, and the
/// patterns of its text. Names under a name class other than one name (`anyName`) are not
/// gathered: the views keep them as raw XML.
struct XMLContentSummary {
    /// A child element's name with its content patterns and whether it repeats.
    struct Child {
        /// The element's name.
        var name: String
        /// The content patterns of every element pattern of the name, each once.
        var contents: [RNGPattern]
        /// Whether the element can occur more than once.
        var repeated: Bool
    }

    /// Attribute name → value patterns, in first-seen order.
    private(set) var attributes: [(name: String, values: [RNGPattern])] = []
    /// The child elements, in first-seen order.
    private(set) var children: [Child] = []
    /// The patterns of the element's own text (`text`, `data`, `value`, `list`).
    private(set) var text: [RNGPattern] = []
    /// Whether the content allows elements of any name (`<metadata>`'s), which stay raw XML.
    private(set) var hasAnyElements = false

    /// Summarizes the content patterns `contents` of one element, resolving references in
    /// `grammar`; of the choices of `variants`, only the attribute selecting them is gathered.
    /// `occurrences` keeps what the definitions of `grammar` were found to hold, for the next
    /// summary of the same grammar.
    init(
        _ contents: [RNGPattern], grammar: RNGGrammar, variants: XMLVariantAnalysis? = nil,
        occurrences cache: XMLOccurrenceCache
    ) {
        var entered: Set<String> = []
        for content in contents { add(content, repeated: false, grammar: grammar, variants: variants, entered: &entered) }
        var occurrences: [String: Int] = [:]
        for content in contents {
            var walking: Set<String> = []
            var cut = false
            occurrences.merge(
                Self.occurrences(in: content, grammar: grammar, walking: &walking, cache: cache, cut: &cut),
                uniquingKeysWith: max)
        }
        for index in children.indices where occurrences[children[index].name, default: 0] > 1 {
            children[index].repeated = true
        }
        if let shared = variants?.shared {
            attributes += shared.attributes.filter { attribute in !attributes.contains { $0.name == attribute.name } }
            children += shared.children.filter { child in !children.contains { $0.name == child.name } }
        }
    }

    /// The summary with only the attributes and child elements whose names `attribute` and
    /// `child` accept.
    func filtered(attributes attribute: (String) -> Bool, children child: (String) -> Bool) -> XMLContentSummary {
        var summary = self
        summary.attributes.removeAll { !attribute($0.name) }
        summary.children.removeAll { !child($0.name) }
        return summary
    }

    /// How often each child element name can occur in one match of `pattern` (2 standing for
    /// "more than once"): an element written twice in a group repeats as surely as one under
    /// `zeroOrMore` (`domainCapabilities`' several `<mode>` elements). A definition's count is
    /// taken from `cache` when known, and kept there unless a reference back into a definition
    /// being walked was cut short below it (`cut`), which would make it depend on the way in.
    private static func occurrences(
        in pattern: RNGPattern, grammar: RNGGrammar, walking: inout Set<String>, cache: XMLOccurrenceCache, cut: inout Bool
    ) -> [String: Int] {
        switch pattern {
        case .element(.name(let name, _), _):
            return [name: 1]
        case .group(let patterns), .interleave(let patterns):
            return patterns.reduce(into: [:]) { counts, inner in
                let counted = occurrences(in: inner, grammar: grammar, walking: &walking, cache: cache, cut: &cut)
                counts.merge(counted) { min($0 + $1, 2) }
            }
        case .choice(let patterns):
            return patterns.reduce(into: [:]) { counts, inner in
                let counted = occurrences(in: inner, grammar: grammar, walking: &walking, cache: cache, cut: &cut)
                counts.merge(counted, uniquingKeysWith: max)
            }
        case .optional(let inner), .mixed(let inner):
            return occurrences(in: inner, grammar: grammar, walking: &walking, cache: cache, cut: &cut)
        case .zeroOrMore(let inner), .oneOrMore(let inner):
            return occurrences(in: inner, grammar: grammar, walking: &walking, cache: cache, cut: &cut).mapValues { _ in 2 }
        case .ref(let name), .parentRef(let name):
            if let known = cache.byDefinition[name] { return known }
            guard let define = grammar.defines[name] else { return [:] }
            guard walking.insert(name).inserted else {
                cut = true
                return [:]
            }
            defer { walking.remove(name) }
            var cutBelow = false
            let counts = occurrences(in: define, grammar: grammar, walking: &walking, cache: cache, cut: &cutBelow)
            if cutBelow { cut = true } else { cache.byDefinition[name] = counts }
            return counts
        default:
            return [:]
        }
    }

    /// Whether the element holds nothing but text (or nothing at all).
    var isTextOnly: Bool { attributes.isEmpty && children.isEmpty && !hasAnyElements }

    /// Adds what `pattern` allows, of the choices of `variants` only their selecting attribute; `entered` holds the definitions already walked into for this
    /// element (a definition only reaches itself again through an element, or not at all).
    private mutating func add(
        _ pattern: RNGPattern, repeated: Bool, grammar: RNGGrammar, variants: XMLVariantAnalysis?, entered: inout Set<String>
    ) {
        switch pattern {
        case .element(.name(let name, _), let content):
            if let index = children.firstIndex(where: { $0.name == name }) {
                if !children[index].contents.contains(content) { children[index].contents.append(content) }
                children[index].repeated = children[index].repeated || repeated
            } else {
                children.append(Child(name: name, contents: [content], repeated: repeated))
            }
        case .attribute(.name(let name, _), let value):
            if let index = attributes.firstIndex(where: { $0.name == name }) {
                attributes[index].values.append(value)
            } else {
                attributes.append((name, [value]))
            }
        case .element:
            hasAnyElements = true
        case .attribute:
            break
        case .choice where variants?.choices.contains(pattern) == true:
            guard let variants else { return }
            let values = RNGPattern.choice(variants.variants.flatMap(\.values).map { .value(type: "token", $0) })
            let attribute = RNGPattern.attribute(.name(variants.attribute, namespace: ""), values)
            add(attribute, repeated: repeated, grammar: grammar, variants: variants, entered: &entered)
        case .group(let patterns), .interleave(let patterns), .choice(let patterns):
            for inner in patterns { add(inner, repeated: repeated, grammar: grammar, variants: variants, entered: &entered) }
        case .optional(let inner):
            add(inner, repeated: repeated, grammar: grammar, variants: variants, entered: &entered)
        case .zeroOrMore(let inner), .oneOrMore(let inner):
            add(inner, repeated: true, grammar: grammar, variants: variants, entered: &entered)
        case .mixed(let inner):
            text.append(.text)
            add(inner, repeated: repeated, grammar: grammar, variants: variants, entered: &entered)
        case .ref(let name), .parentRef(let name):
            guard entered.insert(name).inserted, let define = grammar.defines[name] else { return }
            add(define, repeated: repeated, grammar: grammar, variants: variants, entered: &entered)
        case .text, .data, .value, .list:
            text.append(pattern)
        case .empty, .notAllowed:
            break
        }
    }
}

/// The child-element counts of a grammar's definitions (see ``XMLContentSummary``), found once
/// per definition for the many elements of one document that reach it; one cache serves one
/// grammar, on one thread.
final class XMLOccurrenceCache {
    /// Definition name → child element name → 1 or 2 (more than once).
    var byDefinition: [String: [String: Int]] = [:]
}
