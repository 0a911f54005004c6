import LibvirtGenModel

/// A generated error pattern (`LibvirtError.noDomain`) must not take the name of a public member the
/// hand-written runtime declares beside it (`code`, `message`): `LibvirtError.message` would read as
/// the stored property. A libvirt release adding such a code is an error, at its constant, until
/// the overrides data's `renames` gives its case another name.
enum ErrorPatternNames {
    /// Throws when a pattern is named like a public member declared in a runtime file of its module
    /// that declares or extends the pattern's owner type.
    static func check(_ runtime: [RuntimeDependencies.RuntimeFile], package: BindingPackage, apis: [CAPI]) throws {
        for module in package.modules {
            for file in module.files where !file.errorPatterns.isEmpty {
                guard let owner = file.owner else { continue }
                let members = runtime.filter { $0.module.name == module.name && declares(owner, in: $0.text) }
                    .reduce(into: Set<String>()) { $0.formUnion(publicMembers(in: $1.text)) }
                for pattern in file.errorPatterns where members.contains(pattern.name.filter { $0 != "`" }) {
                    let value = apis.lazy.flatMap(\.enumValues).first { $0.name == pattern.cName }
                    throw DiagnosticError(
                        "the error pattern \(owner).\(pattern.name) for \(pattern.cName) has the name of a member the "
                            + "hand-written runtime declares; give its case another name in the overrides data's renames",
                        at: value?.location)
                }
            }
        }
    }

    /// Whether Swift source declares or extends `type` (`struct LibvirtError`, `extension LibvirtError`).
    static func declares(_ type: String, in text: String) -> Bool {
        let words = SourceWords(text)
        let keywords: Set<String> = ["struct", "enum", "class", "actor", "extension"]
        return words.indices.dropLast().contains { keywords.contains(words[$0].text) && words[$0 + 1].text == type }
    }

    /// The names of the properties and functions Swift source declares `public` (`public var code`,
    /// `public static func code(_:)`, `public private(set) var level`).
    static func publicMembers(in text: String) -> Set<String> {
        let words = SourceWords(text)
        let modifiers: Set<String> = ["static", "final", "nonisolated", "override", "private", "set", "class"]
        var names: Set<String> = []
        for i in words.indices where words[i].text == "public" {
            var j = i + 1
            while j < words.count, modifiers.contains(words[j].text) { j += 1 }
            if j + 1 < words.count, ["var", "let", "func"].contains(words[j].text) { names.insert(words[j + 1].text) }
        }
        return names
    }
}
