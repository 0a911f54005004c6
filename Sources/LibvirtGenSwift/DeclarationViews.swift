import LibvirtGenModel
import LibvirtGenTemplating

// Views of declarations whose documentation or code the Swift renderer spells from the model's
// meaning: structs, handle classes, option sets, value and detail enums.

/// A converted C struct's view: each field with the expression that reads it from the C value `c`.
struct StructView: TemplateView {
    /// A field's view.
    struct Field: TemplateView {
        /// The Swift name.
        let name: String
        /// The Swift type.
        let type: String
        /// The expression that reads it from the C value `c`.
        let conversion: String
        /// The lines of its `///` comment.
        let doc: [String]
    }
    /// The Swift name.
    let name: String
    /// The C name.
    let cName: String
    /// The lines of its `///` comment.
    let doc: [String]
    /// The stored properties.
    let fields: [Field]

    /// The view of the model's value.
    init(_ s: StructType) {
        name = s.name
        cName = s.cName
        doc = DocumentationComment.lines(s.doc)
        fields = s.fields.map {
            Field(
                name: $0.name, type: $0.type.spelling, conversion: CallSpelling.reading($0.reading),
                doc: DocumentationComment.lines($0.doc))
        }
    }
}

/// A handle class's view: the class's names and functions, with its identity spelled as the
/// expression over `self` that `Hashable` compares.
struct HandleView: TemplateView {
    /// The Swift name.
    let name: String
    /// The C pointer typedef.
    let cPointerType: String
    /// The C function that drops the reference.
    let freeFunction: String
    /// The C function that takes a reference, where the API has one.
    let refFunction: String?
    /// The C function that ends an active transfer before the last reference goes, where one is needed.
    let abortFunction: String?
    /// Whether the class is a connection users close explicitly.
    let closable: Bool
    /// Whether the module's objects check that their connection was not closed.
    let objectsCheckClosing: Bool
    /// The borrowing C getters that lead from the object to its connection.
    let connectionGetters: [String]
    /// The expression over `pointer` that `Hashable` compares.
    let identityExpression: String
    /// The lines of its `///` comment.
    let doc: [String]

    /// The view of the model's value.
    init(_ handle: HandleClass) {
        name = handle.name
        cPointerType = handle.cPointerType
        freeFunction = handle.freeFunction
        refFunction = handle.refFunction
        abortFunction = handle.abortFunction
        closable = handle.closable
        objectsCheckClosing = handle.objectsCheckClosing
        connectionGetters = handle.connectionGetters
        doc = DocumentationComment.lines(handle.doc)
        let identity = Self.expression(handle.identity)
        identityExpression = handle.identityConnectionGetter
            .map { "String(UInt(bitPattern: \($0)(pointer))) + \"/\" + (\(identity))" } ?? identity
    }

    /// The expression of an identity, over `pointer`.
    static func expression(_ identity: HandleIdentity) -> String {
        switch identity {
        case .uuid(let getter): "uuidIdentity(pointer, \(getter))"
        case .string(let getter): "\(getter)(pointer).map { String(cString: $0) } ?? \"\""
        case .number(let getter): "String(\(getter)(pointer))"
        case .child(let parent, let parentUUID, let name):
            "(\(parent)(pointer).map { uuidIdentity($0, \(parentUUID)) } ?? \"\") + \"/\" + "
                + "(\(name)(pointer).map { String(cString: $0) } ?? \"\")"
        case .address: "String(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(pointer))))"
        }
    }
}

/// An option set's view: each member with the expression of its bits (`[]` for zero).
struct OptionSetView: TemplateView {
    /// A member's view.
    struct Member: TemplateView {
        /// The Swift name.
        let name: String
        /// The expression of the member's bits.
        let initializer: String
        /// The lines of its `///` comment.
        let doc: [String]
    }
    /// The Swift name.
    let name: String
    /// The raw value's Swift type.
    let rawType: String
    /// The lines of its `///` comment.
    let doc: [String]
    /// The members.
    let members: [Member]

    /// The view of the model's value.
    init(_ set: OptionSetType) {
        name = set.name
        rawType = set.rawType
        doc = DocumentationComment.lines(set.doc)
        members = set.members.map {
            Member(
                name: $0.name, initializer: $0.value == "0" ? "[]" : "Self(rawValue: \($0.value))",
                doc: DocumentationComment.lines($0.doc))
        }
    }
}

/// A value enum's view: its cases and aliases with their documentation as comment lines.
struct ValueEnumView: TemplateView {
    /// A case's or an alias's view.
    struct Case: TemplateView {
        /// The Swift name.
        let name: String
        /// The case name as a value prints it.
        let label: String
        /// The C value, in decimal.
        let value: String
        /// For an alias, the case it stands for.
        let aliasOf: String?
        /// The lines of its `///` comment.
        let doc: [String]

        /// The view of the model's value.
        init(_ item: EnumCase) {
            name = item.name
            label = item.label
            value = item.value
            aliasOf = item.aliasOf
            doc = DocumentationComment.lines(item.doc)
        }
    }
    /// The Swift name.
    let name: String
    /// The lines of its `///` comment.
    let doc: [String]
    /// The cases.
    let cases: [Case]
    /// The aliases.
    let aliases: [Case]
    /// Whether any positive number of seconds is a value too.
    let countsSeconds: Bool

    /// The view of the model's value.
    init(_ value: ValueEnum) {
        name = value.name
        doc = DocumentationComment.lines(value.doc)
        cases = value.cases.map(Case.init)
        aliases = value.aliases.map(Case.init)
        countsSeconds = value.countsSeconds
    }
}

/// A detail enum's view: its documentation as comment lines, the rest as the model has it.
struct DetailEnumView: TemplateView {
    /// The Swift name.
    let name: String
    /// The lines of its `///` comment.
    let doc: [String]
    /// The Swift type of the value that selects the number's type.
    let selectorType: String
    /// The initializer's label for the selecting value.
    let selectorLabel: String
    /// The initializer's label for the number.
    let valueLabel: String
    /// The initializer's documentation.
    let initializerDoc: String
    /// The `other` case's documentation.
    let otherDoc: String
    /// The cases.
    let cases: [DetailCase]

    /// The view of the model's value.
    init(_ detail: DetailEnum) {
        name = detail.name
        doc = DocumentationComment.lines(detail.doc)
        selectorType = detail.selectorType
        selectorLabel = detail.selectorLabel
        valueLabel = detail.valueLabel
        initializerDoc = detail.initializerDoc
        otherDoc = detail.otherDoc
        cases = detail.cases
    }
}
