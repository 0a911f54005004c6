import LibvirtGenModel

/// Static patterns on an error type, one per case of its code enum, so that a catch clause names
/// a code directly: `catch LibvirtError.noDomain` matches what `catch LibvirtError.code(.noDomain)`
/// does (the runtime's `~=` compares the code of any thrown `LibvirtError`).
enum ErrorPatternLowering {
    /// The patterns for the cases and aliases of `codes`, declared on `owner` and named like the
    /// case; `patternType` is the runtime's pattern type, created from a case.
    static func patterns(for codes: ValueEnum, owner: String, patternType: String) -> [ErrorPattern] {
        (codes.cases + codes.aliases).map { code in
            var doc = code.doc
            let summary = "Matches a `\(owner)` whose code is `\(owner).\(codes.name).\(code.label)`, in `catch` clauses "
                + "and `switch` cases."
            doc.body = [summary] + (doc.body.isEmpty ? [] : [""] + doc.body)
            return ErrorPattern(name: code.name, cName: code.cName, patternType: patternType, code: code.name, doc: doc)
        }
    }
}
