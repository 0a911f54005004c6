import LibvirtGenModel

/// Names Swift methods and properties after C functions (DESIGN rules 2–6): the receiver's prefix
/// goes, getters become nouns, `Is`/`Has` stay as assertions, lookups become labelled nouns, and
/// `Define`/`Create` on a connection name the object they make.
public struct MethodNaming: Sendable {
    /// The Swift name and, for lookups, the label of the first Swift parameter.
    public struct Result: Sendable, Equatable {
        /// The base name (`domain`, `info`, `defineDomain`).
        public var name: String
        /// The label the first data parameter takes (`named`, `uuid`), if the rule sets one.
        public var firstLabel: String?
        /// Whether the C name reads as a getter (`Get…`, `Is…`, `Has…`, `NumOf…`).
        public var isGetter: Bool
    }

    /// Word rules.
    public var naming: Naming
    /// Type names.
    public var types: TypeNaming
    /// Explicit renames.
    public var renames: [String: String]

    /// Creates the method namer.
    public init(naming: Naming, types: TypeNaming, renames: [String: String]) {
        self.naming = naming
        self.types = types
        self.renames = renames
    }

    /// Names a function; `receiver` is the handle C type of its first parameter, if any;
    public func name(of cName: String, receiver: String?, resultKind: String? = nil) -> Result {
        let owner = types.owner(of: cName)
        var rest: [String]
        var object: [String] = []
        if let owner {
            rest = Naming.camelWords(owner.rest)
            if owner.cType != receiver {
                // A child object drops the words it shares with its parent: `Domain` + `DomainSnapshot` → `Snapshot`.
                object = Naming.camelWords(owner.swift)
                let parentName = types.handlePrefixes.first { $0.cType == receiver }?.swift ?? ""
                let parent = Naming.camelWords(parentName)
                let shared = zip(object, parent).prefix { $0 == $1 }.count
                if shared < object.count { object.removeFirst(shared) }
            }
        } else {
            rest = Naming.camelWords(String(cName.dropFirst(cName.hasPrefix("vir") ? 3 : 0)))
        }
        rest = naming.expand(rest)
        let result = ruleName(
            rest: rest, object: object, resultKind: resultKind)
        if let renamed = renames[cName] { return Result(name: renamed, firstLabel: nil, isGetter: result.isGetter) }
        return result
    }

    /// Applies the naming rules to the words after the receiver's prefix.
    private func ruleName(
        rest: [String], object: [String], resultKind: String?
    ) -> Result {
        var rest = rest
        var object = object
        // `…Flags` and `…WithFlags` variants share the base name (their options parameter tells them apart);
        // a trailing `With X` becomes the label of the X parameter (`CreateWithFiles` → `start(files:)`).
        if rest.count > 1, rest.last == "Flags" { rest.removeLast() }
        if let with = rest.lastIndex(of: "With"), with > 0 { rest.removeSubrange(with...) }

        // Lookups: `virDomainLookupByName` on a connection → `domain(named:)`.
        if rest.first == "Lookup" {
            let by = rest.firstIndex(of: "By") ?? rest.endIndex
            var key = Array(rest[min(by + 1, rest.endIndex)...])
            var label: String?
            if key == ["Name"] {
                label = "named"
            } else if !key.isEmpty {
                if key.last == "String" { key.removeLast() }
                if key == ["MAC"] { key.append("Address") }
                label = naming.lowerCamel(key)
            }
            let noun = object + Array(rest[1..<by])
            return Result(name: naming.lowerCamel(noun.isEmpty ? ["Lookup"] : noun), firstLabel: label, isGetter: true)
        }
        if rest == ["Create"] && object.isEmpty { return Result(name: "start", firstLabel: nil, isGetter: false) }

        var getter = false
        var words = rest
        if let get = words.firstIndex(of: "Get") {
            words.remove(at: get)
            getter = true
            if words == ["Connect"] { words = ["Connection"] }
        }
        if words.first == "Is" || words.first == "Has" { getter = true }
        // Verb first: a verb inside the name moves to the front (`BlockJobAbort` → `abortBlockJob`,
        // `NodeSetMemoryParameters` → `setNodeMemoryParameters`), unless the name already starts with one.
        if !getter, let first = words.first, !Self.innerVerbs.contains(first),
           let verb = words.indices.dropFirst().first(where: { Self.innerVerbs.contains(words[$0]) }) {
            words.insert(words.remove(at: verb), at: 0)
        }
        // `Migrate` inside a noun phrase or after a verb is the noun `Migration`
        // (`setMigrationMaxSpeed`, `migrationMaxSpeed`, `startMigrationPostCopy`).
        if let migrate = words.firstIndex(of: "Migrate"), migrate > 0 || (getter && words.count > 1) {
            words[migrate] = "Migration"
        }
        if let num = words.firstIndex(of: "Num") {
            getter = true
            words.remove(at: num)
            if num < words.count, words[num] == "Of" { words.remove(at: num) }
            words = ["Number", "Of"] + pluralized(object) + words
            object = []
        }
        if let list = words.firstIndex(of: "List") {
            words.remove(at: list)
            getter = true
            if list < words.count, words[list] == "All" {
                words.remove(at: list)
                words.insert("All", at: 0)
            } else if let kind = resultKind {
                if words.last != kind, words.last != "Names" {
                    words = Array(words.dropLast()) + [singular(words.last ?? ""), kind]
                }
            }
        }
        // UUIDs are `uuid` whatever their C form; MAC strings are addresses.
        if let i = words.firstIndex(of: "UUID"), i + 1 < words.count, words[i + 1] == "String" {
            words.remove(at: i + 1)
        }
        if let i = words.firstIndex(of: "MAC"), i + 1 < words.count, words[i + 1] == "String" {
            words[i + 1] = "Address"
        }
        if !object.isEmpty {
            // `virDomainDefineXML` on a connection → `defineDomain`; a noun phrase keeps the object first.
            if getter || words.isEmpty {
                words = object + words
            } else {
                let verb = words.removeFirst()
                words.removeAll { $0 == "XML" }
                words = [verb] + object + words
            }
        } else if !getter, words.last == "XML", words.count > 1 {
            words.removeLast()
        }
        if words.isEmpty { words = rest }
        return Result(name: Self.withoutVersion(naming.lowerCamel(words)), firstLabel: nil, isGetter: getter)
    }

    /// Verbs that C names put after their object (`BlockJobAbort`, `FDAssociate`,
    /// `AuthorizedSSHKeysSet`) and Swift names put first.
    static let innerVerbs: Set<String> = ["Abort", "Allocate", "Associate", "Begin", "Remove", "Set", "Start"]

    /// A name without the C API's version number (`migrate3` → `migrate`): libvirt numbers a
    /// function's newer forms, and the bindings bind one form per operation under one name (the
    /// overrides data excludes the superseded forms).
    public static func withoutVersion(_ name: String) -> String {
        guard let last = name.last, last.isNumber, name.count > 1 else { return name }
        return String(name.reversed().drop { $0.isNumber }.reversed())
    }

    /// Whether a name already reads as an assertion (`isActive`, `hasMetadata`): such an `int`
    /// function answers 1 / 0 / -1, and such a property needs no rewording.
    public static func readsAsAssertion(_ name: String) -> Bool {
        ["is", "has", "can", "should"].contains(Naming.camelWords(name).first ?? "")
    }

    /// A Boolean property's name as an assertion about its receiver: `isActive` and `hasMetadata`
    /// stay, a noun becomes `is…Enabled` (`autostart` → `isAutostartEnabled`).
    public static func assertion(_ name: String) -> String {
        if readsAsAssertion(name) { return name }
        return "is" + name.prefix(1).uppercased() + name.dropFirst() + "Enabled"
    }

    private func pluralized(_ words: [String]) -> [String] {
        guard let last = words.last else { return words }
        return Array(words.dropLast()) + [last.hasSuffix("s") ? last : last + "s"]
    }

    private func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s") && !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }
}
