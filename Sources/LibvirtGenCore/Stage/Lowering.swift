import LibvirtGenModel

/// The lowering stage: C-level model in, binding model out, with a status for every symbol.
public struct Lowering: Sendable {
    /// The overrides data it reads.
    public var overrides: Overrides

    /// Creates the stage.
    public init(overrides: Overrides) {
        self.overrides = overrides
    }

    /// Lowers the four APIs; throws a ``DiagnosticError`` for broken input, collects warnings in `diagnostics`.
    public func lower(_ apis: [CAPI], diagnostics: inout DiagnosticBag) throws -> BindingPackage {
        let entries = try apis.map { try ModuleLayout.entry(for: $0) }
        let naming = Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
        let registry = TypeRegistry(apis: zip(apis, entries).map { ($0, $1.module) }) {
            TypeNaming.handleName($0, explicit: overrides.typeNames, naming: naming)
        }
        try TypeReferenceCheck(registry: registry).check(apis)
        let types = TypeNaming(
            naming: naming, explicit: overrides.typeNames,
            handles: registry.handles.mapValues(\.swiftName))
        let flagEnums = Set(registry.enums.compactMap { name, values in
            EnumLowering.isFlags(name, values: values, declaredFlags: Set(overrides.flagEnums)) ? name : nil
        })
        let structs = StructLowering(
            naming: naming, registry: registry, types: types, flagEnums: flagEnums, fieldEnums: overrides.argumentEnums,
            fieldDocs: overrides.fieldDocs)
        let classifier = SymbolClassifier(
            overrides: overrides, functionNames: Set(apis.flatMap(\.functions).map(\.name)),
            lifecycleFunctions: Set(registry.handles.keys.flatMap { handle in
                // A connection is freed by its Close; any other Close is an operation (virAdmClientClose
                // disconnects a daemon client).
                [handle + "Free", handle + "Ref"] + (handle.hasSuffix("Connect") ? [handle + "Close"] : [])
            }))
        let typedParameters = inferTypedParameters(
            apis, naming: naming, registry: registry, classifier: classifier,
            typeNames: Set(registry.enums.keys.map { types.swiftName(of: $0, isOptionSet: flagEnums.contains($0)) })
                .union(structs.borrowed().values),
            diagnostics: &diagnostics)
        var context = LoweringContext(
            registry: registry, naming: naming, types: types,
            methods: MethodNaming(naming: naming, types: types, renames: overrides.renames),
            overrides: overrides, docs: .skipped, flagEnums: flagEnums, convertibleStructs: structs.convertible(),
            borrowedStructs: structs.borrowed(), typedParameters: typedParameters,
            functionNames: Set(apis.flatMap(\.functions).map(\.name)))

        // Every function is shaped once; the naming pass names them all from their shapes, so that
        // binding them can decide declaration kinds and link documentation to Swift names.
        let shaping = FunctionLowering(context: context)
        var shapes: [String: ShapingOutcome] = [:]
        for function in apis.flatMap(\.functions) where classifier.status(ofFunction: function.name) == nil {
            shapes[function.name] = shaping.shape(function)
        }
        (context.queryMethodNames, context.enumCaseNames, context.docs) = namingPass(
            apis, shapes: shapes, context: context, classifier: classifier)
        var builder = PackageBuilder(
            context: context, classifier: classifier, structs: structs,
            functionNames: Set(apis.flatMap(\.functions).map(\.name)),
            functypes: Dictionary(apis.flatMap(\.functypes).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
            shapes: shapes)
        for (api, entry) in zip(apis, entries) {
            builder.add(api, entry: entry, diagnostics: &diagnostics)
        }
        // The file each module was read from, named in the generated files' first line.
        let sourceFiles = apis.map { String($0.location.file.split(separator: "/").last ?? "") }
        return BindingPackage(
            libvirtVersion: Self.version(of: apis), modules: builder.modules(entries, sourceFiles: sourceFiles),
            symbols: builder.symbols)
    }

    /// The declared typed-parameter families and those inferred for the string macros neither they
    /// nor the classifier place; an inferred family whose Swift name `typeNames` (or a declared
    /// family) already uses is dropped with a warning at each of its functions.
    private func inferTypedParameters(
        _ apis: [CAPI], naming: Naming, registry: TypeRegistry, classifier: SymbolClassifier, typeNames: Set<String>,
        diagnostics: inout DiagnosticBag
    ) -> TypedParameterLowering {
        let declared = overrides.typedParameterFamilies
        let outcome = TypedParameterFamilyInference(naming: naming, registry: registry, declared: declared).infer(
            apis, takenNames: typeNames.union(declared.map(\.swift))
        ) { macro in
            classifier.status(ofMacro: macro) != nil || TypedParameterLowering.longestMatch(macro.name, in: declared) != nil
        }
        for (function, swift) in outcome.collisions {
            diagnostics.warn(
                "\(function.name): the typed-parameter key type inferred for it, \(swift), names another type; "
                    + "declare its family in the overrides data (typedParameterFamilies)",
                at: function.location)
        }
        return TypedParameterLowering(
            naming: naming, declared: declared, inferred: outcome.families, valueTypes: overrides.typedParameterValueTypes)
    }

    /// The query-method names (see ``LoweringContext/queryMethodNames``), the enum case names
    /// (``LoweringContext/enumCaseNames``) and the documentation text linking C names to the Swift
    /// symbols of functions, enum values and types.
    private func namingPass(
        _ apis: [CAPI], shapes: [String: ShapingOutcome], context: LoweringContext, classifier: SymbolClassifier
    ) -> (queryMethodNames: Set<String>, enumCaseNames: [String: [String]], docs: DocText) {
        var map: [String: String] = [:]
        let lowering = FunctionLowering(context: context)
        var properties: [(cName: String, name: String, symbol: String)] = []
        var queryMethodNames: Set<String> = []
        for function in apis.flatMap(\.functions) {
            if let (_, _, swift) = classifier.status(ofFunction: function.name) {
                map[function.name] = swift
            } else if case .shaped(let shaped)? = shapes[function.name] {
                let (kind, name, symbol) = lowering.declaration(of: shaped)
                map[function.name] = symbol
                if kind == .property { properties.append((function.name, name, symbol)) }
                if kind == .method, shaped.parameters.allSatisfy({ $0.label == "options" }) {
                    queryMethodNames.insert(name)
                }
            }
        }
        for property in properties where queryMethodNames.contains(property.name) {
            map[property.cName] = property.symbol + "()"
        }
        for (name, handle) in context.registry.handles { map[name + "Ptr"] = handle.swiftName; map[name] = handle.swiftName }
        var enumCaseNames: [String: [String]] = [:]
        for (name, values) in context.registry.enums where !values.isEmpty {
            let type = context.swiftEnumType(name)
            map[name] = type
            let real = values.filter { !EnumLowering.isSentinel($0) }
            let cases = EnumLowering(context: context, docs: .skipped)
                .caseNames(real, typeName: name)
            enumCaseNames[name] = cases
            for (value, swiftCase) in zip(real, cases) { map[value.name] = "\(type).\(swiftCase.trimmingBackticks)" }
        }
        for (name, swift) in context.borrowedStructs { map[name] = swift }
        return (queryMethodNames, enumCaseNames, DocText(symbols: map))
    }

    /// `X.Y.Z` from `LIBVIR_VERSION_NUMBER`, or `unknown`.
    static func version(of apis: [CAPI]) -> String {
        guard let raw = apis.flatMap(\.macros).first(where: { $0.name == "LIBVIR_VERSION_NUMBER" })?.rawValue,
              let number = Int(raw)
        else { return "unknown" }
        return "\(number / 1_000_000).\(number / 1000 % 1000).\(number % 1000)"
    }
}

/// Checks that every type a function, callback or struct names is declared somewhere in the files.
struct TypeReferenceCheck {
    /// Types across the files.
    let registry: TypeRegistry

    /// Throws a ``DiagnosticError`` at the first unknown type, or at a handle's pointer typedef that
    /// is not a pointer to the object (the bindings pass `virDomainPtr` as a `virDomain *`).
    func check(_ apis: [CAPI]) throws {
        for api in apis {
            for typedef in api.typedefs where typedef.name.hasSuffix("Ptr") {
                let object = String(typedef.name.dropLast(3))
                let type = typedef.cType
                if registry.handles[object] != nil && (type.base != object || type.pointers != 1) {
                    throw DiagnosticError(
                        "'\(typedef.name)' must be '\(object) *' (the pointer to a libvirt object), not '\(typedef.type)'",
                        at: typedef.location)
                }
            }
            for function in api.functions + api.functypes {
                for (what, type) in [("return type", function.returnCType)] + function.args.map({ ("argument '\($0.name)'", $0.cType) }) {
                    try checkType(type, what: "\(what) of '\(function.name)'", at: function.location)
                }
            }
            for s in api.structs {
                for field in s.fields where field.unionMembers == nil {
                    try checkType(field.cType, what: "field '\(field.name)' of '\(s.name)'", at: s.location)
                }
            }
        }
    }

    private func checkType(_ type: CType, what: String, at location: SourceLocation) throws {
        let base = type.base
        guard registry.isKnown(base) else {
            throw DiagnosticError("unknown type '\(base)' in \(what)", at: location)
        }
    }
}
