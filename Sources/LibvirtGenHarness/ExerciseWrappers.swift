import LibvirtGenCore
import LibvirtGenModel

/// The C wrappers through which the harness's runner calls libvirt: one `__wrap_NAME` per bound
/// function, linked in with `ld --wrap=NAME`, so every call the bindings make is counted with its
/// outcome, whatever Swift code made it and whichever link mode the package uses.
///
/// The wrappers need no libvirt header: at the ABI level every pointer (object handles, strings,
/// structs, callbacks) is passed alike, so they declare pointers as `void *`, enums as `int`, and
/// keep C's scalar types.
public struct ExerciseWrappers: Sendable {
    /// One wrapped function.
    public struct Wrapped: Sendable, Equatable {
        /// The C function.
        public var name: String
        /// The ABI-level return type (`void`, `int`, `void *`, ...).
        public var returnType: String
        /// The ABI-level parameter types.
        public var parameterTypes: [String]
    }

    /// The wrapped functions, in the order of their counter slots.
    public let functions: [Wrapped]

    /// Plans wrappers for `names` (the bound functions), reading their prototypes from `apis`.
    ///
    /// - Throws: `DiagnosticError` naming the function when a type cannot be passed through.
    public init(names: [String], apis: [CAPI]) throws {
        let resolver = ABITypeResolver(apis: apis)
        let byName = Dictionary(apis.flatMap(\.functions).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        functions = try names.map { name in
            guard let function = byName[name] else {
                throw DiagnosticError("the bound function \(name) is not in the API description")
            }
            do {
                return Wrapped(
                    name: name, returnType: try resolver.abiType(function.returnType, parsed: function.returnCType),
                    parameterTypes: try function.args.map { try resolver.abiType($0.type, parsed: $0.cType) })
            } catch let error as ABITypeResolver.Unsupported {
                throw DiagnosticError(
                    "cannot wrap \(name): its type '\(error.type)' has no ABI equivalent", at: function.location)
            }
        }
    }

    /// The linker arguments for `swift build`: `-Xlinker --wrap=NAME` for every function.
    public var linkerArguments: [String] {
        functions.map { "--wrap=\($0.name)" }
    }

    /// The wrappers' C source: the name table the recorder reports with and one wrapper each.
    public func source() -> String {
        var lines = [
            "// Written by libvirt-swiftgen harness: one counting wrapper per bound libvirt function.",
            "#include <stddef.h>", "#include \"CExercise.h\"", "",
            "/// How many functions are wrapped.",
            "const int hx_function_count = \(functions.count);", "",
            "/// The wrapped functions' names, by counter slot.",
            "const char *const hx_function_names[] = {",
        ]
        lines += functions.map { "    \"\($0.name)\"," }
        lines += ["};", ""]
        for (index, function) in functions.enumerated() {
            let parameters = function.parameterTypes.enumerated().map { "\($1) a\($0)" }
            let list = parameters.isEmpty ? "void" : parameters.joined(separator: ", ")
            let arguments = function.parameterTypes.indices.map { "a\($0)" }.joined(separator: ", ")
            let call = "__real_\(function.name)(\(arguments))"
            let returnsValue = function.returnType != "void"
            lines += [
                "\(function.returnType) __real_\(function.name)(\(list));",
                "\(function.returnType) __wrap_\(function.name)(\(list)) {",
                "    hx_enter(\(index));",
                returnsValue ? "    \(function.returnType) result = \(call);" : "    \(call);",
                "    hx_leave(\(index));",
            ]
            if returnsValue { lines.append("    return result;") }
            lines += ["}", ""]
        }
        return lines.joined(separator: "\n")
    }
}

/// Reduces a C type spelled in the API description to the type a wrapper passes it as.
struct ABITypeResolver {
    /// A type with no plain ABI equivalent (a struct passed by value, an unknown name).
    struct Unsupported: Error {
        /// The C type as spelled.
        var type: String
    }

    /// Typedefs by name (the type of an enum typedef is `enum`).
    private let typedefs: [String: CTypedef]
    /// Function-pointer type names.
    private let functionTypes: Set<String>

    /// Indexes the typedefs and function types of `apis`.
    init(apis: [CAPI]) {
        typedefs = Dictionary(apis.flatMap(\.typedefs).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        functionTypes = Set(apis.flatMap(\.functypes).map(\.name))
    }

    /// The ABI-level spelling of `type` (`parsed`): `void *` for pointers, `int` for enums, the
    /// scalar otherwise.
    func abiType(_ type: String, parsed: CType) throws -> String {
        if parsed.pointers > 0 || parsed.arrayBound != nil || type.contains("(*") { return "void *" }
        return try abiBase(parsed.base, original: type)
    }

    /// Resolves a base type name through typedefs.
    private func abiBase(_ base: String, original: String) throws -> String {
        if base == "void" || CScalar.swiftType(base) != nil { return base }
        if base == "ssize_t" { return "long" }
        if functionTypes.contains(base) { return "void *" }
        guard let aliased = typedefs[base] else { throw Unsupported(type: original) }
        if aliased.type == "enum" { return "int" }
        return try abiType(aliased.type, parsed: aliased.cType)
    }
}
