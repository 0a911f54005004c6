import LibvirtGenModel

/// Lowers C enums to open Swift enums and flag enums to option sets.
struct EnumLowering {
    /// Word rules.
    let naming: Naming
    /// Type names.
    let types: TypeNaming
    /// Doc conversion.
    let docs: DocText
    /// Explicit case-name prefixes by enum typedef, from the overrides data.
    var prefixes: [String: String] = [:]
    /// Explicit case names by C value name, from the overrides data's renames.
    var renames: [String: String] = [:]

    /// The enum lowering a lowering context configures; `docs` overrides the context's (the naming
    /// pass runs before documentation can link).
    init(context: LoweringContext, docs: DocText? = nil) {
        self.init(
            naming: context.naming, types: context.types, docs: docs ?? context.docs,
            prefixes: context.overrides.enumPrefixes, renames: context.overrides.renames)
    }

    /// The enum lowering with explicit rules.
    init(naming: Naming, types: TypeNaming, docs: DocText, prefixes: [String: String] = [:], renames: [String: String] = [:]) {
        self.naming = naming
        self.types = types
        self.docs = docs
        self.prefixes = prefixes
        self.renames = renames
    }

    /// Whether a C enum typedef is a set of bit flags.
    static func isFlags(_ cName: String, values: [CEnumValue], declaredFlags: Set<String>) -> Bool {
        if declaredFlags.contains(cName) { return true }
        if cName.containsText("Flag") { return true }
        let real = values.filter { !$0.name.hasSuffix("_LAST") }
        return !real.isEmpty && real.allSatisfy { $0.bitshift != nil }
    }

    /// Whether the value is a `_LAST` sentinel, which the bindings drop: newer libvirt adds values.
    static func isSentinel(_ value: CEnumValue) -> Bool { value.name.hasSuffix("_LAST") }

    /// Swift case names for the values: the word prefix all values share (or the overrides data's
    /// prefix for the enum) dropped, lowerCamelCase, keywords escaped. Values outside an explicit
    /// prefix (`VIR_WAR_NO_NETWORK` among `VIR_ERR_*`) drop only what they share with it. Sharing by
    /// all values, not most, keeps names stable when a release adds values.
    func caseNames(_ values: [CEnumValue], typeName: String) -> [String] {
        let wordLists = values.map { Naming.snakeWords($0.name) }
        var prefix: [String]
        if let explicit = prefixes[typeName] {
            prefix = Naming.snakeWords(explicit)
        } else {
            prefix = Array((wordLists.first ?? []).prefix(Self.commonPrefix(wordLists)))
            if values.count == 1 {
                let typeWords = Naming.camelWords(typeName).map { $0.uppercased() }
                prefix = Array(prefix.prefix(Self.commonPrefix([wordLists[0], typeWords])))
            }
        }
        var used: Set<String> = []
        return zip(values, wordLists).map { value, words in
            if let renamed = renames[value.name] {
                used.insert(renamed)
                return SwiftIdentifier.escaped(renamed)
            }
            let shared = Self.commonPrefix([words, prefix + ["\u{0}"]])
            var rest = Array(words.dropFirst(min(shared, words.count - 1)))
            if let first = rest.first?.first, first.isNumber, shared > 0 { rest.insert(words[shared - 1], at: 0) }
            var name = naming.lowerCamel(snake: rest)
            if used.contains(name) { name = naming.lowerCamel(snake: Array(words.dropFirst())) }
            used.insert(name)
            return SwiftIdentifier.escaped(name)
        }
    }

    /// How many leading words all lists share, leaving at least one word of the first.
    static func commonPrefix(_ lists: [[String]]) -> Int {
        guard let first = lists.first else { return 0 }
        var n = 0
        while n < first.count - 1, lists.allSatisfy({ $0.count > n && $0[n] == first[n] }) { n += 1 }
        return n
    }

    /// The open enum for a value enum; `names` are its cases' names when the naming pass has
    /// given them (``caseNames(_:typeName:)`` of the same values).
    func valueEnum(_ cName: String, values: [CEnumValue], typedef: CTypedef?, names: [String]? = nil) -> ValueEnum {
        let real = values.filter { !Self.isSentinel($0) }
        let names = names ?? caseNames(real, typeName: cName)
        var cases: [EnumCase] = []
        var aliases: [EnumCase] = []
        var firstByValue: [Int64: String] = [:]
        for (value, name) in zip(real, names) {
            let doc = docs.document(value.info, cName: value.name, since: value.version)
            if let original = firstByValue[value.value] {
                aliases.append(EnumCase(name: name, cName: value.name, value: "\(value.value)", aliasOf: original, doc: doc))
            } else {
                firstByValue[value.value] = name
                cases.append(EnumCase(name: name, cName: value.name, value: "\(value.value)", doc: doc))
            }
        }
        let swiftName = types.swiftName(of: cName)
        return ValueEnum(
            name: String(swiftName.split(separator: ".").last!), cName: cName,
            doc: docs.document(typedef?.info ?? "", cName: cName, since: typedef?.version),
            cases: cases, aliases: aliases, countsSeconds: Self.isTimeout(cName))
    }

    /// Whether a C enum names the special values of a timeout in seconds
    /// (`virDomainAgentResponseTimeoutValues`): its cases are -2, -1, 0 or a preset, and any
    /// positive number of seconds is a value too.
    static func isTimeout(_ cName: String) -> Bool {
        cName.hasSuffix("TimeoutValues")
    }

    /// The option set for a flags enum; `names` as for ``valueEnum(_:values:typedef:names:)``.
    func optionSet(_ cName: String, values: [CEnumValue], typedef: CTypedef?, names: [String]? = nil) -> OptionSetType {
        let real = values.filter { !Self.isSentinel($0) }
        let names = names ?? caseNames(real, typeName: cName)
        let rawType = real.allSatisfy({ $0.value >= 0 && $0.value <= Int64(UInt32.max) }) ? "UInt32" : "UInt64"
        let members = zip(real, names).map { value, name in
            EnumCase(
                name: name, cName: value.name, value: String(UInt64(bitPattern: value.value)),
                doc: docs.document(value.info, cName: value.name, since: value.version))
        }
        let swiftName = types.swiftName(of: cName, isOptionSet: true)
        return OptionSetType(
            name: String(swiftName.split(separator: ".").last!), cName: cName, rawType: rawType,
            doc: docs.document(typedef?.info ?? "", cName: cName, since: typedef?.version),
            members: members)
    }
}
