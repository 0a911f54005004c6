import LibvirtGenModel

/// Lowers the documented statistics keys (``StatsKeyPatterns``) into typed views of a record:
/// one view per group (the first segment: `block`), a field per key (the other segments, joined
/// and named as a constant would be: `rd.reqs` → `readRequests`), and a list of entry views per
/// numbered part (`cpu.cache.monitor.<num>` → `cacheMonitors: [CacheMonitor]`; a group's own
/// numbers, `block.<num>`, → `entries: [Entry]`). A field's type is the one its text states
/// (``TypedParameterValueType``), with the enum its text names for numbers (`as int from
/// virDomainState enum` → `Domain.State`).
struct StatsViewLowering {
    /// The function whose records the views read.
    static let function = "virConnectGetAllDomainStats"
    /// The prefix of the string macros that name the keys (libvirt 11.2 and later).
    static let macroPrefix = "VIR_DOMAIN_STATS_"
    /// The runtime's record type, which the views extend.
    static let recordType = "DomainStatsRecord"

    /// The naming rules.
    let naming: Naming
    /// The Swift enum a text names, if any.
    let enumType: (String) -> String?
    /// libvirt's text with C names as the Swift ones (``DocText/convert(_:parameters:)``).
    let convert: (String) -> String

    /// A node of the key tree: the keys ending here and the numbered parts below.
    private final class Node {
        /// Keys without a further number: their remaining segments and text.
        var fields: [(segments: [String], doc: String)] = []
        /// Numbered parts by the segments before the number, in order of appearance.
        var lists: [(segments: [String], node: Node)] = []

        /// Files a key's remaining segments under this node.
        func insert(_ segments: ArraySlice<String>, doc: String) {
            guard let number = segments.firstIndex(of: StatsKeyPattern.placeholder) else {
                fields.append((Array(segments), doc))
                return
            }
            let head = Array(segments[..<number])
            let child: Node
            if let existing = lists.first(where: { $0.segments == head }) {
                child = existing.node
            } else {
                child = Node()
                lists.append((head, child))
            }
            child.insert(segments[(number + 1)...], doc: doc)
        }
    }

    /// The views of the records of `api`'s ``function``, if it has that function and documents keys.
    static func views(of api: CAPI, context: LoweringContext) -> [StatsView]? {
        guard let stats = api.functions.first(where: { $0.name == function }) else { return nil }
        let lowering = StatsViewLowering(
            naming: context.naming, enumType: { context.mentionedEnum(in: $0).map(context.swiftEnumType) },
            convert: { context.docs.convert($0) })
        let views = lowering.views(StatsKeyPatterns.patterns(macros: api.macros, prefix: macroPrefix, text: stats.info))
        return views.isEmpty ? nil : views
    }

    /// The group views of the patterns, in order of first appearance.
    func views(_ patterns: [StatsKeyPattern]) -> [StatsView] {
        var groups: [(name: String, node: Node)] = []
        for pattern in patterns where pattern.segments.count > 1 && pattern.segments[0] != StatsKeyPattern.placeholder {
            let group = pattern.segments[0]
            if !groups.contains(where: { $0.name == group }) { groups.append((group, Node())) }
            groups.first { $0.name == group }!.node.insert(pattern.segments.dropFirst(), doc: pattern.doc)
        }
        return groups.map { group in
            view(group.node, name: typeName([group.name]), propertyName: propertyName([group.name]),
                 keyPath: group.name, keyPattern: group.name + ".", isEntry: false)
        }
    }

    /// The view of one node.
    private func view(
        _ node: Node, name: String, propertyName: String, keyPath: String, keyPattern: String, isEntry: Bool
    ) -> StatsView {
        let fields = node.fields.map { segments, doc in
            let valueType = TypedParameterValueType.documented(in: doc)
            let name = self.propertyName(segments)
            let swiftType = valueType?.swift
            let isCount = swiftType.map(CountRule.isInteger) == true && CountRule.isCount(name)
            return StatsField(
                name: name, key: segments.joined(separator: "."),
                keyPattern: keyPattern + segments.joined(separator: "."), valueType: swiftType,
                enumType: valueType == .int ? enumType(doc) : nil, isCount: isCount, doc: Self.sentence(convert(doc)))
        }
        let entries = node.lists.map { segments, child in
            let prefix = keyPattern + (segments + ["<num>"]).joined(separator: ".") + "."
            return view(child, name: segments.isEmpty ? "Entry" : typeName(segments),
                        propertyName: segments.isEmpty ? "entries" : self.propertyName(segments, plural: true),
                        keyPath: segments.joined(separator: "."), keyPattern: prefix, isEntry: true)
        }
        return StatsView(name: name, propertyName: propertyName, keyPath: keyPath, keyPattern: keyPattern,
                         isEntry: isEntry, fields: fields, entries: entries)
    }

    /// The words of key segments as an upper-snake constant's (`swap_in`, `last-update`,
    /// `backingIndex`).
    private func words(_ segments: [String]) -> [String] {
        segments.flatMap { segment in
            segment.split(whereSeparator: { $0 == "_" || $0 == "-" })
                .flatMap { Naming.camelWords(String($0)) }.map { $0.uppercased() }
        }
    }

    /// A property name for key segments, plural for a list (`cacheMonitors`).
    func propertyName(_ segments: [String], plural: Bool = false) -> String {
        var words = naming.expand(naming.fromSnake(words(segments)))
        if plural, let last = words.popLast() { words.append(last + "s") }
        return SwiftIdentifier.escaped(naming.lowerCamel(words))
    }

    /// A type name for key segments (`CacheMonitor`, `VCPU`).
    func typeName(_ segments: [String]) -> String {
        naming.upperCamel(naming.expand(naming.fromSnake(words(segments))))
    }

    /// libvirt's text as one sentence: capitalized, ending with a period, `<num>` in code voice.
    static func sentence(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map { word -> String in
            guard let open = word.firstIndex(of: "<"), let close = word[open...].firstIndex(of: ">") else { return String(word) }
            return word[..<open] + "`" + word[open...close] + "`" + word[word.index(after: close)...]
        }
        guard let first = words.first else { return "" }
        words[0] = first.prefix(1).uppercased() + first.dropFirst()
        let joined = words.joined(separator: " ")
        return joined.hasSuffix(".") ? joined : joined + "."
    }
}
