import LibvirtGenModel

/// Lowers C structs whose fields are all plain values (numbers, enums, fixed-size strings) to Swift structs.
struct StructLowering {
    /// Word rules.
    let naming: Naming
    /// Types across the files.
    let registry: TypeRegistry
    /// Type names.
    let types: TypeNaming
    /// Enum typedefs that are bit flags.
    let flagEnums: Set<String>

    /// The C structs that convert, with their Swift names.
    func convertible() -> [String: String] {
        var result: [String: String] = [:]
        for (name, s) in registry.structs where s.fields.allSatisfy(isPlain) {
            result[name] = types.swiftName(of: name)
        }
        return result
    }

    /// Whether a field converts without ownership questions.
    private func isPlain(_ field: CField) -> Bool {
        guard field.unionMembers == nil else { return false }
        let type = registry.resolve(CType.parse(field.type))
        if let bound = type.arrayBound {
            // Swift imports C arrays of up to 4096 elements (as tuples); larger ones are not visible.
            let count = Int64(bound) ?? registry.macroValues[bound] ?? .max
            return type.base == "char" && type.pointers == 0 && count <= 4096
        }
        return type.pointers == 0 && CScalar.swiftType(type.base) != nil
    }

    /// The Swift struct for a convertible C struct.
    func lower(_ s: CStruct, docs: DocText) -> StructType {
        let fields = s.fields.map { field -> StructField in
            let type = registry.resolve(CType.parse(field.type))
            let name = Naming.identifier(fieldName(field.name))
            let access = "c.\(field.name)"
            let doc = docs.lines(field.info)
            if type.arrayBound != nil {
                return StructField(name: name, type: "String", conversion: "String(cCharTuple: \(access))", doc: doc)
            }
            let swift = CScalar.swiftType(type.base)!
            if let enumName = registry.firstEnum(mentionedIn: field.info), !flagEnums.contains(enumName) {
                let enumType = types.swiftName(of: enumName)
                return StructField(
                    name: name, type: enumType,
                    conversion: "\(enumType)(rawValue: Int32(truncatingIfNeeded: \(access)))", doc: doc)
            }
            return StructField(name: name, type: swift, conversion: access, doc: doc)
        }
        let swiftName = types.swiftName(of: s.name)
        return StructType(
            name: String(swiftName.split(separator: ".").last!), cName: s.name,
            doc: docs.lines(s.info.isEmpty ? "The values of a `\(s.name)`." : s.info)
                + docs.footer(cName: s.name, since: s.version),
            fields: fields)
    }

    /// A field's Swift name: words expanded, a leading `nr` ("number of") turned into a trailing `Count`.
    func fieldName(_ cName: String) -> String {
        var words = naming.expand(Naming.camelWords(cName))
        if words.count > 1, words.first?.lowercased() == "nr" {
            words.removeFirst()
            words.append("Count")
        }
        return naming.lowerCamel(words)
    }
}
