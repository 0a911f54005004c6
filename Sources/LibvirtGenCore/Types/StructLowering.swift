import LibvirtGenModel

/// Lowers C structs to Swift value structs.
///
/// Two sets: structs of plain values (numbers, enums, fixed-size strings) convert wherever they
/// appear, including out-parameters the caller owns; structs that also hold strings and counted
/// arrays convert where libvirt lends them (callback arguments, results it frees itself).
struct StructLowering {
    /// Word rules.
    let naming: Naming
    /// Types across the files.
    let registry: TypeRegistry
    /// Type names.
    let types: TypeNaming
    /// Enum typedefs that are bit flags.
    let flagEnums: Set<String>
    /// Enums of fields (`struct.field`) whose text does not name one, from the overrides data.
    let fieldEnums: [String: String]
    /// Documentation of fields (`struct.field`) whose text libvirt's API description misplaces, from
    /// the overrides data.
    let fieldDocs: [String: String]

    /// The C structs of plain values, with their Swift names.
    func convertible() -> [String: String] {
        names { s, _ in s.fields.allSatisfy { isPlain($0) } }
    }

    /// The C structs that convert when borrowed (strings and counted arrays allowed), with their Swift names.
    func borrowed() -> [String: String] {
        var accepted = Set(convertible().keys)
        var changed = true
        while changed {
            changed = false
            for (name, s) in registry.structs where !accepted.contains(name) {
                if fieldGroups(s).allSatisfy({ isBorrowable($0, accepted: accepted) }) {
                    accepted.insert(name)
                    changed = true
                }
            }
        }
        return names { _, name in accepted.contains(name) }
    }

    private func names(_ filter: (CStruct, String) -> Bool) -> [String: String] {
        var result: [String: String] = [:]
        for (name, s) in registry.structs where filter(s, name) { result[name] = types.swiftName(of: name) }
        return result
    }

    /// A field, or an array field with the field that counts it.
    private enum FieldGroup {
        case single(CField)
        /// A count field and the array of structs (`virDomainIPAddressPtr`) or strings (`char **`) after it.
        case array(count: CField, elements: CField)
        /// Bytes (`unsigned char *`) and the `…len` field after them.
        case bytes(elements: CField, count: CField)

        /// The C name of the field the Swift property is named after.
        var cName: String {
            switch self {
            case .single(let field), .array(_, let field), .bytes(let field, _): field.name
            }
        }
    }

    private func fieldGroups(_ s: CStruct) -> [FieldGroup] {
        var groups: [FieldGroup] = []
        var index = 0
        while index < s.fields.count {
            let field = s.fields[index]
            let next = index + 1 < s.fields.count ? s.fields[index + 1] : nil
            let type = registry.resolve(field.cType)
            if let next, field.name.hasPrefix("n"), type.pointers == 0, isArrayElements(next) {
                groups.append(.array(count: field, elements: next))
                index += 2
            } else if let next, type.base == "unsigned char", type.pointers == 1, next.name == field.name + "len" {
                groups.append(.bytes(elements: field, count: next))
                index += 2
            } else {
                groups.append(.single(field))
                index += 1
            }
        }
        return groups
    }

    /// Whether a field is an array of structs or of strings.
    private func isArrayElements(_ field: CField) -> Bool {
        let type = registry.resolve(field.cType)
        return (type.pointers == 1 && registry.structs[type.base] != nil) || (type.pointers == 2 && type.base == "char")
    }

    /// Whether a field converts without ownership questions.
    private func isPlain(_ field: CField) -> Bool {
        guard field.unionMembers == nil else { return false }
        let type = registry.resolve(field.cType)
        if let bound = type.arrayBound {
            // Swift imports C arrays of up to 4096 elements (as tuples); larger ones are not visible.
            let count = Int64(bound) ?? registry.macroValues[bound] ?? .max
            return type.base == "char" && type.pointers == 0 && count <= 4096
        }
        return type.pointers == 0 && CScalar.swiftType(type.base) != nil
    }

    private func isBorrowable(_ group: FieldGroup, accepted: Set<String>) -> Bool {
        switch group {
        case .single(let field):
            let type = registry.resolve(field.cType)
            return isPlain(field) || (type.base == "char" && type.pointers == 1 && field.unionMembers == nil)
        case .array(_, let elements):
            let type = registry.resolve(elements.cType)
            return type.base == "char" || accepted.contains(type.base)
        case .bytes:
            return true
        }
    }

    /// The Swift struct for a convertible C struct.
    func lower(_ s: CStruct, docs: DocText, structNames: [String: String]) -> StructType {
        let groups = fieldGroups(s)
        var fields = groups.map { group -> StructField in
            switch group {
            case .array(let count, let elements):
                let (array, length) = (SwiftIdentifier.escaped(elements.name), SwiftIdentifier.escaped(count.name))
                let base = registry.resolve(elements.cType).base
                let (elementType, reading): (String, FieldReading) = base == "char"
                    ? ("String", .strings(cField: array, count: length))
                    : (structNames[base]!, .structs(cField: array, count: length, swiftStruct: structNames[base]!))
                return StructField(
                    name: SwiftIdentifier.escaped(fieldName(elements.name)), type: .array(.named(elementType)), reading: reading,
                    doc: Documentation(body: docs.lines(info(of: elements, in: s))))
            case .bytes(let elements, let count):
                let (bytes, length) = (SwiftIdentifier.escaped(elements.name), SwiftIdentifier.escaped(count.name))
                return StructField(
                    name: SwiftIdentifier.escaped(fieldName(elements.name)), type: .array(.named("UInt8")),
                    reading: .bytes(cField: bytes, count: length),
                    doc: Documentation(body: docs.lines(info(of: elements, in: s))))
            case .single(let field):
                return single(field, of: s, docs: docs)
            }
        }
        // Two C fields whose Swift names coincide (`type` and `Type`): the later one keeps its C name.
        var taken = Set<String>()
        for (index, group) in groups.enumerated() where !taken.insert(fields[index].name).inserted {
            fields[index].name = SwiftIdentifier.escaped(group.cName)
            taken.insert(fields[index].name)
        }
        let swiftName = types.swiftName(of: s.name)
        return StructType(
            name: String(swiftName.split(separator: ".").last!), cName: s.name,
            doc: docs.document(s.info.isEmpty ? "The values of this C structure, copied into Swift." : s.info, cName: s.name, since: s.version),
            fields: fields)
    }

    private func single(_ field: CField, of s: CStruct, docs: DocText) -> StructField {
        let type = registry.resolve(field.cType)
        let name = SwiftIdentifier.escaped(fieldName(field.name))
        let cField = SwiftIdentifier.escaped(field.name)
        let info = info(of: field, in: s)
        let doc = Documentation(body: docs.lines(info))
        if type.arrayBound != nil {
            return StructField(name: name, type: .named("String"), reading: .characterArray(cField: cField), doc: doc)
        }
        if type.pointers == 1 {
            return StructField(name: name, type: .named("String"), reading: .string(cField: cField), doc: doc)
        }
        let swift = CScalar.swiftType(type.base)!
        // An empty override says the field is a plain number although its text names an enum.
        if let enumName = fieldEnums["\(s.name).\(field.name)"] ?? registry.firstEnum(mentionedIn: info),
           !enumName.isEmpty, !flagEnums.contains(enumName) {
            let enumType = types.swiftName(of: enumName)
            return StructField(
                name: name, type: .named(enumType),
                reading: .number(cField: cField, conversion: .enumeration(type: enumType, optionSet: false)), doc: doc)
        }
        if CountRule.isInteger(swift), CountRule.isCount(name) {
            return StructField(name: name, type: .named("Int"), reading: .number(cField: cField, conversion: .count), doc: doc)
        }
        return StructField(name: name, type: .named(swift), reading: .number(cField: cField, conversion: .plain), doc: doc)
    }

    /// A field's documentation: the overrides data's where libvirt's is misplaced, else its own.
    private func info(of field: CField, in s: CStruct) -> String {
        fieldDocs["\(s.name).\(field.name)"] ?? field.info
    }

    /// A field's Swift name: words expanded, a leading `nr` ("number of") turned into a trailing `Count`.
    func fieldName(_ cName: String) -> String {
        var words = naming.expand(Naming.camelWords(cName))
        if words.count > 1, words.first?.lowercased() == "nr" {
            words.removeFirst()
            words.append("Count")
        }
        return Naming.nonEmpty(naming.lowerCamel(words))
    }
}
