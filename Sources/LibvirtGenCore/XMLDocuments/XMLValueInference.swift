import LibvirtGenModel

/// The Swift value an attribute or a text holds, inferred from its patterns: a list of names is
/// a boolean (`yes`/`no`, `on`/`off`) or an open list of names, numeric datatypes are numbers
/// (hexadecimal spellings libvirt allows beside them included), anything else is a string.
enum XMLValueInference {
    /// What the patterns allow, once references and choices are resolved.
    enum Kind: Equatable {
        /// Any text.
        case string
        /// A signed integer.
        case integer
        /// An unsigned 64-bit integer.
        case unsignedInteger
        /// A decimal number.
        case number
        /// A UUID.
        case uuid
        /// A boolean with the spelling `on`/`off` when `onOff`.
        case boolean(onOff: Bool)
        /// One of these names.
        case names([String])
    }

    /// XML Schema datatypes read as signed integers.
    static let integerTypes: Set<String> = [
        "int", "long", "short", "byte", "integer", "unsignedInt", "unsignedShort", "unsignedByte",
        "positiveInteger", "nonNegativeInteger", "negativeInteger", "nonPositiveInteger",
    ]
    /// The two spellings libvirt's `UUID` definition allows, as its pattern facets.
    static let uuidPatterns: Set<String> = ["[a-fA-F0-9]{32}", "[a-fA-F0-9]{8}\\-([a-fA-F0-9]{4}\\-){3}[a-fA-F0-9]{12}"]
    /// XML Schema datatypes read as decimal numbers.
    static let numberTypes: Set<String> = ["double", "float", "decimal"]

    /// The kind of value `patterns` (alternatives) allow.
    static func kind(of patterns: [RNGPattern], grammar: RNGGrammar) -> Kind {
        var leaves: [RNGPattern] = []
        var entered: Set<String> = []
        for pattern in patterns { collectLeaves(pattern, grammar: grammar, entered: &entered, into: &leaves) }
        guard !leaves.isEmpty else { return .string }
        var names: [String] = []
        var datatypes: Set<String> = []
        for leaf in leaves {
            switch leaf {
            case .value(_, let value): if !names.contains(value) { names.append(value) }
            case .data(let type, let parameters, _):
                datatypes.insert(isHexadecimalString(type, parameters) ? "hexadecimal" : type)
            default: return .string
            }
        }
        if datatypes.isEmpty {
            if Set(names).isSubset(of: ["yes", "no"]) && names.count == 2 { return .boolean(onOff: false) }
            if Set(names).isSubset(of: ["on", "off"]) && names.count == 2 { return .boolean(onOff: true) }
            return .names(names)
        }
        guard names.isEmpty else { return .string }
        if leaves.allSatisfy(isUUID) { return .uuid }
        datatypes.remove("hexadecimal")
        if datatypes.isEmpty { return .string }
        if datatypes.isSubset(of: integerTypes.union(["unsignedLong"])) {
            return datatypes.contains("unsignedLong") ? .unsignedInteger : .integer
        }
        if datatypes.isSubset(of: numberTypes.union(integerTypes)) { return .number }
        return .string
    }

    /// Whether a datatype is a string whose pattern spells a hexadecimal number (`0x[0-9a-fA-F]{1,4}`),
    /// which libvirt accepts beside a decimal one.
    private static func isHexadecimalString(_ type: String, _ parameters: [RNGParameter]) -> Bool {
        type == "string" && parameters.contains { $0.name == "pattern" && $0.value.hasPrefix("0x[0-9a-fA-F]") }
    }

    /// Whether a leaf is a string of one of libvirt's UUID spellings.
    private static func isUUID(_ leaf: RNGPattern) -> Bool {
        guard case .data("string", let parameters, _) = leaf else { return false }
        return parameters.contains { $0.name == "pattern" && uuidPatterns.contains($0.value) }
    }

    /// Collects the leaf patterns of value alternatives, resolving references and choices.
    private static func collectLeaves(
        _ pattern: RNGPattern, grammar: RNGGrammar, entered: inout Set<String>, into leaves: inout [RNGPattern]
    ) {
        switch pattern {
        case .choice(let patterns):
            for inner in patterns { collectLeaves(inner, grammar: grammar, entered: &entered, into: &leaves) }
        case .ref(let name), .parentRef(let name):
            guard entered.insert(name).inserted, let define = grammar.defines[name] else { return }
            collectLeaves(define, grammar: grammar, entered: &entered, into: &leaves)
        case .optional(let inner):
            collectLeaves(inner, grammar: grammar, entered: &entered, into: &leaves)
        case .notAllowed:
            break
        default:
            leaves.append(pattern)
        }
    }
}
