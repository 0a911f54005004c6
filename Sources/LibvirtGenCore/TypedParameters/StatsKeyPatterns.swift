import Foundation
import LibvirtGenModel

/// A statistics key libvirt documents, as a pattern: `block.<num>.rd.reqs` is the segments
/// `block`, a number, `rd`, `reqs` (``placeholder`` stands for the number), with its text.
struct StatsKeyPattern: Equatable, Sendable {
    /// The segment that stands for an entry's number (`<num>`, `<index>` in libvirt's text).
    static let placeholder = "#"

    /// The dot-separated segments, numbers as ``placeholder``.
    var segments: [String]
    /// libvirt's description of the value.
    var doc: String
}

/// Where the statistics keys of `virConnectGetAllDomainStats` records come from: libvirt up to
/// 11.1 lists them in that function's text (`"block.<num>.rd.reqs" - number of read requests
/// as unsigned long long.`); from 11.2 each is a string macro (`VIR_DOMAIN_STATS_CPU_TIME` =
/// `cpu.time`), and the keys of numbered entries are prefix and suffix macros to join
/// (`VIR_DOMAIN_STATS_BLOCK_PREFIX` `block.`, a number, `VIR_DOMAIN_STATS_BLOCK_SUFFIX_RD_REQS`
/// `.rd.reqs`), suffixes nesting further prefixes (`…_MONITOR_SUFFIX_BANK_PREFIX` `.bank.`).
enum StatsKeyPatterns {
    /// The patterns the macros starting with `prefix` spell, or those of the function's text
    /// when no macro is a key; duplicates keep the first.
    static func patterns(macros: [CMacro], prefix: String, text: String) -> [StatsKeyPattern] {
        let fromMacros = patterns(macros: macros.filter { $0.name.hasPrefix(prefix) && $0.stringValue != nil }, prefix: prefix)
        var seen: Set<[String]> = []
        return (fromMacros.isEmpty ? patterns(text: text) : fromMacros).filter { seen.insert($0.segments).inserted }
    }

    /// The keys listed in a function's text: a line starting with a quoted key and ` - `, the
    /// description running on over the lines after it until a blank line or the next key. Keys
    /// with a hypervisor-chosen part (`vcpu.<num>.$NAME.$TYPE`) are not patterns.
    static func patterns(text: String) -> [StatsKeyPattern] {
        var found: [StatsKeyPattern] = []
        var current: (key: String, doc: [String])?
        func finish() {
            if let (key, doc) = current, let segments = segments(of: key) {
                found.append(StatsKeyPattern(segments: segments, doc: doc.joined(separator: " ")))
            }
            current = nil
        }
        for line in text.splitting(omittingEmptySubsequences: false, atASCII: { $0 == UInt8(ascii: "\n") }) {
            let trimmed = line.trimmingWhitespace
            if trimmed.hasPrefix("\""), let close = trimmed.dropFirst().firstIndex(of: "\""),
               trimmed[trimmed.index(after: close)...].hasPrefix(" - ") {
                finish()
                let key = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
                current = (key, [String(trimmed[trimmed.index(close, offsetBy: 4)...])])
            } else if trimmed.isEmpty || !(line.first?.isWhitespace ?? false) {
                finish()
            } else {
                current?.doc.append(trimmed)
            }
        }
        finish()
        return found
    }

    /// The keys the string macros spell: plain keys as they are, and every chain from a top-level
    /// `<GROUP>_PREFIX` through nested `_SUFFIX_…_PREFIX` macros to a `_SUFFIX_<FIELD>` one.
    static func patterns(macros: [CMacro], prefix: String) -> [StatsKeyPattern] {
        var found: [StatsKeyPattern] = []
        func expand(_ base: String, segments: [String]) {
            let childPrefix = base + "_SUFFIX_"
            for macro in macros where macro.name.hasPrefix(childPrefix) {
                let rest = macro.name.dropFirst(childPrefix.count)
                guard !String(rest).containsText("_SUFFIX_"), let value = macro.stringValue else { continue }
                let joined = segments + [StatsKeyPattern.placeholder] + value.split(separator: ".").map(String.init)
                if rest.hasSuffix("_PREFIX") {
                    expand(String(macro.name.dropLast("_PREFIX".count)), segments: joined)
                } else {
                    found.append(StatsKeyPattern(segments: joined, doc: macro.info))
                }
            }
        }
        for macro in macros {
            let name = macro.name.dropFirst(prefix.count)
            guard !String(name).containsText("_SUFFIX_"), let value = macro.stringValue else { continue }
            if name.hasSuffix("_PREFIX") {
                expand(String(macro.name.dropLast("_PREFIX".count)), segments: value.split(separator: ".").map(String.init))
            } else if let segments = segments(of: value), segments.count > 1 {
                found.append(StatsKeyPattern(segments: segments, doc: macro.info))
            }
        }
        return found
    }

    /// A key's segments with numbers as ``StatsKeyPattern/placeholder``; nil for a key that is not
    /// a pattern of letters, digits, `_` and `-` (one with `$NAME` or spaces).
    static func segments(of key: String) -> [String]? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return nil }
        var segments: [String] = []
        for part in parts {
            if part.hasPrefix("<") && part.hasSuffix(">") && part.count > 2 {
                segments.append(StatsKeyPattern.placeholder)
            } else if !part.isEmpty, part.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                segments.append(part)
            } else {
                return nil
            }
        }
        return segments
    }
}
