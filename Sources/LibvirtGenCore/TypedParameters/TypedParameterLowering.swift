import LibvirtGenModel

/// Groups typed-parameter names (string macros) into one key type per libvirt API, names the key
/// type each typed-parameter function uses, and types each name's value where libvirt states it.
struct TypedParameterLowering {
    /// The C types of typed-parameter arrays: `virTypedParameter` and its legacy typedefs.
    static let cTypes: Set<String> = ["virTypedParameter", "virSchedParameter", "virMemoryParameter", "virBlkioParameter"]

    /// Word rules.
    let naming: Naming
    /// The families from the overrides data.
    let declared: [Overrides.TypedParameterFamily]
    /// The families inferred for the macros no declared family places (``TypedParameterFamilyInference``).
    let inferred: [Overrides.TypedParameterFamily]
    /// The value types from the overrides data, by macro name or name prefix.
    let valueTypes: [String: Overrides.TypedParameterValue]

    /// Every family, the declared ones first.
    var families: [Overrides.TypedParameterFamily] { declared + inferred }

    /// The key type a function's typed parameters use; `AnyTypedParameterKey` when no family lists it.
    func keyType(forFunction name: String) -> String {
        families.first { $0.functions.contains(name) }?.swift ?? "AnyTypedParameterKey"
    }

    /// The family a macro belongs to: the declared one with the longest matching prefix, else the
    /// inferred one with the longest matching prefix.
    func family(forMacro name: String) -> Overrides.TypedParameterFamily? {
        Self.longestMatch(name, in: declared) ?? Self.longestMatch(name, in: inferred)
    }

    /// The family of `families` with the longest prefix of `name`.
    static func longestMatch(_ name: String, in families: [Overrides.TypedParameterFamily]) -> Overrides.TypedParameterFamily? {
        families.filter { name.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
    }

    /// The key constant for a string macro of a family; a typed one's documentation names its value
    /// type.
    func key(_ macro: CMacro, in family: Overrides.TypedParameterFamily, docs: DocText) -> KeyConstant {
        let words = Naming.snakeWords(String(macro.name.dropFirst(family.prefix.count)))
        let name = SwiftIdentifier.escaped(naming.lowerCamel(snake: words.isEmpty ? ["Value"] : words))
        let (parts, parameters) = Self.nameParts(of: macro.stringValue ?? "")
        let type = valueType(of: macro)
        var doc = docs.document(macro.info, cName: macro.name, since: macro.version)
        if let type {
            let key = ".\(name.trimmingBackticks)" + (parameters.isEmpty ? "" : "(…)")
            // After the description, as a paragraph of its own.
            let note = "Typed: `parameters[\(key)]` reads and writes `\(type.swift)` values (`\(type.cName)`)."
            doc.body += (doc.body.isEmpty ? [] : [""]) + [note]
        }
        return KeyConstant(
            name: name, cName: macro.name, cValue: macro.stringValue ?? "", nameParts: parts, parameters: parameters,
            valueType: type?.swift, doc: doc)
    }

    /// A name's value type: the overrides data's entry for it or for the longest prefix of it, else
    /// the type its documentation states (``TypedParameterValueType/documented(in:)``).
    func valueType(of macro: CMacro) -> TypedParameterValueType? {
        let entry = valueTypes.filter { $0.key == macro.name || ($0.key.hasSuffix("_") && macro.name.hasPrefix($0.key)) }
            .max { $0.key.count < $1.key.count }
        return entry?.value.type ?? TypedParameterValueType.documented(in: macro.info)
    }

    /// The pieces of a C name that may hold printf conversions (`cputune.vcpupin%u`): each
    /// conversion becomes a parameter that fills its place.
    static func nameParts(of text: String) -> ([KeyNamePart], [SwiftParameter]) {
        var parts: [KeyNamePart] = []
        var parameters: [SwiftParameter] = []
        var chars = Substring(text)
        while let c = chars.first {
            chars.removeFirst()
            if c == "%", let conversion = chars.firstIndex(where: { "dusx".contains($0) }) {
                let spec = chars[...conversion]
                chars = chars[chars.index(after: conversion)...]
                let name = "value\(parameters.count)"
                let type = spec.hasSuffix("s") ? "String" : spec.hasSuffix("d") ? "Int" : "UInt"
                parameters.append(SwiftParameter(label: "_", name: name, type: .named(type), defaultValue: nil, doc: ""))
                parts.append(.parameter(name: name))
            } else if case .text(let previous) = parts.last {
                parts[parts.count - 1] = .text(content: previous + String(c))
            } else {
                parts.append(.text(content: String(c)))
            }
        }
        return (parts, parameters)
    }
}
