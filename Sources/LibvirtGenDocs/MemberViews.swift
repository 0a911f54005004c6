import Foundation
import LibvirtGenModel
import LibvirtGenSwift
import LibvirtGenTemplating

/// One parameter row of a member.
struct ParameterView: TemplateView, Sendable {
    /// The Swift parameter name.
    let name: String
    /// Its description as HTML.
    let html: String
}

/// One documented member as the `member` template shows it: every decision made, values only.
struct MemberView: TemplateView, Sendable {
    /// The element id (the C name, or `field-<name>` for struct fields).
    let anchor: String
    /// The Swift name as users write it (`Domain.info()`).
    let title: String
    /// The Swift declaration.
    let declaration: String
    /// The C symbol it wraps, if any.
    let cName: String?
    /// The C prototype, for functions.
    let prototype: String?
    /// The numeric or string value, for cases and constants.
    let value: String?
    /// The description's paragraphs as HTML.
    let paragraphs: [String]
    /// The parameters.
    let parameters: [ParameterView]
    /// The return value as HTML.
    let returns: String?
    /// The thrown errors as HTML.
    let throwsText: String?
    /// The libvirt version that introduced it.
    let since: String?
    /// The sentence saying it is deprecated, as HTML.
    let deprecation: String?
    /// The access-control checks libvirt performs, one line each.
    let acls: [String]

    /// A member from its texts; `doc` supplies description, parameters, results and version.
    init(anchor: String, title: String, declaration: String, cName: String?, doc: Documentation, markup: Markup,
         prototype: String? = nil, value: String? = nil, since: String? = nil, acls: [CACLCheck] = []) {
        /// A text that may span lines, as one line.
        func joined(_ text: String) -> String {
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        self.anchor = anchor
        self.title = title
        self.declaration = declaration
        self.cName = cName
        self.prototype = prototype
        self.value = value
        let paragraphs = doc.paragraphs
        self.paragraphs = paragraphs.map(markup.inline)
        parameters = doc.parameters.map { ParameterView(name: $0.name, html: markup.inline(joined($0.text))) }
        returns = doc.returns.map { markup.inline(joined($0)) }
        throwsText = doc.throwing.map { markup.inline(joined($0)) }
        self.since = doc.since ?? since
        deprecation = Self.deprecation(in: paragraphs).map(markup.inline)
        self.acls = acls.map { check in
            "\(check.kind) \(check.object):\(check.permission)" + (check.flags.map { " when flags include \($0)" } ?? "")
        }
    }
}

extension MemberView {
    /// The description's sentence that says the symbol is deprecated, if any.
    static func deprecation(in paragraphs: [String]) -> String? {
        for paragraph in paragraphs where paragraph.lowercased().contains("deprecat") {
            let sentences = paragraph.split(separator: ". ", omittingEmptySubsequences: true)
            if let hit = sentences.first(where: { $0.lowercased().contains("deprecat") }) {
                return hit.hasSuffix(".") ? String(hit) : hit + "."
            }
        }
        return nil
    }
}

/// Builds member views from the binding model, with the C model's prototypes and access checks.
struct MemberBuilder: Sendable {
    /// The C functions of the four files by name.
    let cFunctions: [String: CFunction]
    /// The converter for the current page.
    let markup: Markup

    /// A bound function.
    func function(_ function: BoundFunction) -> MemberView {
        let c = cFunctions[function.cName]
        return MemberView(
            anchor: function.cName, title: function.swiftSymbol, declaration: Self.declaration(function),
            cName: function.cName, doc: function.doc, markup: markup, prototype: c.map(Self.prototype),
            since: c?.version, acls: c?.acls ?? [])
    }

    /// An enum case or alias, or an option-set member.
    func enumCase(_ item: EnumCase, owner: String, optionSet: Bool) -> MemberView {
        let declaration: String
        if let target = item.aliasOf {
            declaration = "static var \(item.name): Self { .\(target) }"
        } else if optionSet {
            declaration = "static var \(item.name): Self { get }"
        } else {
            declaration = "case \(item.name)"
        }
        return MemberView(
            anchor: item.cName, title: "\(owner).\(item.name)", declaration: declaration, cName: item.cName,
            doc: item.doc, markup: markup, value: item.value)
    }

    /// A struct's stored property.
    func field(_ field: StructField, owner: String) -> MemberView {
        MemberView(
            anchor: "field-\(field.name)", title: "\(owner).\(field.name)", declaration: "let \(field.name): \(field.type.spelling)",
            cName: nil, doc: field.doc, markup: markup)
    }

    /// One statistic of a record's typed view, with its key.
    func statistic(_ field: StatsField, owner: String) -> MemberView {
        let type = field.enumType ?? field.valueType ?? "TypedParameterValue"
        return MemberView(
            anchor: "field-\(field.name)", title: "\(owner).\(field.name)", declaration: "var \(field.name): \(type)? { get }",
            cName: nil, doc: Documentation(body: [field.doc]), markup: markup, value: field.keyPattern)
    }

    /// The list of a statistics view's numbered entries.
    func statsEntries(_ view: StatsView, owner: String) -> MemberView {
        MemberView(
            anchor: "field-\(view.propertyName)", title: "\(owner).\(view.propertyName)",
            declaration: "var \(view.propertyName): [\(owner).\(view.name)] { get }", cName: nil,
            doc: Documentation(body: ["The numbered entries `\(view.keyPattern)*`, in the order of their numbers."]),
            markup: markup)
    }

    /// A typed-parameter key.
    func key(_ key: KeyConstant, owner: String) -> MemberView {
        let declaration = key.parameters.isEmpty
            ? "static var \(key.name): Self { get }"
            : "static func \(key.name)(\(key.parameters.declarationList)) -> Self"
        return MemberView(
            anchor: key.cName, title: "\(owner).\(key.name)", declaration: declaration, cName: key.cName,
            doc: key.doc, markup: markup, value: "\"\(key.cValue)\"")
    }

    /// A numeric constant.
    func constant(_ constant: ConstantDeclaration, owner: String) -> MemberView {
        MemberView(
            anchor: constant.cName, title: "\(owner).\(constant.name)",
            declaration: "static var \(constant.name): \(constant.type) { get }", cName: constant.cName,
            doc: constant.doc, markup: markup, value: constant.value)
    }

    /// An error pattern.
    func errorPattern(_ pattern: ErrorPattern, owner: String) -> MemberView {
        MemberView(
            anchor: pattern.cName, title: "\(owner).\(pattern.name)",
            declaration: "static var \(pattern.name): \(pattern.patternType) { get }", cName: pattern.cName,
            doc: pattern.doc, markup: markup, value: "\(pattern.patternType)(.\(pattern.code))")
    }

    /// The methods delivering an event family (on the connection, then on the object).
    func eventMethods(_ family: EventFamily) -> [MemberView] {
        let c = cFunctions[family.registerFunction]
        return family.methods.indices.map { index in
            let method = family.methods[index]
            return MemberView(
                anchor: Self.eventMethodAnchor(family, index), title: method.symbol, declaration: method.declaration,
                cName: family.registerFunction, doc: method.doc, markup: markup, prototype: c.map(Self.prototype),
                since: c?.version, acls: c?.acls ?? [])
        }
    }

    /// The anchor of an event family's method on its page: the registering C function's name for
    /// the first (where C links lead), numbered after it for the others.
    static func eventMethodAnchor(_ family: EventFamily, _ index: Int) -> String {
        index == 0 ? family.registerFunction : "\(family.registerFunction)-\(index + 1)"
    }

    /// One case of an event family's `Event` enum.
    func eventCase(_ item: EventCase, owner: String) -> MemberView {
        let cName = item.doc.symbols.first ?? item.callback
        return MemberView(
            anchor: cName, title: "\(owner).\(item.name)", declaration: "case \(item.name)(\(item.payload))",
            cName: cName, doc: item.doc, markup: markup, prototype: cFunctions[item.callback].map(Self.prototype))
    }

    /// The Swift declaration of a bound function, without its body, followed on a second line by
    /// its `async` counterpart's where it has one.
    static func declaration(_ function: BoundFunction) -> String {
        let parameters = function.parameters.declarationList
        let effects = function.effects
        let result = function.returnType.map { " -> \($0.spelling)" } ?? ""
        let synchronous: String
        switch function.kind {
        case .property:
            synchronous = "var \(function.name): \(function.returnType?.spelling ?? "Void") { get\(effects) }"
        case .initializer:
            synchronous = "convenience init(\(parameters))\(effects)"
        case .staticMethod:
            synchronous = "static func \(function.name)(\(parameters))\(effects)\(result)"
        case .method:
            synchronous = "func \(function.name)(\(parameters))\(effects)\(result)"
        }
        guard function.asyncCounterpart != nil else { return synchronous }
        let counterpart = function.kind == .initializer
            ? "convenience init(\(parameters)) async throws"
            : "func \(function.name)(\(parameters)) async throws\(result)"
        return synchronous + "\n" + counterpart
    }

    /// The C prototype, e.g. `int virDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info)`.
    static func prototype(_ function: CFunction) -> String {
        let arguments = function.args.map { $0.type.hasSuffix("*") ? "\($0.type)\($0.name)" : "\($0.type) \($0.name)" }
        let head = function.returnType.hasSuffix("*") ? function.returnType : function.returnType + " "
        return "\(head)\(function.name)(\(arguments.isEmpty ? "void" : arguments.joined(separator: ", ")))"
    }
}
