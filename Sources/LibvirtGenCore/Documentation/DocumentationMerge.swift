import LibvirtGenModel

/// Completes a model read from the C headers with what only the API XML of the same release says:
/// documentation of every symbol, and for functions their versions, the `.c` file libvirt defines
/// them in, access checks and parameter names (libvirt keeps all of these in its `.c` files, not
/// in the headers). Declarations, types and values stay the headers'.
public enum DocumentationMerge {
    /// The header model with the XML's documentation; symbols the XML lacks are kept as they are.
    public static func merge(_ headers: [CAPI], documentation xml: [CAPI]) -> [CAPI] {
        let functions = index(xml.flatMap { $0.functions + $0.functypes }, by: \.name)
        let enumValues = index(xml.flatMap(\.enumValues), by: \.name)
        let macros = index(xml.flatMap(\.macros), by: \.name)
        let declarations = index(xml.flatMap { $0.typedefs + $0.variables }, by: \.name)
        let structs = index(xml.flatMap(\.structs), by: \.name)
        let files = index(xml, by: \.name)
        return headers.map { api in
            var api = api
            api.files = files[api.name]?.files ?? api.files
            api.functions = documented(api.functions, from: functions, apply: documentFunction)
            api.functypes = documented(api.functypes, from: functions, apply: documentFunction)
            api.enumValues = documented(api.enumValues, from: enumValues) { $0.info = $1.info }
            api.macros = documented(api.macros, from: macros) { $0.info = $1.info }
            api.typedefs = documented(api.typedefs, from: declarations) { $0.info = $1.info }
            api.variables = documented(api.variables, from: declarations) { $0.info = $1.info }
            api.structs = documented(api.structs, from: structs) { target, source in
                target.info = source.info
                target.fields = documentFields(target.fields, from: source.fields)
            }
            return api
        }
    }

    private static func documentFunction(_ target: inout CFunction, _ source: CFunction) {
        target.info = source.info
        target.returnInfo = source.returnInfo
        target.version = target.version ?? source.version
        target.module = source.module
        target.acls = source.acls
        guard target.args.count == source.args.count else { return }
        target.args = zip(target.args, source.args).map { CArg(name: $1.name, type: $0.type, info: $1.info) }
    }

    private static func documentFields(_ fields: [CField], from source: [CField]) -> [CField] {
        let byName = index(source, by: \.name)
        return fields.map { field in
            guard let documented = byName[field.name] else { return field }
            var field = field
            field.info = documented.info
            if let members = field.unionMembers {
                field.unionMembers = documentFields(members, from: documented.unionMembers ?? [])
            }
            return field
        }
    }

    private static func documented<Symbol>(
        _ symbols: [Symbol], from source: [String: Symbol], apply: (inout Symbol, Symbol) -> Void
    ) -> [Symbol] where Symbol: Named {
        symbols.map { symbol in
            guard let documented = source[symbol.name] else { return symbol }
            var symbol = symbol
            apply(&symbol, documented)
            return symbol
        }
    }

    private static func index<Element>(_ elements: [Element], by name: KeyPath<Element, String>) -> [String: Element] {
        Dictionary(elements.map { ($0[keyPath: name], $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A model value with a C name.
protocol Named {
    /// The C name.
    var name: String { get }
}

extension CFunction: Named {}
extension CEnumValue: Named {}
extension CMacro: Named {}
extension CTypedDeclaration: Named {}
extension CStruct: Named {}
