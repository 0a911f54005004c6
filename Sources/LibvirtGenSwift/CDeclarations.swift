import Foundation
import LibvirtGenModel

/// The C side of the dynamic link mode: a header that declares libvirt's API from the model (so
/// the package builds without libvirt's headers) and a shim whose functions resolve the real ones
/// from the shared libraries on first use.
struct CDeclarations {
    /// The one C module of a dynamically linked package.
    static let cModule = "CLibvirt"

    /// The shared library that holds a module's functions (`libvirt.so.0`).
    static func library(forLinkName name: String) -> String { "lib\(name).so.0" }

    /// The four APIs with the shared library of each and what each function's wrapper returns
    /// when that library lacks it.
    let apis: [(api: CAPI, library: String, missingResults: [String: MissingFunctionResult])]

    /// The header: macros, struct tags, enums, typedefs, function types, struct bodies, prototypes.
    func header() -> [String] {
        let all = apis.map(\.api)
        var lines = ["#include <stddef.h>", ""]
        for macro in all.flatMap(\.macros) where macro.params == nil && macro.stringValue == nil {
            if let raw = macro.rawValue, !raw.isEmpty { lines.append("#define \(macro.name) \(raw)") }
        }
        lines.append("")
        var tags: Set<String> = []
        for s in all.flatMap(\.structs) {
            lines.append("typedef \(s.type) \(s.name);")
            tags.insert(s.type)
        }
        var enums: [String: [CEnumValue]] = [:]
        for value in all.flatMap(\.enumValues) { enums[value.type, default: []].append(value) }
        for t in all.flatMap(\.typedefs) where t.type == "enum" {
            let values = (enums[t.name] ?? []).map { "    \($0.name) = \($0.value)," }
            lines += ["typedef enum {"] + values + ["} \(t.name);"]
        }
        for t in all.flatMap(\.typedefs) where t.type != "enum" && !tags.contains(t.type) {
            lines.append("typedef \(declarator(t.type, name: t.name));")
        }
        for f in orderedFunctypes(all.flatMap(\.functypes)) {
            lines.append("typedef \(f.returnType) (*\(f.name))(\(parameters(f)));")
        }
        lines.append("")
        var defined: Set<String> = []
        for s in orderedStructs(all.flatMap(\.structs)) where !s.fields.isEmpty && !defined.contains(s.type) {
            defined.insert(s.type)
            lines.append("\(s.type) {")
            for field in s.fields { lines.append("    \(fieldDeclaration(field));") }
            lines.append("};")
        }
        lines.append("")
        for f in all.flatMap(\.functions) { lines.append("\(f.returnType) \(f.name)(\(parameters(f)));") }
        lines += ["", "/// The function the calling thread last found missing, and the version that added it; clears it.",
                  "int lvs_take_missing(const char **name, const char **version);"]
        return lines
    }

    /// The shim: one lazily resolving wrapper per function, hidden so libvirt never binds to it.
    func shim() -> [String] {
        var lines = [
            "#include <dlfcn.h>", "#include \"CLibvirt.h\"", "",
            "/// Opens a shared library once (or finds it missing) and resolves one symbol from it.",
            "static void *lvs_symbol(const char *library, const char *symbol) {",
            "    void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);",
            "    return handle ? dlsym(handle, symbol) : NULL;",
            "}", "",
            "static __thread const char *lvs_missing_name;",
            "static __thread const char *lvs_missing_version;", "",
            "/// The function the calling thread last found missing, and the version that added it; clears it.",
            "__attribute__((visibility(\"hidden\"))) int lvs_take_missing(const char **name, const char **version) {",
            "    *name = lvs_missing_name; *version = lvs_missing_version;",
            "    lvs_missing_name = NULL; lvs_missing_version = NULL;",
            "    return *name != NULL;",
            "}", "",
        ]
        for (api, library, missingResults) in apis {
            for f in api.functions {
                let types = f.args.map(\.type).joined(separator: ", ")
                let pointer = "\(f.returnType) (*)(\(types.isEmpty ? "void" : types))"
                let call = "fn(\(f.args.map(\.name).joined(separator: ", ")))"
                let failure = missingResults[f.name].flatMap(Self.spelling)
                lines += [
                    "__attribute__((visibility(\"hidden\"))) \(f.returnType) \(f.name)(\(parameters(f))) {",
                    "    static \(declarator(pointer, name: "fn")) = NULL;",
                    "    if (!fn) fn = (\(pointer))lvs_symbol(\"\(library)\", \"\(f.name)\");",
                    "    if (!fn) { lvs_missing_name = \"\(f.name)\"; lvs_missing_version = \(f.version.map { "\"\($0)\"" } ?? "NULL"); return\(failure.map { " (\(f.returnType))\($0)" } ?? ""); }",
                    "    \(failure == nil ? "" : "return ")\(call);",
                    "}",
                ]
            }
        }
        return lines
    }

    /// The C spelling of a missing function's result; nil for `void`.
    private static func spelling(_ result: MissingFunctionResult) -> String? {
        switch result {
        case .nothing: nil
        case .null: "NULL"
        case .minusOne: "-1"
        case .zero: "0"
        }
    }

    /// A parameter list (`void` when empty).
    private func parameters(_ f: CFunction) -> String {
        f.args.isEmpty ? "void" : f.args.map { declarator($0.type, name: $0.name) }.joined(separator: ", ")
    }

    /// A declaration of `name` with a C type string, including function-pointer types.
    private func declarator(_ type: String, name: String) -> String {
        if let star = type.range(of: "(*)") {
            return type.replacingCharacters(in: star, with: "(*\(name))")
        }
        return "\(type) \(name)"
    }

    /// A struct field: arrays already carry their name in the type; unions are spelled out.
    private func fieldDeclaration(_ field: CField) -> String {
        if let members = field.unionMembers {
            return "union { " + members.map { "\(fieldDeclaration($0)); " }.joined() + "} \(field.name)"
        }
        return field.type.contains("[") ? field.type : declarator(field.type, name: field.name)
    }

    /// Function types ordered so that one taking another as an argument comes after it.
    private func orderedFunctypes(_ functypes: [CFunction]) -> [CFunction] {
        let names = Set(functypes.map(\.name))
        var pending = functypes
        var emitted: Set<String> = []
        var ordered: [CFunction] = []
        while !pending.isEmpty {
            let ready = pending.filter { f in
                f.args.allSatisfy { arg in
                    let base = arg.cType.base
                    return !names.contains(base) || emitted.contains(base)
                }
            }
            let next = ready.isEmpty ? pending : ready  // a cycle cannot be declared; keep input order
            ordered += next
            emitted.formUnion(next.map(\.name))
            pending.removeAll { emitted.contains($0.name) }
        }
        return ordered
    }

    /// Structs ordered so that a struct holding another by value comes after it.
    private func orderedStructs(_ structs: [CStruct]) -> [CStruct] {
        let byName = Dictionary(structs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var done: Set<String> = []
        var ordered: [CStruct] = []
        func visit(_ s: CStruct) {
            guard !done.contains(s.name) else { return }
            done.insert(s.name)
            for field in s.fields where !field.type.contains("*") {
                if let inner = byName[field.cType.base] { visit(inner) }
            }
            ordered.append(s)
        }
        structs.forEach(visit)
        return ordered
    }
}
