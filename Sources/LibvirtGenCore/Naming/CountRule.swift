/// Counts are `Int` (the Swift API Design Guidelines' integer), whatever C integer carries them:
/// arguments and results (`numberOfDomains`, `vcpuCount()` and `setVCPUs(vcpuCount:)`,
/// `maxVCPUs(type:)`, `setKeepAlive(interval:count:)`), struct fields (`Domain.Info.virtualCPUCount`)
/// and typed statistics (`DomainStatsRecord.Block.count`). Bit patterns, IDs, sizes and times keep
/// libvirt's fixed width.
enum CountRule {
    /// Whether a Swift name (a parameter, or a function's result) names a count: `count`,
    /// `…Count`, or `numberOf…`/`max…` followed by a plural (`numberOfSecrets`, `maxVCPUs`).
    static func isCount(_ name: String) -> Bool {
        let words = Naming.camelWords(name)
        guard let first = words.first, let last = words.last else { return false }
        if last.lowercased() == "count" { return true }
        return words.count > 1 && (first == "number" || first == "max") && last.hasSuffix("s")
    }

    /// Whether a C integer type converts (not `char`-sized bytes, floats or booleans).
    static func isInteger(_ swift: String) -> Bool {
        ["Int32", "UInt32", "Int", "UInt", "Int64", "UInt64", "Int16", "UInt16"].contains(swift)
    }
}
