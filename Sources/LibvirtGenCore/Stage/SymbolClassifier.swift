import LibvirtGenModel

/// Gives every function and macro that the lowering does not bind its status and reason, from the
/// overrides data and the runtime's own needs.
struct SymbolClassifier {
    /// Overrides data.
    let overrides: Overrides
    /// Every function name of the four files.
    let functionNames: Set<String>
    /// Functions the runtime's handle classes call (Free, Ref, Close).
    let lifecycleFunctions: Set<String>

    /// The status of a function the lowering should not bind, or nil when it should.
    func status(ofFunction name: String) -> (SymbolStatus.Status, String, swift: String?)? {
        if let hand = overrides.handWritten[name] { return (.override, hand.reason, hand.swift) }
        if lifecycleFunctions.contains(name) {
            return (.internal, "handle classes free and retain their libvirt object themselves", nil)
        }
        if let reason = overrides.internal[name] { return (.internal, reason, nil) }
        if let (_, reason) = overrides.internalPrefixes.first(where: { name.hasPrefix($0.key) }) {
            return (.internal, reason, nil)
        }
        if let reason = overrides.excluded[name] { return (.excluded, reason, nil) }
        if name.hasSuffix("UUIDString"), functionNames.contains(String(name.dropLast("String".count))) {
            // One form per operation: the raw-bytes twin is bound as a Foundation `UUID`.
            let twin = String(name.dropLast("String".count))
            return (.excluded, "superseded by \(twin), bound with a Foundation UUID (its uuidString is the text)", nil)
        }
        return nil
    }

    /// The status of a macro decided by data or by its role in the runtime, or nil when the
    /// lowering binds it (typed-parameter names, numeric constants).
    func status(ofMacro macro: CMacro) -> (SymbolStatus.Status, String?)? {
        if let reason = overrides.excludedMacros[macro.name] { return (.excluded, reason) }
        if macro.name.hasSuffix("BUFLEN") || macro.name.hasSuffix("FIELD_LENGTH") {
            return (.internal, "buffer size the runtime uses when it converts C values")
        }
        if macro.name == "LIBVIR_VERSION_NUMBER" { return (.generated, nil) }
        return nil
    }
}
