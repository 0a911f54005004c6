import LibvirtGenModel

/// Infers the typed-parameter key types the overrides data does not declare, from names, so that a
/// new libvirt release's typed-parameter API gets typed keys without new overrides.
///
/// The rule: a function whose first argument is a handle and which takes or returns typed
/// parameters has a *subject*, the camel-case words of its name after `vir` without the verbs
/// `Get` and `Set` and without trailing `Parameters`, `Params` and `Flags`
/// (`virDomainGetSchedulerParametersFlags` → `Domain Scheduler`). A string macro that no family of
/// the overrides data places belongs to that function when the leading words of its name after
/// `VIR_` spell the subject, letters compared without case or word breaks (`IOTHREAD` spells
/// `IO Thread`), optionally followed by the word `PARAM`, `PARAMS` or `PARAMETERS`, and at least one
/// word is left for the key (`VIR_DOMAIN_ANNOUNCE_INTERFACE_ROUNDS` ↔ `virDomainAnnounceInterface`,
/// `VIR_DOMAIN_SAVE_PARAM_FILE` ↔ `virDomainSaveParams`). When the subjects of several functions
/// match, the longest prefix wins; the functions whose macros share a prefix form one family. Its
/// Swift type nests in the receiver's class and is named, as the declared ones are, after the
/// subject without the receiver's words, followed by `Parameter` (`Domain.MemoryParameter`,
/// `NetworkPort.Parameter`; a `virNode…` function of a connection keeps `Node`). The declared
/// families always win: the functions they list are not candidates, and the macros their prefixes
/// place are not matched.
struct TypedParameterFamilyInference {
    /// Word rules.
    let naming: Naming
    /// Types across the four files.
    let registry: TypeRegistry
    /// The families from the overrides data.
    let declared: [Overrides.TypedParameterFamily]

    /// The words after `VIR_` that may follow a subject before the key (`VIR_DOMAIN_SAVE_PARAM_`).
    static let parameterWords: Set<String> = ["PARAM", "PARAMS", "PARAMETERS"]

    /// What an inference run found: the families, and the functions whose family could not be named.
    struct Outcome {
        /// The inferred families, sorted by prefix.
        var families: [Overrides.TypedParameterFamily] = []
        /// Functions whose macros matched but whose inferred Swift name is already taken, with that name.
        var collisions: [(function: CFunction, swift: String)] = []
    }

    /// A function that may name a family: its subject words and its receiver.
    private struct Candidate {
        /// The function.
        var function: CFunction
        /// The subject's words (`Domain Scheduler`).
        var subject: [String]
        /// The receiver's handle.
        var receiver: TypeRegistry.Handle

        /// The subject's letters, lowercased, for matching macro words.
        var letters: String { subject.joined().lowercased() }
    }

    /// Families for the string macros `isPlaced` says nothing else places; `takenNames` are the Swift
    /// names already in use (declared families, other types), which an inferred family must not take.
    func infer(_ apis: [CAPI], takenNames: Set<String>, isPlaced: (CMacro) -> Bool) -> Outcome {
        let listed = Set(declared.flatMap(\.functions))
        let candidates = apis.flatMap(\.functions).filter { !listed.contains($0.name) }.compactMap(candidate)
        var functionsByPrefix: [String: [Candidate]] = [:]
        for macro in apis.flatMap(\.macros) where macro.stringValue != nil && !isPlaced(macro) {
            let matches = candidates.compactMap { c in prefix(of: macro.name, spelling: c.letters).map { ($0, c) } }
            guard let longest = matches.map(\.0).max(by: { $0.count < $1.count }) else { continue }
            for (prefix, c) in matches where prefix == longest
                && !(functionsByPrefix[prefix] ?? []).contains(where: { $0.function.name == c.function.name }) {
                functionsByPrefix[prefix, default: []].append(c)
            }
        }
        var outcome = Outcome()
        var taken = takenNames
        for (prefix, members) in functionsByPrefix.sorted(by: { $0.key < $1.key }) {
            let sorted = members.sorted { $0.function.name < $1.function.name }
            let swift = swiftName(sorted[0])
            guard !taken.contains(swift) else {
                outcome.collisions += sorted.map { ($0.function, swift) }
                continue
            }
            taken.insert(swift)
            outcome.families.append(Overrides.TypedParameterFamily(
                swift: swift, prefix: prefix, functions: sorted.map(\.function.name)))
        }
        return outcome
    }

    /// The subject and receiver of a function taking or returning typed parameters through a handle.
    private func candidate(_ function: CFunction) -> Candidate? {
        guard let first = function.args.first,
              let receiver = registry.handle(for: registry.resolve(first.cType)),
              function.args.contains(where: { TypedParameterLowering.cTypes.contains(registry.resolve($0.cType).base) })
        else { return nil }
        var words = Naming.camelWords(String(function.name.dropFirst(function.name.hasPrefix("vir") ? 3 : 0)))
            .filter { $0 != "Get" && $0 != "Set" }
        while let last = words.last, ["Parameters", "Params", "Flags"].contains(last) { words.removeLast() }
        return words.isEmpty ? nil : Candidate(function: function, subject: words, receiver: receiver)
    }

    /// The prefix of a macro name whose words after `VIR_` spell `letters`, with a following
    /// `PARAM` word, when a key word is left after it.
    private func prefix(of macroName: String, spelling letters: String) -> String? {
        let words = Naming.snakeWords(macroName)
        guard words.first == "VIR" else { return nil }
        var spelled = ""
        var end = 1
        while end < words.count, spelled.count < letters.count {
            spelled += words[end].lowercased()
            end += 1
        }
        guard spelled == letters else { return nil }
        if end + 1 < words.count, Self.parameterWords.contains(words[end]) { end += 1 }
        guard end < words.count else { return nil }
        return words[..<end].joined(separator: "_") + "_"
    }

    /// The qualified Swift name of a candidate's family: the receiver's class, then the subject
    /// without the receiver's words and `Parameter` (`virNetworkPortGetParameters` → `NetworkPort.Parameter`).
    private func swiftName(_ candidate: Candidate) -> String {
        let receiverWords = Naming.camelWords(String(candidate.receiver.cType.dropFirst(3)))
        let words = candidate.subject.starts(with: receiverWords)
            ? Array(candidate.subject.dropFirst(receiverWords.count)) : candidate.subject
        return "\(candidate.receiver.swiftName).\(naming.upperCamel(naming.expand(words)))Parameter"
    }
}
