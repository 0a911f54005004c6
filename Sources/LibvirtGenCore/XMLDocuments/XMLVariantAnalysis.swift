import LibvirtGenModel

/// The variants of an element's content: the choices whose every branch fixes one attribute to
/// its own values (a disk's `<attribute name="type"><value>file</value></attribute>` branch beside
/// its `block`, `network`... branches). Where several attributes discriminate choices (a disk's
/// `device` and `type`), the one with the most values whose branches hold
/// elements is taken; the others' choices stay merged
/// into the element's view. Choices under repetition or inside child elements are not the
/// element's variants.
struct XMLVariantAnalysis {
    /// One variant: the values selecting it and the content patterns of its branches.
    struct Variant {
        /// The attribute's values that select it.
        var values: [String]
        /// The branches' patterns (the attribute's pattern among them).
        var contents: [RNGPattern]
        /// What the branches add to the element: their summary without the selecting attribute
        /// and what every variant holds alike.
        var summary: XMLContentSummary
    }

    /// The attribute selecting the variant (`type`).
    let attribute: String
    /// The variants, in the schema's order; values with the same branches share one.
    let variants: [Variant]
    /// The value meant when the attribute is missing: the one value whose branch makes the
    /// attribute optional, if there is exactly one.
    let defaultValue: String?
    /// The choices the variants come from, which the element's own summary leaves out.
    let choices: Set<RNGPattern>
    /// What every variant holds alike, which the element's summary holds instead of them.
    let shared: XMLContentSummary
    /// The attributes the element's view models rather than a variant's: the selecting one and
    /// those every variant holds alike.
    let elementAttributes: Set<String>
    /// The child elements every variant holds alike, which the element's view models.
    let elementChildren: Set<String>

    /// The attribute values a branch fixes, and whether the attribute may be missing.
    private struct Fixed {
        /// The values.
        var values: [String]
        /// Whether the branch allows the attribute to be missing.
        var optional: Bool
    }

    /// The variants of the content patterns `contents`, or nil when no choice is discriminated
    /// by an attribute or no branch holds a child element of its own; `occurrences` caches what
    /// the definitions of `grammar` hold (see ``XMLContentSummary``).
    init?(_ contents: [RNGPattern], grammar: RNGGrammar, occurrences: XMLOccurrenceCache) {
        var choices: [RNGPattern] = []
        var entered: Set<String> = []
        for content in contents { Self.collectChoices(content, grammar: grammar, entered: &entered, into: &choices) }
        // Each selecting attribute's values whose branch holds child elements.
        var counts: [(attribute: String, values: Set<String>)] = []
        for choice in choices {
            for attribute in Self.discriminators(of: choice, grammar: grammar) {
                let values = Self.branches(of: choice)
                    .filter { !XMLContentSummary([$0], grammar: grammar, occurrences: occurrences).children.isEmpty }
                    .compactMap { Self.fixed(in: $0, grammar: grammar)[attribute] }.flatMap(\.values)
                if let index = counts.firstIndex(where: { $0.attribute == attribute }) {
                    counts[index].values.formUnion(values)
                } else {
                    counts.append((attribute, Set(values)))
                }
            }
        }
        // The attribute with the most such values (a snapshot disk's `type` before its `snapshot`,
        // whose `no` and `internal` hold nothing); the first seen among equals.
        guard let attribute = counts.max(by: { $0.values.count < $1.values.count })?.attribute else { return nil }
        var outermost: [RNGPattern] = []
        entered = []
        for content in contents {
            Self.collectChoices(content, grammar: grammar, entered: &entered, into: &outermost) {
                Self.discriminators(of: $0, grammar: grammar).contains(attribute)
            }
        }
        outermost = outermost.filter { Self.discriminators(of: $0, grammar: grammar).contains(attribute) }
        var order: [String] = []
        var branchesByValue: [String: [RNGPattern]] = [:]
        var optionalValues: Set<String> = []
        for choice in outermost {
            for branch in Self.branches(of: choice) {
                guard let fixed = Self.fixed(in: branch, grammar: grammar)[attribute] else { continue }
                for value in fixed.values {
                    if branchesByValue[value] == nil { order.append(value) }
                    if !branchesByValue[value, default: []].contains(branch) { branchesByValue[value, default: []].append(branch) }
                    if fixed.optional { optionalValues.insert(value) }
                }
            }
        }
        var variants: [Variant] = []
        for value in order {
            if let index = variants.firstIndex(where: { $0.contents == branchesByValue[value] }) {
                variants[index].values.append(value)
            } else {
                let contents = branchesByValue[value] ?? []
                let summary = XMLContentSummary(contents, grammar: grammar, occurrences: occurrences)
                variants.append(Variant(values: [value], contents: contents, summary: summary))
            }
        }
        // What every variant holds alike (a pool's `<name>`) belongs to the element, not to them.
        let summaries = variants.map(\.summary)
        let first = summaries[0]
        let sharedAttributes = Set(first.attributes.filter { attribute in
            summaries.allSatisfy { $0.attributes.contains { $0.name == attribute.name && $0.values == attribute.values } }
        }.map(\.name)).subtracting([attribute])
        let sharedChildren = Set(first.children.filter { child in
            summaries.allSatisfy { $0.children.contains { $0.name == child.name && $0.contents == child.contents && $0.repeated == child.repeated } }
        }.map(\.name))
        // Branches that differ only in attributes merge (a `<host>`'s `name` or `socket` by its
        // `transport`): an enum would bury a few optional attributes a level deeper.
        guard summaries.contains(where: { $0.children.contains { !sharedChildren.contains($0.name) } }) else { return nil }
        shared = first.filtered(attributes: sharedAttributes.contains, children: sharedChildren.contains)
        let elementAttributes = sharedAttributes.union([attribute])
        self.elementAttributes = elementAttributes
        elementChildren = sharedChildren
        self.attribute = attribute
        self.variants = variants.map { variant in
            var variant = variant
            variant.summary = variant.summary.filtered(
                attributes: { !elementAttributes.contains($0) }, children: { !sharedChildren.contains($0) })
            return variant
        }
        self.defaultValue = optionalValues.count == 1 ? optionalValues.first : nil
        self.choices = Set(outermost)
    }

    /// Gathers the choices `pattern` reaches without entering elements, attributes or
    /// repetition; below a choice `stop` accepts, its branches are not searched.
    private static func collectChoices(
        _ pattern: RNGPattern, grammar: RNGGrammar, entered: inout Set<String>, into choices: inout [RNGPattern],
        stop: (RNGPattern) -> Bool = { _ in false }
    ) {
        switch pattern {
        case .choice(let patterns):
            if !choices.contains(pattern) { choices.append(pattern) }
            if stop(pattern) { return }
            for inner in patterns { collectChoices(inner, grammar: grammar, entered: &entered, into: &choices, stop: stop) }
        case .group(let patterns), .interleave(let patterns):
            for inner in patterns { collectChoices(inner, grammar: grammar, entered: &entered, into: &choices, stop: stop) }
        case .optional(let inner), .mixed(let inner):
            collectChoices(inner, grammar: grammar, entered: &entered, into: &choices, stop: stop)
        case .ref(let name), .parentRef(let name):
            guard entered.insert(name).inserted, let define = grammar.defines[name] else { return }
            collectChoices(define, grammar: grammar, entered: &entered, into: &choices, stop: stop)
        default:
            break
        }
    }

    /// The branches of a choice pattern.
    private static func branches(of choice: RNGPattern) -> [RNGPattern] {
        if case .choice(let patterns) = choice { patterns } else { [] }
    }

    /// The attributes every branch of `choice` fixes, to values no other branch takes.
    private static func discriminators(of choice: RNGPattern, grammar: RNGGrammar) -> [String] {
        let fixed = branches(of: choice).map { Self.fixed(in: $0, grammar: grammar) }
        guard fixed.count > 1, let first = fixed.first else { return [] }
        return first.keys.sorted().filter { attribute in
            var seen: Set<String> = []
            return fixed.allSatisfy { branch in
                guard let values = branch[attribute]?.values else { return false }
                return values.allSatisfy { seen.insert($0).inserted }
            }
        }
    }

    /// The attributes `pattern` fixes to listed values, outside elements, repetition and choices
    /// (a branch holding a choice of `type` values is not one `type` variant but several, which
    /// the choice inside it gives).
    private static func fixed(in pattern: RNGPattern, grammar: RNGGrammar) -> [String: Fixed] {
        var entered: Set<String> = []
        return fixed(in: pattern, grammar: grammar, entered: &entered)
    }

    /// The attributes `pattern` fixes, `entered` holding the definitions walked into.
    private static func fixed(in pattern: RNGPattern, grammar: RNGGrammar, entered: inout Set<String>) -> [String: Fixed] {
        switch pattern {
        case .attribute(.name(let name, _), let value):
            return values(of: value).map { [name: Fixed(values: $0, optional: false)] } ?? [:]
        case .group(let patterns), .interleave(let patterns):
            return patterns.reduce(into: [:]) { result, inner in
                result.merge(fixed(in: inner, grammar: grammar, entered: &entered)) { first, _ in first }
            }
        case .optional(let inner):
            return fixed(in: inner, grammar: grammar, entered: &entered).mapValues { Fixed(values: $0.values, optional: true) }
        case .ref(let name), .parentRef(let name):
            guard entered.insert(name).inserted, let define = grammar.defines[name] else { return [:] }
            return fixed(in: define, grammar: grammar, entered: &entered)
        default:
            return [:]
        }
    }

    /// The listed values of an attribute's value pattern (`<value>file</value>` or a choice of
    /// values), nil for any other value pattern.
    private static func values(of pattern: RNGPattern) -> [String]? {
        switch pattern {
        case .value(_, let value): return [value]
        case .choice(let patterns):
            let values = patterns.compactMap { if case .value(_, let value) = $0 { value } else { nil } }
            return values.count == patterns.count ? values : nil
        default: return nil
        }
    }
}
