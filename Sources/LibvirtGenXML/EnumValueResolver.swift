import LibvirtGenModel

/// Resolves enum values written as the name of another constant (`VIR_DOMAIN_AFFECT_LIVE`).
enum EnumValueResolver {
    /// Returns the APIs with every enum value numeric; throws on a reference to an unknown constant.
    static func resolve(_ apis: [CAPI]) throws -> [CAPI] {
        var numeric: [String: Int64] = [:]
        var pending: [String: CEnumValue] = [:]
        for value in apis.flatMap(\.enumValues) {
            if let number = Int64(value.rawValue) {
                numeric[value.name] = number
            } else {
                pending[value.name] = value
            }
        }
        func value(of name: String, from origin: CEnumValue, depth: Int) throws -> Int64 {
            if let known = numeric[name] { return known }
            guard depth < 16, let next = pending[name] else {
                throw DiagnosticError(
                    "enum value '\(origin.name)' refers to unknown constant '\(origin.rawValue)'", at: origin.location)
            }
            let resolved = try value(of: next.rawValue, from: origin, depth: depth + 1)
            numeric[name] = resolved
            return resolved
        }
        return try apis.map { api in
            var api = api
            api.enumValues = try api.enumValues.map { entry in
                var entry = entry
                entry.value = try value(of: entry.name, from: entry, depth: 0)
                return entry
            }
            return api
        }
    }
}
