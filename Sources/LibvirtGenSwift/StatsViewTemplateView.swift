import LibvirtGenModel
import LibvirtGenTemplating

/// What `statsView.mustache` interpolates for one ``StatsView``: its accessor and its struct,
/// with the views it contains already rendered (``nested``, indented).
struct StatsViewTemplateView: TemplateView {
    /// One field's declaration parts.
    struct Field: TemplateView {
        /// The property name.
        let name: String
        /// Its Swift type, without the optional.
        let type: String
        /// The expression after `keys.` that reads it.
        let read: String
        /// The whole key, for the documentation.
        let keyPattern: String
        /// libvirt's description.
        let doc: String
    }

    /// The struct name.
    let name: String
    /// The accessor's name.
    let propertyName: String
    /// The key segments the accessor passes on.
    let keyPath: String
    /// The key prefix as libvirt writes it.
    let keyPattern: String
    /// Whether it is a numbered entry.
    let isEntry: Bool
    /// Its fields.
    let fields: [Field]
    /// The contained views, rendered and indented.
    let nested: [String]

    /// The view of `view`, whose contained views rendered as `nested`.
    init(_ view: StatsView, nested: [String]) {
        name = view.name
        propertyName = view.propertyName
        keyPath = view.keyPath
        keyPattern = view.keyPattern
        isEntry = view.isEntry
        self.nested = nested
        fields = view.fields.map { field in
            let read: String
            if let valueType = field.valueType {
                let value = "value(\"\(field.key)\", as: \(valueType).self)"
                read = field.enumType.map { "\(value).map(\($0).init(rawValue:))" }
                    ?? (field.isCount ? "\(value).map(Int.init)" : value)
            } else {
                read = "rawValue(\"\(field.key)\")"
            }
            let type = field.enumType ?? (field.isCount ? "Int" : field.valueType ?? "TypedParameterValue")
            return Field(name: field.name, type: type, read: read,
                         keyPattern: field.keyPattern, doc: field.doc)
        }
    }
}
