import LibvirtGenModel

/// Swift naming rules for libvirt's C names (DESIGN: types drop `vir`/`Ptr` and expand
/// abbreviations; cases drop the common prefix and are lowerCamelCase; acronyms are cased uniformly).
public struct Naming: Sendable {
    /// Word substitutions applied to every name (`Desc` → `Description`), matched whatever the
    /// case of the C spelling (`desc`, `Desc` and `DESC` all expand), so that struct fields
    /// (`rd_req`), functions (`GetXMLDesc`) and constants (`_DESC`) read alike.
    public var abbreviations: [String: String]
    /// Words written in capitals when not first (`XML`, `UUID`); all lowercase when first. An
    /// acronym followed by `s` is its plural (`VCPUs`, `IDs`).
    public var acronyms: Set<String>

    /// The abbreviations as uppercased word lists by their first word, longest first, for matching.
    private let abbreviationWords: [String: [(words: [String], expansion: [String])]]

    /// Creates the naming rules from the overrides data.
    public init(abbreviations: [String: String], acronyms: [String]) {
        self.abbreviations = abbreviations
        self.acronyms = Set(acronyms)
        abbreviationWords = abbreviations
            .map { (Naming.camelWords($0.key).map { $0.uppercased() }, Naming.camelWords($0.value), $0.key) }
            .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.2 < $1.2 }
            .reduce(into: [:]) { index, entry in
                if let first = entry.0.first { index[first, default: []].append((entry.0, entry.1)) }
            }
    }

    /// Splits a CamelCase identifier into words, keeping acronyms together: `GetXMLDesc` → `Get XML Desc`.
    public static func camelWords(_ name: String) -> [String] {
        // Classified as ASCII bytes: C identifiers are ASCII (the frontends reject others), and
        // this runs for every name the bindings derive.
        let bytes = Array(name.utf8)
        var words: [String] = []
        var start = 0
        for (i, c) in bytes.enumerated() {
            if c == UInt8(ascii: "_") {
                if start < i { words.append(String(decoding: bytes[start..<i], as: UTF8.self)) }
                start = i + 1
                continue
            }
            if start < i {
                let prev = bytes[i - 1]
                let next = i + 1 < bytes.count ? bytes[i + 1] : nil
                let startsWord =
                    (c.isASCIIUppercase && prev.isASCIILowercase)
                    || (c.isASCIIUppercase && prev.isASCIIUppercase && next?.isASCIILowercase ?? false)
                    || (c.isASCIIDigit != prev.isASCIIDigit && !(prev.isASCIIUppercase && c.isASCIIDigit))
                if startsWord {
                    words.append(String(decoding: bytes[start..<i], as: UTF8.self))
                    start = i
                }
            }
        }
        if start < bytes.count { words.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return words
    }

    /// Splits an upper-snake constant into words: `VIR_DOMAIN_RUNNING` → `VIR DOMAIN RUNNING`.
    public static func snakeWords(_ name: String) -> [String] {
        name.splitting { $0 == UInt8(ascii: "_") }
    }

    /// Applies abbreviation expansion; a key may span several words (`NWFilter` matches `NW Filter`).
    public func expand(_ words: [String]) -> [String] {
        let upper = words.map { $0.uppercased() }
        var result: [String] = []
        var i = 0
        while i < words.count {
            if let match = abbreviationWords[upper[i]]?.first(where: { upper[i...].starts(with: $0.words) }) {
                result += match.expansion
                i += match.words.count
            } else {
                result.append(words[i])
                i += 1
            }
        }
        return result
    }

    /// Joins words as lowerCamelCase with acronyms uniform: `[Get, XML, Desc]` → `getXMLDesc`, `[UUID]` → `uuid`.
    public func lowerCamel(_ words: [String]) -> String {
        var out = ""
        for (i, word) in words.enumerated() where !word.isEmpty {
            if i == 0 {
                out += word.lowercased() == word || acronymSpelling(word) != nil || word == word.uppercased()
                    ? word.lowercased() : lowerFirst(word)
            } else {
                out += acronymSpelling(word) ?? upperFirst(word)
            }
        }
        return out
    }

    /// Joins words as UpperCamelCase with acronyms uniform.
    public func upperCamel(_ words: [String]) -> String {
        words.map { acronymSpelling($0) ?? upperFirst($0) }.joined()
    }

    /// Converts an upper-snake word list to UpperCamel-able words: `RUNNING` → `Running`, `XML` and
    /// `VCPUS` (`VCPUs`) kept as acronyms.
    public func fromSnake(_ words: [String]) -> [String] {
        words.map { word in
            acronymSpelling(word) ?? word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
    }

    /// An upper-snake word list as a lowerCamelCase name, abbreviations expanded:
    /// `[CPU, IOTHREAD, QUOTA]` → `cpuIOThreadQuota`.
    public func lowerCamel(snake words: [String]) -> String {
        lowerCamel(expand(fromSnake(words)))
    }

    /// How an acronym word is written when not first: `vcpu` → `VCPU`, `Vcpus` → `VCPUs`; nil for
    /// a word that is not an acronym.
    func acronymSpelling(_ word: String) -> String? {
        let upper = word.uppercased()
        if acronyms.contains(upper) { return upper }
        if upper.count > 2, upper.hasSuffix("S"), acronyms.contains(String(upper.dropLast())) {
            return String(upper.dropLast()) + "s"
        }
        return nil
    }

    /// `name`, or `unnamed` when a C name made only of underscores left no words (`_`).
    public static func nonEmpty(_ name: String) -> String {
        name.isEmpty ? "unnamed" : name
    }

    /// Capitalized keywords that cannot name a type even in backticks (`Domain.Type` is the metatype).
    public static let reservedTypeNames: Set<String> = ["Type", "Protocol", "Self", "Any"]

    private func upperFirst(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    private func lowerFirst(_ word: String) -> String {
        word.prefix(1).lowercased() + word.dropFirst()
    }
}
