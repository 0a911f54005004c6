import LibvirtGenModel

/// Names Swift types after C types: handles drop `vir`; enums, option sets and structs nest in the
/// handle their C name starts with (`virDomainState` → `Domain.State`, `virDomainXMLFlags` →
/// `Domain.XMLOptions`).
public struct TypeNaming: Sendable {
    /// Word rules.
    public var naming: Naming
    /// Explicit names from the overrides data.
    public var explicit: [String: String]
    /// Handle C types with their Swift names, longest first (so `virDomainSnapshot` wins over `virDomain`).
    public var handlePrefixes: [(cType: String, swift: String)]

    /// Creates the type namer.
    public init(naming: Naming, explicit: [String: String], handles: [String: String]) {
        self.naming = naming
        self.explicit = explicit
        handlePrefixes = handles.map { ($0.key, $0.value) }.sorted {
            $0.cType.count != $1.cType.count ? $0.cType.count > $1.cType.count : $0.cType < $1.cType
        }
    }

    /// The Swift class name of a handle C type (`virStorageVol` → `StorageVolume`).
    public static func handleName(_ cType: String, explicit: [String: String], naming: Naming) -> String {
        if let name = explicit[cType] { return name }
        let words = Naming.camelWords(String(cType.dropFirst(cType.hasPrefix("vir") ? 3 : 0)))
        return naming.upperCamel(naming.expand(words))
    }

    /// The handle whose C name prefixes `cName` at a word boundary, and the rest of the name.
    public func owner(of cName: String) -> (cType: String, swift: String, rest: String)? {
        for (cType, swift) in handlePrefixes where cName.hasPrefix(cType) && cName != cType {
            let rest = String(cName.dropFirst(cType.count))
            if let first = rest.first, first.isUppercase || first.isNumber {
                return (cType, swift, rest)
            }
        }
        return nil
    }

    /// The qualified Swift name of an enum, option set or struct type.
    public func swiftName(of cName: String, isOptionSet: Bool = false) -> String {
        if let name = explicit[cName] { return name }
        let (owner, rest) = owner(of: cName).map { ($0.swift as String?, $0.rest) }
            ?? (nil, String(cName.dropFirst(cName.hasPrefix("vir") ? 3 : 0)))
        var words = naming.expand(Naming.camelWords(rest))
        if isOptionSet {
            var stripped = false
            while let last = words.last, ["Flags", "Flag", "Values"].contains(last) {
                words.removeLast()
                stripped = true
            }
            if stripped { words.append("Options") }
        } else if words.count > 1, words.last == "Struct" || words.last == "Values" {
            words.removeLast()
        }
        var name = naming.upperCamel(words)
        // `Type` cannot name a nested type (it would clash with the `X.Type` metatype expression), nor
        // can the other capitalized keywords.
        if Naming.reservedTypeNames.contains(name) { name = "Kind" }
        return owner.map { "\($0).\(name)" } ?? name
    }
}
