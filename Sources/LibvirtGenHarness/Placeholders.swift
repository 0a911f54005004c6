import LibvirtGenModel

/// The Swift types of a binding package a placeholder can be made for.
struct PlaceholderTypes: Sendable {
    /// Swift handle class name → C object type (`Domain` → `virDomain`).
    var handles: [String: String] = [:]
    /// Option set names, qualified (`Domain.ModificationImpact`).
    var optionSets: Set<String> = []
    /// Value enum names, qualified, with the Swift name of their first case.
    var enumFirstCases: [String: String] = [:]
    /// Value enums of timeouts in seconds, qualified (their first case may be "block forever").
    var timeouts: Set<String> = []

    /// Indexes the types declared in `package`.
    init(package: BindingPackage) {
        for file in package.modules.flatMap(\.files) {
            let prefix = file.owner.map { "\($0)." } ?? ""
            if let handle = file.handle { handles[handle.name] = handle.cType }
            for set in file.optionSets { optionSets.insert(prefix + set.name) }
            for value in file.enums {
                if let first = value.cases.first { enumFirstCases[prefix + value.name] = first.name }
                if value.countsSeconds { timeouts.insert(prefix + value.name) }
            }
        }
    }
}

/// Placeholder argument values for probes, as Swift source over a fixture named `f`.
enum Placeholders {
    /// Swift integer and floating-point types, which all take `1` (libvirt refuses zero for
    /// many counts, sizes and IDs before it reaches the driver).
    static let numbers: Set<String> = [
        "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double",
    ]

    /// A value for a parameter that the call can be made with: a definition of the function's
    /// kind of object for an `xml:` string (from the fixture), a scratch path for other strings,
    /// one, one-element collections, a made-up typed parameter, an empty option set, one second
    /// for a timeout, the first case of another enum, the fixture's object of a handle type.
    static func value(for parameter: SwiftParameter, function: String, types: PlaceholderTypes) -> String? {
        switch parameter.type {
        case .optional: return "nil"
        case .named("String") where parameter.label == "xml": return "f.xml(for: \"\(function)\")"
        case .named("String") where isPath(parameter): return "f.probeText"
        case .named("String"): return "\"harness-probe\""
        case .array(.named("String")): return "[f.probeText]"
        case .named("Bool"): return "false"
        case .named(let type) where numbers.contains(type): return "1"
        case .array(.named(let type)) where numbers.contains(type): return "[1]"
        case .typedParameters: return "[\"harness\": .uint(1)]"
        case .named(let type) where types.optionSets.contains(type): return "[]"
        case .named(let type) where types.timeouts.contains(type): return ".seconds(1)"
        case .named(let type):
            if let first = types.enumFirstCases[type] { return ".\(first)" }
            if types.handles[type] != nil, ProbePlan.fixtureTypes.contains(type) { return "try f.\(accessor(type))()" }
            return nil
        default: return nil
        }
    }

    /// Whether a string parameter names a file (`to:`, `from:`, `file:`, `path:`), which gets a
    /// path in the scratch folder; other strings get a plain word.
    static func isPath(_ parameter: SwiftParameter) -> Bool {
        let words = [parameter.label, parameter.name].map { $0.lowercased() }
        return words.contains { $0 == "to" || $0 == "from" || $0.contains("file") || $0.contains("path") }
    }

    /// A key no object has, for the one non-defaulted parameter of a lookup.
    static func missingKey(_ type: SwiftType, function: String) -> String? {
        guard let type = type.name else { return nil }
        switch type {
        case "UUID": return "UUID(uuidString: \"00000000-0000-4000-8000-00000000fffe\")!"
        case "String" where function.hasSuffix("MACString"): return "\"52:54:00:ff:ff:fe\""
        case "String" where function.contains("Path") || function.hasSuffix("Key"): return "\"/nonexistent/harness-missing\""
        case "String": return "\"harness-missing\""
        case _ where numbers.contains(type): return "987654"
        default: return nil
        }
    }

    /// The fixture's accessor for a handle type (`StorageVolume` → `storageVolume`).
    static func accessor(_ type: String) -> String {
        type.prefix(1).lowercased() + type.dropFirst()
    }

    /// `StorageVol` → `STORAGE_VOL`, `NWFilterBinding` → `NWFILTER_BINDING`.
    static func upperSnake<S: StringProtocol>(_ name: S) -> String {
        var result = ""
        var previousLower = false
        for character in name {
            if character.isUppercase && previousLower { result.append("_") }
            result += character.uppercased()
            previousLower = character.isLowercase
        }
        return result
    }
}
