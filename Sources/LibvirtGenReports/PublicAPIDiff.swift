import Foundation

extension APIDiff.SwiftPart {
    /// Compares the public declarations of two built packages (``PublicAPI``), for example the
    /// bindings two versions of the generator wrote for one libvirt release. A declaration gone
    /// is reported as replaced by its successors (``successors(of:_:under:among:in:)``), its
    /// members then follow it silently; a path whose declarations differ as changed; every
    /// removal, replacement and change, and every new case of an enum that existed, breaks
    /// users' source.
    public init(old: PublicAPI, new: PublicAPI) {
        self.init()
        let appeared = Set(new.entries.keys.filter { old.entries[$0] == nil })
        var successors: [String: [String]] = [:]
        let gone = old.entries.keys.filter { new.entries[$0] == nil }
            .sorted { ($0.split(separator: ".").count, $0) < ($1.split(separator: ".").count, $1) }
        for path in gone {
            let parent = Self.parent(of: path)
            let newParent = parent.flatMap { successors[$0]?.count == 1 ? successors[$0]![0] : nil }
            if let newParent, new.entries[newParent + "." + Self.name(of: path)] != nil {
                successors[path] = [newParent + "." + Self.name(of: path)]
                continue  // moved with its container, whose rename is listed
            }
            let found = Self.successors(of: path, old.entries[path]!, under: newParent ?? parent, among: appeared, in: new)
            if found.isEmpty {
                removed.append(path)
                sourceBreaking.append("`\(path)` was removed")
            } else {
                successors[path] = found
                let text = "`\(path)` is now `\(found.joined(separator: "` or `"))`"
                changed.append(text)
                sourceBreaking.append(text)
            }
        }
        let renameTargets = Set(successors.values.joined())
        for path in new.entries.keys.sorted() {
            let entry = new.entries[path]!
            guard let previous = old.entries[path] else {
                guard !renameTargets.contains(path) else { continue }
                added.append(path)
                if entry.kind == "swift.enum.case", let parent = Self.parent(of: path), old.entries[parent]?.kind == "swift.enum" {
                    sourceBreaking.append("new case `\(path)`: exhaustive switches over `\(parent)` must handle it")
                }
                continue
            }
            let lost = previous.declarations.subtracting(entry.declarations)
            guard !lost.isEmpty else { continue }
            var gained = entry.declarations.subtracting(previous.declarations)
            // An async overload beside its synchronous twin is an addition, not the change.
            gained = gained.filter { !($0.contains(" async ") && gained.contains($0.replacingOccurrences(of: " async ", with: " "))) }
            let text = "`\(path)`: `\(lost.sorted().joined(separator: "`, `"))` → "
                + (gained.isEmpty ? "gone" : "`\(gained.sorted().joined(separator: "`, `"))`")
            changed.append(text)
            sourceBreaking.append(text)
        }
    }

    /// The new paths that replace `path`: those whose documentation names the same C symbols (a
    /// function renamed, or split into several), else the one new sibling under `container` whose
    /// name spells out the old one (`rdReq` → `readRequests`, `hwaddr` → `hardwareAddress`).
    private static func successors(
        of path: String, _ entry: PublicAPI.Entry, under container: String?, among appeared: Set<String>, in new: PublicAPI
    ) -> [String] {
        if !entry.cSymbols.isEmpty {
            let sameSymbols = appeared.filter { new.entries[$0]!.cSymbols == entry.cSymbols }
            // A throwing property's async twin is the method of the same name: the property is the successor.
            let twins = sameSymbols.filter { $0.hasSuffix("()") && sameSymbols.contains(String($0.dropLast(2))) }
            if !sameSymbols.isEmpty { return sameSymbols.subtracting(twins).sorted() }
        }
        guard let container else { return [] }
        let expansions = appeared.filter { candidate in
            parent(of: candidate) == container && new.entries[candidate]!.kind == entry.kind
                && spellsOut(baseName(of: name(of: path)), as: baseName(of: name(of: candidate)))
        }
        return expansions.count == 1 ? Array(expansions) : []
    }

    /// Whether `long` could be `short` written out or recased: a different name with the same
    /// first letter, in which the letters of `short` appear in order, whatever their case.
    static func spellsOut(_ short: String, as long: String) -> Bool {
        guard short != long else { return false }
        let letters = Array(long.lowercased())
        guard let first = short.lowercased().first, letters.first == first else { return false }
        var index = letters.startIndex
        for character in short.lowercased() {
            guard let found = letters[index...].firstIndex(of: character) else { return false }
            index = found + 1
        }
        return true
    }

    /// The last component of a path, labels included.
    private static func name(of path: String) -> String {
        parent(of: path).map { String(path.dropFirst($0.count + 1)) } ?? path
    }

    /// A name without its argument labels.
    private static func baseName(of name: String) -> String {
        String(name.prefix { $0 != "(" })
    }

    /// The path of the declaration that contains `path`'s, if any (dots inside argument labels'
    /// parentheses do not count).
    private static func parent(of path: String) -> String? {
        let head = path.prefix { $0 != "(" }
        guard let dot = head.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }
}
