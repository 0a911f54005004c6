import LibvirtGenCore
import LibvirtGenModel

/// The differences between the C models of the same libvirt version read by the two frontends
/// (API XML and C headers), symbol by symbol.
///
/// Compared: which library and header group declares each function, function type, enum value,
/// macro, typedef, struct and variable, and its types, values, parameters, fields and version.
/// Not compared: documentation, and what only the XML knows about functions: their versions, the
/// `.c` file libvirt defines them in, access checks, and parameter names (the XML takes them from
/// the definitions, which name the parameters of 45 functions differently from the prototypes in
/// 9.0.0). Function types keep their parameter names, which both read from the headers. A macro's
/// replacement text is compared where both record one (libvirt's XML leaves it empty for some
/// function-like macros).
public struct FrontendDiff: Sendable {
    /// One line per difference, in a stable order; empty when the models agree.
    public private(set) var differences: [String] = []
    /// How many symbols were compared.
    public private(set) var symbolCount = 0

    /// Compares the model read from the API XML with the one read from the headers.
    public init(xml: [CAPI], headers: [CAPI]) {
        let left = Self.fingerprints(xml), right = Self.fingerprints(headers)
        let keys = Set(left.keys).union(right.keys)
        symbolCount = keys.count
        for key in keys.sorted() {
            switch (left[key], right[key]) {
            case let (xml?, headers?):
                differences += Self.compare(key, xml, headers)
            case (.some, nil):
                differences.append("\(key): only in the API XML")
            default:
                differences.append("\(key): only in the headers")
            }
        }
    }

    /// What is compared of one symbol: named properties in a fixed order.
    typealias Fingerprint = [(property: String, value: String)]

    private static func compare(_ key: String, _ xml: Fingerprint, _ headers: Fingerprint) -> [String] {
        zip(xml, headers).compactMap { left, right in
            guard left.value != right.value else { return nil }
            if left.property == "raw", left.value.isEmpty || right.value.isEmpty { return nil }
            return "\(key): \(left.property): API XML '\(left.value)', headers '\(right.value)'"
        }
    }

    /// Every symbol of the model by `kind name`.
    static func fingerprints(_ apis: [CAPI]) -> [String: Fingerprint] {
        var result: [String: Fingerprint] = [:]
        for api in apis {
            func add(_ kind: String, _ name: String, file: String, _ properties: Fingerprint) {
                result["\(kind) \(name)"] = [("library", api.name), ("file", file)] + properties
            }
            for f in api.functions {
                add("function", f.name, file: f.file, [
                    ("return type", f.returnType), ("argument types", f.args.map(\.type).joined(separator: ", ")),
                ])
            }
            for f in api.functypes {
                add("functype", f.name, file: f.file, [
                    ("return type", f.returnType), ("arguments", arguments(f.args)), ("version", f.version ?? "-"),
                ])
            }
            for e in api.enumValues {
                add("enum", e.name, file: e.file, [
                    ("type", e.type), ("value", String(e.value)), ("bitshift", e.bitshift.map(String.init) ?? "-"),
                    ("version", e.version ?? "-"),
                ])
            }
            for m in api.macros {
                add("macro", m.name, file: m.file, [
                    ("params", m.params?.joined(separator: ", ") ?? "-"), ("string", m.stringValue ?? "-"),
                    ("raw", m.rawValue ?? ""), ("version", m.version ?? "-"),
                ])
            }
            for t in api.typedefs {
                add("typedef", t.name, file: t.file, [("type", t.type), ("version", t.version ?? "-")])
            }
            for s in api.structs {
                add("struct", s.name, file: s.file, [
                    ("type", s.type), ("fields", fields(s.fields)), ("version", s.version ?? "-"),
                ])
            }
            for v in api.variables {
                add("variable", v.name, file: v.file, [("type", v.type), ("version", v.version ?? "-")])
            }
        }
        return result
    }

    private static func arguments(_ args: [CArg]) -> String {
        args.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
    }

    private static func fields(_ fields: [CField]) -> String {
        fields.map { field in
            field.unionMembers.map { "\(field.name): union { \(Self.fields($0)) }" } ?? "\(field.name): \(field.type)"
        }.joined(separator: "; ")
    }
}
