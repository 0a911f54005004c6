/// One declaration or macro definition libclang found, as plain values: where it is (byte offsets
/// into its file, for reading the text as written) and what it contains.
struct ClangNode: Sendable {
    /// The cursor kinds the frontend reads (libclang's `CXCursorKind` values).
    enum Kind: Int32, Sendable {
        /// `struct` declaration or definition.
        case structDeclaration = 2
        /// `union` definition (a struct field's type).
        case unionDeclaration = 3
        /// `enum` definition.
        case enumDeclaration = 5
        /// Struct or union field.
        case field = 6
        /// Enum constant.
        case enumConstant = 7
        /// Function declaration.
        case function = 8
        /// Variable declaration.
        case variable = 9
        /// Function or function-pointer parameter.
        case parameter = 10
        /// `typedef`.
        case typedef = 20
        /// `#define`.
        case macro = 501
    }

    /// What it is.
    var kind: Kind
    /// Its name (empty for anonymous enums and unions).
    var name: String
    /// The path of the file it is in.
    var file: String
    /// The 1-based line it starts on.
    var line: Int
    /// Byte offset of its first character.
    var start: Int
    /// Byte offset just past its last character.
    var end: Int
    /// Byte offset of its name.
    var nameOffset: Int
    /// The value, for enum constants.
    var value: Int64?
    /// Its members, parameters or constants.
    var children: [ClangNode]
}
