/// A parsed C type string: base name, pointer depth, constness, array bound. The C model parses
/// each type once, where it is made (`CArg.cType`, `CField.cType`, `CFunction.returnCType`).
public struct CType: Sendable, Hashable, CustomStringConvertible {
    /// The base type name with qualifiers removed (`unsigned long long`, `virDomain`).
    public var base: String
    /// The number of `*` levels.
    public var pointers: Int
    /// Whether the pointee is `const`.
    public var isConst: Bool
    /// The array bound for array fields (`VIR_UUID_BUFLEN`).
    public var arrayBound: String?

    /// Creates a type.
    public init(base: String, pointers: Int, isConst: Bool, arrayBound: String? = nil) {
        self.base = base
        self.pointers = pointers
        self.isConst = isConst
        self.arrayBound = arrayBound
    }

    /// Parses a type string from the description: `const char **`, `char field[LEN]`, `unsigned long long int`.
    public static func parse(_ text: String) -> CType {
        // Split as UTF-8 bytes (C type spellings are ASCII); this runs for every argument of every function.
        var body = Array(text.utf8)[...]
        var bound: String?
        if let open = body.firstIndex(of: UInt8(ascii: "[")), let close = body.lastIndex(of: UInt8(ascii: "]")),
           open < close {
            bound = String(decoding: body[(open + 1)..<close], as: UTF8.self)
            body = body[..<open]
        }
        let pointers = body.count(where: { $0 == UInt8(ascii: "*") })
        var words = body.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "*") })
            .map { String(decoding: $0, as: UTF8.self) }
        let isConst = words.contains("const")
        words.removeAll { $0 == "const" || $0 == "struct" || $0 == "enum" }
        if bound != nil, words.count > 1 { words.removeLast() }  // `char field[N]`: drop the field name
        if words.count > 1, words.last == "int", words.dropLast().allSatisfy(Self.sizeWords.contains) {
            words.removeLast()  // `long long int` → `long long`
        }
        return CType(base: words.joined(separator: " "), pointers: pointers, isConst: isConst, arrayBound: bound)
    }

    /// Words that may precede `int` in a builtin type.
    private static let sizeWords: Set<String> = ["unsigned", "signed", "long", "short"]

    /// The C spelling, normalized.
    public var description: String {
        (isConst ? "const " : "") + base + (pointers > 0 ? " " + String(repeating: "*", count: pointers) : "")
            + (arrayBound.map { "[\($0)]" } ?? "")
    }

    /// The same type with one more or fewer pointer level.
    public func adding(pointers extra: Int) -> CType {
        CType(base: base, pointers: pointers + extra, isConst: isConst, arrayBound: arrayBound)
    }
}
