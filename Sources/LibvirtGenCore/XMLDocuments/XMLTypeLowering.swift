import LibvirtGenModel

/// Lowers a document's RELAX NG grammar to typed views (the mapping the XML article documents):
/// an element with attributes or child elements is a view, nested in the view of the element
/// that first holds it; an element holding only text is a value property of its parent, an empty
/// one a flag; the branches of a choice merge into one view whose properties are all optional,
/// except those of a choice selected by an attribute's value (a disk's `type`), which become the
/// cases of an enum, each holding a view of its branch; repeated elements are arrays; value lists
/// are open named values or booleans; a number with a `unit` attribute is a size. Element patterns
/// with the same content share one view, which is how recursion ends; an element that is another
/// document kind's root (a snapshot's `domain`) is that document's type.
public struct XMLTypeLowering: Sendable {
    /// The naming rules (abbreviations and acronyms) names are spelled with.
    let naming: Naming

    /// Creates the lowering with the naming rules.
    public init(naming: Naming) {
        self.naming = naming
    }

    /// A view to lower: its path, its element's name and path, and its content patterns.
    private struct Pending {
        /// The view's Swift path.
        var path: [String]
        /// Its element's name.
        var elementName: String
        /// The element names from the root to it.
        var elementPath: [String]
        /// Its element's content patterns.
        var contents: [RNGPattern]
        /// For a variant's view: the attribute and values selecting it.
        var selector: XMLVariantSelector? = nil
        /// For a variant's view: its element's child order.
        var childOrder: [String]? = nil
        /// For a variant's view: the attributes its element's view models instead.
        var excludedAttributes: Set<String> = []
        /// For a variant's view: the child elements its element's view models instead.
        var excludedChildren: Set<String> = []
    }

    /// The views of the document `spec` describes, read from `grammar` (its schema).
    public func lower(_ grammar: RNGGrammar, spec: XMLDocumentSpec) throws -> XMLDocumentTypes {
        guard let root = grammar.rootElements().first, root != "*" else {
            throw DiagnosticError("the schema starts with no named element", at: SourceLocation(file: spec.schema, line: 0))
        }
        var pending = [Pending(path: [spec.type], elementName: root, elementPath: [root], contents: rootContents(root, grammar))]
        var known: [[RNGPattern]: [String]] = [pending[0].contents: pending[0].path]
        var views: [XMLViewType] = []
        let occurrences = XMLOccurrenceCache()
        while !pending.isEmpty {
            let item = pending.removeFirst()
            let (view, variantViews) = lowerView(item, grammar: grammar, occurrences: occurrences) { name, contents, typeName in
                if let document = spec.embeds?[name] { return [document] }
                if let path = known[contents] { return path }
                let path = item.path + [typeName()]
                known[contents] = path
                pending.append(Pending(path: path, elementName: name, elementPath: item.elementPath + [name], contents: contents))
                return path
            }
            views.append(view)
            pending += variantViews
        }
        return XMLDocumentTypes(spec: spec, rootElement: root, views: views)
    }

    /// One view: its properties, named values and variants, with the views of its variants to
    /// lower; `viewPath` gives (and schedules) the view of a child element with the given name and
    /// content patterns, calling its last argument for the type name a new view gets in this one.
    /// `occurrences` is the document's cache of what the grammar's definitions hold.
    private func lowerView(
        _ item: Pending, grammar: RNGGrammar, occurrences: XMLOccurrenceCache,
        viewPath: (String, [RNGPattern], () -> String) -> [String]
    ) -> (XMLViewType, [Pending]) {
        let analysis = XMLVariantAnalysis(item.contents, grammar: grammar, occurrences: occurrences)
        let summary = XMLContentSummary(item.contents, grammar: grammar, variants: analysis, occurrences: occurrences)
            .filtered(attributes: { !item.excludedAttributes.contains($0) }, children: { !item.excludedChildren.contains($0) })
        var names = UniqueNames(taken: ["xml", "schema", "elementName"])
        var typeNames = UniqueNames(taken: Naming.reservedTypeNames.union([item.path.last ?? ""]))
        var properties: [XMLProperty] = []
        var namedValues: [XMLNamedValues] = []
        func value(for kind: XMLValueInference.Kind, named xmlName: String) -> XMLPropertyValue {
            switch kind {
            case .string: return .string
            case .integer: return .integer
            case .unsignedInteger: return .unsignedInteger
            case .number: return .number
            case .uuid: return .uuid
            case .boolean(let onOff): return .boolean(onOff: onOff)
            case .names(let values):
                let typeName = typeNames.claim(self.typeName(xmlName), orElse: self.typeName(xmlName) + "Value")
                namedValues.append(XMLNamedValues(name: typeName, values: namedValueCases(values)))
                return .named(path: item.path + [typeName])
            }
        }
        for (name, patterns) in summary.attributes {
            let kind = XMLValueInference.kind(of: patterns, grammar: grammar)
            properties.append(XMLProperty(
                name: names.claim(memberName(name)), xmlName: name, place: .attribute, value: value(for: kind, named: name)))
        }
        if !summary.text.isEmpty {
            let kind = XMLValueInference.kind(of: summary.text, grammar: grammar)
            properties.append(XMLProperty(name: names.claim("value"), xmlName: "", place: .text, value: value(for: kind, named: "value")))
        }
        for child in summary.children {
            let childSummary = XMLContentSummary(child.contents, grammar: grammar, occurrences: occurrences)
            let member = child.repeated ? plural(memberName(child.name)) : memberName(child.name)
            let propertyName = names.claim(member, orElse: member + "Element")
            let place: XMLProperty.Place = child.repeated ? .children : .child
            let propertyValue: XMLPropertyValue
            if childSummary.isTextOnly && !childSummary.text.isEmpty {
                propertyValue = value(for: XMLValueInference.kind(of: childSummary.text, grammar: grammar), named: child.name)
            } else if childSummary.isTextOnly && !child.repeated {
                propertyValue = .flag
            } else {
                propertyValue = .view(path: viewPath(child.name, child.contents) {
                    typeNames.claim(typeName(child.name), orElse: typeName(child.name) + "Element")
                })
            }
            properties.append(XMLProperty(name: propertyName, xmlName: child.name, place: place, value: propertyValue))
        }
        guard let analysis else {
            let holdsSize = summary.children.isEmpty && !summary.hasAnyElements
                && properties.contains { $0.place == .attribute && $0.xmlName == "unit" && $0.value == .string }
                && properties.contains { $0.place == .text && $0.value == .unsignedInteger }
                && !properties.contains { $0.name == "size" }
            let view = XMLViewType(
                path: item.path, elementName: item.elementName, elementPath: item.elementPath, properties: properties,
                namedValues: namedValues, selector: item.selector, childOrder: item.childOrder, holdsSize: holdsSize)
            return (view, [])
        }
        let order = item.childOrder
            ?? XMLContentSummary(item.contents, grammar: grammar, occurrences: occurrences).children.map(\.name)
        let (variants, variantViews) = lowerVariants(analysis, of: item, order: order, names: &names, typeNames: &typeNames)
        let view = XMLViewType(
            path: item.path, elementName: item.elementName, elementPath: item.elementPath, properties: properties,
            namedValues: namedValues, variants: variants, selector: item.selector, childOrder: order)
        return (view, variantViews)
    }

    /// The variants of the view `item` (whose element's children come in `order`), with the views
    /// of its cases to lower; the enum's and property's names are claimed from `typeNames` and
    /// `names`.
    private func lowerVariants(
        _ analysis: XMLVariantAnalysis, of item: Pending, order: [String], names: inout UniqueNames,
        typeNames: inout UniqueNames
    ) -> (XMLVariants, [Pending]) {
        let attributeWords = Naming.nonEmpty(naming.upperCamel(words(analysis.attribute)))
        let enumName = typeNames.claim(analysis.attribute == "type" ? "Variant" : attributeWords + "Variant")
        let propertyName = names.claim(analysis.attribute == "type" ? "variant" : memberName(analysis.attribute) + "Variant")
        var caseTypes = UniqueNames(taken: Naming.reservedTypeNames.union([enumName]))
        // The enum's own members besides its cases.
        let caseNames = namedValueCases(analysis.variants.flatMap(\.values), taken: ["init", "selection"])
        var cases: [XMLVariantCase] = []
        var caseViews: [Pending] = []
        for variant in analysis.variants {
            let path = item.path + [enumName, caseTypes.claim(typeName(variant.values[0]))]
            for value in variant.values {
                cases.append(XMLVariantCase(name: caseNames.first { $0.value == value }?.name ?? value, value: value, view: path))
            }
            caseViews.append(Pending(
                path: path, elementName: item.elementName, elementPath: item.elementPath, contents: variant.contents,
                selector: XMLVariantSelector(attribute: analysis.attribute, values: variant.values), childOrder: order,
                excludedAttributes: analysis.elementAttributes, excludedChildren: analysis.elementChildren))
        }
        let summaries = analysis.variants.map(\.summary)
        let variants = XMLVariants(
            name: enumName, propertyName: propertyName, attribute: analysis.attribute, defaultValue: analysis.defaultValue,
            cases: cases, attributes: Self.unique(summaries.flatMap { $0.attributes.map(\.name) }),
            children: Self.unique(summaries.flatMap { $0.children.map(\.name) }))
        return (variants, caseViews)
    }

    /// `names` without repetitions, in first-seen order.
    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// The content patterns of the document's root elements named `root`.
    private func rootContents(_ root: String, _ grammar: RNGGrammar) -> [RNGPattern] {
        var contents: [RNGPattern] = []
        var entered: Set<String> = []
        var stack: [RNGPattern] = grammar.start.map { [$0] } ?? []
        while let pattern = stack.popLast() {
            switch pattern {
            case .element(.name(let name, _), let content) where name == root:
                if !contents.contains(content) { contents.append(content) }
            case .group(let patterns), .interleave(let patterns), .choice(let patterns): stack += patterns.reversed()
            case .optional(let inner), .zeroOrMore(let inner), .oneOrMore(let inner): stack.append(inner)
            case .ref(let name), .parentRef(let name):
                if entered.insert(name).inserted, let define = grammar.defines[name] { stack.append(define) }
            default: break
            }
        }
        return contents
    }

    /// The words of an XML name: split at `-`, `_`, `:` and `.`, then at case changes.
    func words(_ xmlName: String) -> [String] {
        naming.expand(xmlName.splitting { "-_:.".utf8.contains($0) }.flatMap(Naming.camelWords))
    }

    /// The Swift member name of an attribute or element (`current-memory` → `currentMemory`).
    func memberName(_ xmlName: String) -> String {
        Naming.nonEmpty(naming.lowerCamel(words(xmlName)))
    }

    /// The Swift type name of an element or value list (`vcpupin` → `VCPUPin`); `type` is `Kind`.
    func typeName(_ xmlName: String) -> String {
        let name = Naming.nonEmpty(naming.upperCamel(words(xmlName)))
        return Naming.reservedTypeNames.contains(name) ? "Kind" : name
    }

    /// The plural of a member name (`disk` → `disks`, `address` → `addresses`, `entry` → `entries`).
    func plural(_ name: String) -> String {
        if name.hasSuffix("s") || name.hasSuffix("x") || name.hasSuffix("ch") || name.hasSuffix("sh") { return name + "es" }
        if name.hasSuffix("y"), let before = name.dropLast().last, !"aeiou".contains(before) { return name.dropLast() + "ies" }
        if name.hasSuffix("S") { return name + "es" }
        return name + "s"
    }

    /// The members of a value list, each XML spelling once, Swift names made unique and kept
    /// clear of `taken`.
    func namedValueCases(_ values: [String], taken: Set<String> = ["rawValue", "description", "xmlText", "init"]) -> [XMLNamedValue] {
        var names = UniqueNames(taken: taken)
        return values.map { value in
            var words = naming.expand(value.split { !$0.isLetter && !$0.isNumber }.flatMap { Naming.camelWords(String($0)) })
            // Numbers side by side keep a separator (`x86_64`, not `x8664`).
            for index in words.indices.dropFirst()
            where words[index - 1].last?.isNumber == true && words[index].first?.isNumber == true {
                words[index] = "_" + words[index]
            }
            let name = naming.lowerCamel(words)
            return XMLNamedValue(name: names.claim(name.isEmpty ? "empty" : name), value: value)
        }
    }
}

/// Names already given in one scope; a name given twice gets its alternative or a number
/// (`FormatElement` beside the `format` attribute's `Format`, `source2`).
struct UniqueNames {
    /// The names given.
    private var taken: Set<String>

    /// Starts with names that are not free.
    init(taken: Set<String>) {
        self.taken = taken
    }

    /// `name`, or else `alternative`, or else the first of `name2`, `name3`... not yet given; now given.
    mutating func claim(_ name: String, orElse alternative: String? = nil) -> String {
        if let alternative, taken.contains(name), taken.insert(alternative).inserted { return alternative }
        var candidate = name
        var number = 2
        while !taken.insert(candidate).inserted {
            candidate = name + String(number)
            number += 1
        }
        return candidate
    }
}
