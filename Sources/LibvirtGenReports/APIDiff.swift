import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenSwift

/// What changed between two libvirt API descriptions, in C terms and in Swift terms
/// (the `api-diff --json` document).
public struct APIDiff: Sendable, Encodable {
    /// A C symbol that appeared or disappeared.
    public struct CSymbol: Sendable, Encodable, Equatable {
        /// `function`, `enumValue`, `macro`, `struct` or `typedef`.
        public var kind: String
        /// The C name.
        public var name: String
        /// The version that introduced it, where the description says.
        public var since: String?

        /// Creates an entry.
        public init(kind: String, name: String, since: String?) {
            self.kind = kind
            self.name = name
            self.since = since
        }
    }

    /// A C symbol whose declaration changed.
    public struct CChange: Sendable, Encodable, Equatable {
        /// Its kind.
        public var kind: String
        /// The C name.
        public var name: String
        /// What changed, `old → new`.
        public var what: String
    }

    /// The C side.
    public struct CPart: Sendable, Encodable, Equatable {
        /// Creates an empty part.
        public init() {}
        /// New symbols.
        public var added: [CSymbol] = []
        /// Symbols gone.
        public var removed: [CSymbol] = []
        /// Symbols whose declaration changed.
        public var changed: [CChange] = []
    }

    /// The Swift side.
    public struct SwiftPart: Sendable, Encodable, Equatable {
        /// Creates an empty part.
        public init() {}
        /// New declarations.
        public var added: [String] = []
        /// Declarations gone.
        public var removed: [String] = []
        /// Declarations whose signature changed, `symbol: old → new`.
        public var changed: [String] = []
        /// Changes that break users' source: removals, signature changes, new cases of enums users switch over.
        public var sourceBreaking: [String] = []

        /// The part as Markdown `###` sections: source-breaking changes first.
        public var markdownSections: [String] {
            APIDiff.markdownSection("Source-breaking", sourceBreaking)
                + APIDiff.markdownSection("Added", added.map { "`\($0)`" })
                + APIDiff.markdownSection("Removed", removed.map { "`\($0)`" })
                + APIDiff.markdownSection("Changed", changed)
        }
    }

    /// The old version.
    public var old: String
    /// The new version.
    public var new: String
    /// What changed in C.
    public var c: CPart
    /// What changed in Swift.
    public var swift: SwiftPart
    /// What changed in the typed XML documents.
    public var xml: XMLTypeDiff

    /// Compares two pipeline results.
    public init(old: Pipeline.Result, new: Pipeline.Result) {
        self.old = old.package.libvirtVersion
        self.new = new.package.libvirtVersion
        c = Self.compare(CDeclarations(old.apis), CDeclarations(new.apis))
        swift = Self.compare(SwiftDeclarations(old.package), SwiftDeclarations(new.package))
        xml = XMLTypeDiff(old: old.package.xmlDocuments, new: new.package.xmlDocuments)
    }

    /// The diff as Markdown, for release notes.
    public var markdown: String {
        var lines = ["# libvirt \(old) → \(new)", "", "## C API", ""]
        lines += Self.markdownSection("Added", c.added.map { "`\($0.name)` (\($0.kind)\($0.since.map { ", since \($0)" } ?? ""))" })
        lines += Self.markdownSection("Removed", c.removed.map { "`\($0.name)` (\($0.kind))" })
        lines += Self.markdownSection("Changed", c.changed.map { "`\($0.name)` (\($0.kind)): \($0.what)" })
        lines += ["## Swift API", ""] + swift.markdownSections
        if xml != XMLTypeDiff(old: [], new: []) { lines += ["## XML documents", ""] + xml.markdownSections }
        return lines.joined(separator: "\n")
    }

    /// A `###` section listing `items`, or nothing when there are none.
    static func markdownSection(_ title: String, _ items: [String]) -> [String] {
        items.isEmpty ? [] : ["### \(title) (\(items.count))", ""] + items.map { "- \($0)" } + [""]
    }

    private static func compare(_ old: CDeclarations, _ new: CDeclarations) -> CPart {
        var part = CPart()
        for (key, entry) in new.entries.sorted(by: { $0.key < $1.key }) {
            if let previous = old.entries[key] {
                if previous.declaration != entry.declaration {
                    part.changed.append(CChange(
                        kind: key.kind, name: key.name, what: "\(previous.declaration) → \(entry.declaration)"))
                }
            } else {
                part.added.append(CSymbol(kind: key.kind, name: key.name, since: entry.since))
            }
        }
        for (key, entry) in old.entries.sorted(by: { $0.key < $1.key }) where new.entries[key] == nil {
            part.removed.append(CSymbol(kind: key.kind, name: key.name, since: entry.since))
        }
        return part
    }

    private static func compare(_ old: SwiftDeclarations, _ new: SwiftDeclarations) -> SwiftPart {
        var part = SwiftPart()
        for (symbol, signature) in new.signatures.sorted(by: { $0.key < $1.key }) {
            guard let previous = old.signatures[symbol] else {
                part.added.append(symbol)
                continue
            }
            if previous != signature {
                part.changed.append("\(symbol): \(previous) → \(signature)")
                part.sourceBreaking.append("\(symbol) changed: \(previous) → \(signature)")
            }
        }
        for symbol in old.signatures.keys.sorted() where new.signatures[symbol] == nil {
            part.removed.append(symbol)
            if let successor = new.compatibleSuccessor(of: symbol, in: old) {
                part.changed.append("\(symbol) is now \(successor) (the new parameters have defaults)")
            } else {
                part.sourceBreaking.append("\(symbol) was removed")
            }
        }
        for (type, cases) in new.switchableCases.sorted(by: { $0.key < $1.key }) {
            guard let previous = old.switchableCases[type] else { continue }
            for name in cases where !previous.contains(name) {
                part.sourceBreaking.append("new case \(type).\(name): exhaustive switches over \(type) must handle it")
            }
        }
        return part
    }
}

extension SwiftDeclarations {
    /// A function of this package that still accepts every call written against `symbol` of
    /// `old`: the same base name, the old labels first, and defaults for the parameters it adds.
    func compatibleSuccessor(of symbol: String, in old: SwiftDeclarations) -> String? {
        guard let open = symbol.firstIndex(of: "("), symbol.hasSuffix(")"),
              let oldParameters = old.parameters[symbol]
        else { return nil }
        let base = symbol[...open]
        return parameters.keys.sorted().first { candidate in
            guard candidate.hasPrefix(base), old.signatures[candidate] == nil,
                  let newParameters = parameters[candidate], newParameters.count > oldParameters.count,
                  Array(newParameters.prefix(oldParameters.count)).map(\.declaration) == oldParameters.map(\.declaration)
            else { return false }
            return newParameters.dropFirst(oldParameters.count).allSatisfy { $0.defaultValue != nil }
        }
    }
}

/// The C declarations of a set of API files, by kind and name, each as one comparable line.
struct CDeclarations {
    /// A symbol's identity.
    struct Key: Hashable, Comparable {
        let kind: String
        let name: String
        static func < (a: Key, b: Key) -> Bool { (a.kind, a.name) < (b.kind, b.name) }
    }

    /// A symbol's declaration and version.
    struct Entry {
        let declaration: String
        let since: String?
    }

    /// Every symbol.
    private(set) var entries: [Key: Entry] = [:]

    init(_ apis: [CAPI]) {
        for api in apis {
            for f in api.functions {
                let args = f.args.map { "\($0.type) \($0.name)" }.joined(separator: ", ")
                add("function", f.name, "\(f.returnType) \(f.name)(\(args))", f.version)
            }
            for e in api.enumValues { add("enumValue", e.name, "\(e.type) \(e.name) = \(e.value)", e.version) }
            for m in api.macros {
                add("macro", m.name, m.stringValue.map { "\"\($0)\"" } ?? m.rawValue ?? "", m.version)
            }
            for s in api.structs {
                add("struct", s.name, "{ " + s.fields.map { "\($0.type) \($0.name);" }.joined(separator: " ") + " }", s.version)
            }
            for t in api.typedefs { add("typedef", t.name, t.type, t.version) }
        }
    }

    private mutating func add(_ kind: String, _ name: String, _ declaration: String, _ since: String?) {
        entries[Key(kind: kind, name: name)] = Entry(declaration: declaration, since: since)
    }
}

/// The Swift declarations of a binding package, by symbol, each with its signature, and the
/// cases of the enums users switch over.
struct SwiftDeclarations {
    /// Symbol → signature.
    private(set) var signatures: [String: String] = [:]
    /// Open enums (value enums and event enums) → their case names.
    private(set) var switchableCases: [String: [String]] = [:]
    /// Function symbol → its parameters.
    private(set) var parameters: [String: [SwiftParameter]] = [:]

    init(_ package: BindingPackage) {
        for module in package.modules {
            for file in module.files {
                let prefix = file.owner.map { "\($0)." } ?? ""
                if let handle = file.handle { signatures[handle.name] = "final class \(handle.name)" }
                for value in file.enums {
                    let name = prefix + value.name
                    signatures[name] = "enum \(name)"
                    switchableCases[name] = value.cases.map(\.name)
                    for c in value.cases + value.aliases { signatures["\(name).\(c.name)"] = "case = \(c.value)" }
                }
                for set in file.optionSets {
                    let name = prefix + set.name
                    signatures[name] = "struct \(name): OptionSet (\(set.rawType))"
                    for m in set.members { signatures["\(name).\(m.name)"] = "static var = \(m.value)" }
                }
                for s in file.structs {
                    let name = prefix + s.name
                    signatures[name] = "struct \(name) { " + s.fields.map { "\($0.name): \($0.type.spelling)" }.joined(separator: "; ") + " }"
                }
                for family in file.keyFamilies {
                    let name = prefix + family.name
                    signatures[name] = "struct \(name): TypedParameterKey"
                    for key in family.keys { signatures["\(name).\(key.name)"] = "\"\(key.cValue)\"" }
                }
                for function in file.functions {
                    let params = function.parameters.declarationList
                    let effects = function.effects
                    let result = function.returnType.map { " -> \($0.spelling)" } ?? ""
                    signatures[function.swiftSymbol] = "(\(params))\(effects)\(result)"
                    parameters[function.swiftSymbol] = function.parameters
                }
                for view in file.statsViews { addStatsView(view, in: prefix.isEmpty ? "" : String(prefix.dropLast())) }
                if let events = file.events {
                    let name = "\(events.objectType).Event"
                    signatures[name] = "enum \(name)"
                    switchableCases[name] = events.cases.map(\.name)
                    for c in events.cases { signatures["\(name).\(c.name)"] = "case(\(c.payload))" }
                }
            }
        }
        // Declarations that are not bound functions: event methods and hand-written runtime code.
        for symbol in package.symbols {
            if let swift = symbol.swift, signatures[swift] == nil {
                signatures[swift] = symbol.status == .override ? "hand-written" : "generated"
            }
        }
    }
}

extension SwiftDeclarations {
    /// Records a statistics view of `container` (`DomainStatsRecord`), its fields and entries.
    fileprivate mutating func addStatsView(_ view: StatsView, in container: String) {
        let name = "\(container).\(view.name)"
        signatures["\(container).\(view.propertyName)"] = view.isEntry ? "var: [\(view.name)]" : "var: \(view.name)"
        signatures[name] = "struct \(name)"
        for field in view.fields {
            signatures["\(name).\(field.name)"] = "var: \(field.enumType ?? field.valueType ?? "TypedParameterValue")?"
        }
        for entry in view.entries { addStatsView(entry, in: name) }
    }
}
