import LibvirtGenModel

/// What a C type name denotes, resolved across the four description files.
public struct TypeRegistry: Sendable {
    /// An opaque libvirt object with a pointer typedef (`virDomain` / `virDomainPtr`).
    public struct Handle: Sendable, Equatable {
        /// The object type (`virDomain`).
        public var cType: String
        /// Its Swift class name.
        public var swiftName: String
        /// The Swift module that declares it.
        public var module: String
        /// The header group.
        public var file: String
        /// The struct's documentation.
        public var info: String
    }

    /// Handles by C object type.
    public private(set) var handles: [String: Handle] = [:]
    /// Structs with fields by name.
    public private(set) var structs: [String: CStruct] = [:]
    /// Enum typedefs by name, with their values in declaration order.
    public private(set) var enums: [String: [CEnumValue]] = [:]
    /// Enum typedef documentation.
    public private(set) var enumTypedefs: [String: CTypedef] = [:]
    /// Function-pointer types by name.
    public private(set) var functypes: Set<String> = []
    /// Non-enum typedefs by name → aliased type.
    public private(set) var aliases: [String: CType] = [:]
    /// Integer macros by name → value.
    public private(set) var macroValues: [String: Int64] = [:]

    /// Builds the registry from the APIs; `swiftName` names a handle from its C object type.
    public init(apis: [(api: CAPI, module: String)], swiftName: (String) -> String) {
        for (api, module) in apis {
            for s in api.structs {
                if s.fields.isEmpty {
                    if api.typedefs.contains(where: { $0.name == s.name + "Ptr" }) {
                        handles[s.name] = Handle(
                            cType: s.name, swiftName: swiftName(s.name), module: module, file: s.file, info: s.info)
                    }
                } else {
                    structs[s.name] = s
                }
            }
            for t in api.typedefs {
                if t.type == "enum" {
                    enumTypedefs[t.name] = t
                    enums[t.name, default: []] += []
                } else {
                    aliases[t.name] = t.cType
                }
            }
            for value in api.enumValues { enums[value.type, default: []].append(value) }
            for f in api.functypes { functypes.insert(f.name) }
        }
        let macros = apis.flatMap(\.api.macros).filter { $0.params == nil && $0.rawValue != nil }
        let raw = Dictionary(macros.map { ($0.name, $0.rawValue!) }, uniquingKeysWith: { a, _ in a })
        let enumValues = Dictionary(
            apis.flatMap(\.api.enumValues).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        func value(_ name: String, depth: Int) -> Int64? {
            if let known = enumValues[name] { return known }
            guard depth < 8, let text = raw[name] else { return nil }
            return MacroValue.evaluate(text) { value($0, depth: depth + 1) }
        }
        for name in raw.keys { macroValues[name] = value(name, depth: 0) }
    }

    /// Follows pointer typedefs: `virDomainInfoPtr` → `virDomainInfo *`.
    public func resolve(_ type: CType) -> CType {
        var current = type
        var guardCount = 0
        while let inner = aliases[current.base], guardCount < 8 {
            current = CType(
                base: inner.base, pointers: inner.pointers + current.pointers, isConst: current.isConst || inner.isConst,
                arrayBound: current.arrayBound)
            guardCount += 1
        }
        return current
    }

    /// Whether a base type name is known: builtin, handle, struct, enum, function type or typedef.
    public func isKnown(_ base: String) -> Bool {
        base == "void" || base == "union" || CScalar.swiftType(base) != nil || handles[base] != nil
            || structs[base] != nil || enums[base] != nil || functypes.contains(base) || aliases[base] != nil
    }

    /// The handle a resolved type points to (`virDomain *`), if any.
    public func handle(for type: CType) -> Handle? {
        type.pointers == 1 ? handles[type.base] : nil
    }

    /// The first enum typedef with values named in a text (`one of virDomainState`), if any.
    public func firstEnum(mentionedIn text: String) -> String? {
        Self.words(of: text).first { $0.hasPrefix("vir") && enums[$0]?.isEmpty == false }
    }

    /// The enum of which a text names two or more constants ("such as: VIR_NODE_SUSPEND_TARGET_MEM
    /// ... VIR_NODE_SUSPEND_TARGET_DISK"), if any: an argument that takes one of them. A single
    /// constant is often a special value of a number (`VIR_NODE_CPU_STATS_ALL_CPUS`), not a choice.
    public func enumOfConstants(namedIn text: String) -> String? {
        var owners: [String: Set<String>] = [:]
        for token in Self.words(of: text) where token.hasPrefix("VIR_") {
            if let owner = enums.first(where: { $0.value.contains { $0.name == token } })?.key {
                owners[owner, default: []].insert(token)
            }
        }
        return owners.filter { $0.value.count >= 2 }.keys.sorted().first
    }

    /// The words of a text: the runs of letters, digits and `_`. ASCII text, nearly all of it, is
    /// cut as bytes (a CR LF pair, one character, is two separating bytes); other text by
    /// characters, where a letter or digit of any script continues a word.
    static func words(of text: String) -> [String] {
        if text.isASCII {
            return text.utf8.split(whereSeparator: { !$0.isIdentifierByte }).map { String(decoding: $0, as: UTF8.self) }
        }
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
    }
}
