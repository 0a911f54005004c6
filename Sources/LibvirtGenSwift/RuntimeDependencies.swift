import LibvirtGenModel

/// The nested types the hand-written runtime names (`Connection.Credential`, `DataStream.EventType`) must be
/// declared: an API description that renames or drops the C type behind one would give a package
/// that does not compile, so it is an error instead.
enum RuntimeDependencies {
    /// One runtime source file of a module.
    struct RuntimeFile {
        /// The module it belongs to.
        var module: BindingModule
        /// The file name.
        var name: String
        /// Its Swift source.
        var text: String
    }

    /// Throws, at the module's description file, when a runtime file names `Owner.Type` for an owner
    /// the package generates but no declaration of that type exists, generated or in the runtime.
    static func check(_ runtime: [RuntimeFile], package: BindingPackage, apis: [CAPI]) throws {
        var declared: [String: Set<String>] = [:]
        for file in package.modules.flatMap(\.files) {
            guard let owner = file.owner else { continue }
            let names = file.enums.map(\.name) + file.optionSets.map(\.name) + file.structs.map(\.name)
                + file.keyFamilies.map(\.name)
            declared[owner, default: []].formUnion(names)
        }
        let ownDeclarations = Set(runtime.flatMap { Self.declaredNames(in: $0.text) })
        for file in runtime {
            for (owner, name) in Self.nestedTypeReferences(in: file.text) {
                guard let names = declared[owner], !names.contains(name), !ownDeclarations.contains(name) else {
                    continue
                }
                let location = file.module.api(in: apis)?.location
                throw DiagnosticError(
                    "the hand-written runtime (\(file.name)) uses \(owner).\(name), which this API description "
                        + "does not declare", at: location)
            }
        }
    }

    /// The names declared by `struct`, `enum`, `class`, `typealias` or `protocol` in Swift source.
    static func declaredNames(in text: String) -> [String] {
        let words = SourceWords(text)
        let keywords: Set<String> = ["struct", "enum", "class", "typealias", "protocol"]
        return words.indices.dropLast().compactMap { i in
            let (keyword, next) = (words[i], words[i + 1])
            guard keywords.contains(keyword.text), next.start > keyword.end,
                  words.isSpace(from: keyword.end, to: next.start) else { return nil }
            return next.text
        }
    }

    /// The `Owner.Type` references of Swift source: a word starting with an uppercase letter, a dot,
    /// and another such word; the second word does not start another reference.
    static func nestedTypeReferences(in text: String) -> [(owner: String, name: String)] {
        let words = SourceWords(text)
        var references: [(owner: String, name: String)] = []
        var i = 0
        while i + 1 < words.count {
            let (owner, name) = (words[i], words[i + 1])
            if owner.startsUppercase, name.startsUppercase, name.start == owner.end + 1,
               words.byte(at: owner.end) == UInt8(ascii: ".") {
                references.append((owner.text, name.text))
                i += 2
            } else {
                i += 1
            }
        }
        return references
    }
}

/// The words (maximal runs of ASCII letters, digits and `_`) of a source text, with their byte ranges.
struct SourceWords {
    /// One word.
    struct Word {
        /// The word.
        let text: String
        /// Its first byte's offset.
        let start: Int
        /// The offset after its last byte.
        let end: Int
        /// Whether it starts with an ASCII uppercase letter.
        var startsUppercase: Bool { text.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false }
    }

    /// The text's bytes.
    private let bytes: [UInt8]
    /// The words in order.
    private let words: [Word]

    /// Splits a text into words.
    init(_ text: String) {
        let bytes = Array(text.utf8)
        var words: [Word] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i].isIdentifierByte else { i += 1; continue }
            let start = i
            while i < bytes.count, bytes[i].isIdentifierByte { i += 1 }
            words.append(Word(text: String(decoding: bytes[start..<i], as: UTF8.self), start: start, end: i))
        }
        self.bytes = bytes
        self.words = words
    }

    /// The number of words.
    var count: Int { words.count }
    /// The word positions.
    var indices: Range<Int> { words.indices }
    /// The word at a position.
    subscript(_ i: Int) -> Word { words[i] }
    /// The byte at an offset (nil past the end).
    func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
    /// Whether the bytes in `start..<end` are all spaces, tabs or line breaks.
    func isSpace(from start: Int, to end: Int) -> Bool {
        bytes[start..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
