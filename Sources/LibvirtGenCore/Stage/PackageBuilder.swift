import LibvirtGenModel

/// Collects lowered declarations into files per Swift owner type and records every symbol's status.
struct PackageBuilder {
    /// Shared lowering state.
    let context: LoweringContext
    /// Statuses from the overrides data and the runtime.
    let classifier: SymbolClassifier
    /// Struct lowering.
    let structs: StructLowering
    /// Every function name of the four files.
    let functionNames: Set<String>
    /// Every function-pointer type of the four files, by name.
    let functypes: [String: CFunction]
    /// The functions the naming pass shaped, by C name (shaped once, bound here).
    let shapes: [String: ShapingOutcome]
    /// The status of every symbol so far, in input order.
    private(set) var symbols: [SymbolStatus] = []
    /// Declarations by module, then by owner (nil for top-level types).
    private var byModule: [String: [String?: Declarations]] = [:]
    /// What each C function's dynamic-mode wrapper returns when the loaded libvirt lacks it, by module.
    private var missingResults: [String: [String: MissingFunctionResult]] = [:]

    /// What one file collects.
    private struct Declarations {
        var handle: HandleClass?
        var enums: [ValueEnum] = []
        var detailEnums: [DetailEnum] = []
        var optionSets: [OptionSetType] = []
        var structs: [StructType] = []
        var keyFamilies: [KeyFamily] = []
        var constants: [ConstantDeclaration] = []
        var errorPatterns: [ErrorPattern] = []
        var events: EventFamily?
        var functions: [BoundFunction] = []
        var statsViews: [StatsView] = []
    }

    init(
        context: LoweringContext, classifier: SymbolClassifier, structs: StructLowering, functionNames: Set<String>,
        functypes: [String: CFunction], shapes: [String: ShapingOutcome]
    ) {
        self.context = context
        self.classifier = classifier
        self.structs = structs
        self.functionNames = functionNames
        self.functypes = functypes
        self.shapes = shapes
    }

    /// Lowers one API into its module.
    mutating func add(_ api: CAPI, entry: ModuleLayout.Entry, diagnostics: inout DiagnosticBag) {
        let module = entry.module
        var files: [String?: Declarations] = [:]
        missingResults[module] = Dictionary(
            api.functions.map { ($0.name, DynamicLinking.missingFunctionResult(of: $0)) }, uniquingKeysWith: { first, _ in first })
        for (cType, handle) in context.registry.handles where handle.module == module {
            files[handle.swiftName, default: Declarations()].handle = handleClass(cType, handle, in: api)
            if let reason = DetailEnumLowering(context: context).stateReason(object: String(cType.dropFirst(3))) {
                files[handle.swiftName, default: Declarations()].detailEnums.append(reason)
            }
        }
        addEnums(api, module: module, into: &files)
        if let views = StatsViewLowering.views(of: api, context: context) {
            files[StatsViewLowering.recordType, default: Declarations()].statsViews = views
        }
        for s in api.structs where context.borrowedStructs[s.name] != nil {
            let lowered = structs.lower(s, docs: context.docs, structNames: context.borrowedStructs)
            files[owner(of: context.borrowedStructs[s.name]!), default: Declarations()].structs.append(lowered)
        }
        var eventFunctions: [String: String] = [:]
        let events = EventLowering(context: context, functypes: functypes, shapes: shapes)
        for (family, functions) in events.families(in: api) {
            files["\(family.objectType)Events", default: Declarations()].events = family
            for name in functions { eventFunctions[name] = family.symbol }
        }
        let lowering = FunctionLowering(context: context)
        var seen: [DeclarationKey: String] = [:]
        for function in api.functions {
            func record(
                _ status: SymbolStatus.Status, swift: String?, reason: String?, failureRule: FailureRule? = nil
            ) {
                symbols.append(SymbolStatus(
                    name: function.name, kind: .function, module: module, status: status, swift: swift,
                    since: function.version, reason: reason, failureRule: failureRule))
            }
            if let (status, reason, swift) = classifier.status(ofFunction: function.name) {
                record(status, swift: swift, reason: reason)
                continue
            }
            if let swift = eventFunctions[function.name] {
                record(.generated, swift: swift, reason: nil)
                continue
            }
            switch shapes[function.name] ?? lowering.shape(function) {
            case .shaped(let shaped):
                let bound = lowering.bind(shaped)
                let key = DeclarationKey(symbol: bound.swiftSymbol, parameterTypes: bound.parameters.map(\.type))
                if let other = seen[key] {
                    let reason = "its Swift declaration \(bound.swiftSymbol) is already taken by \(other)"
                    diagnostics.warn("\(function.name): \(reason)", at: function.location)
                    record(.unaccounted, swift: nil, reason: reason)
                    continue
                }
                seen[key] = function.name
                files[owner(of: bound.swiftSymbol), default: Declarations()].functions.append(bound)
                record(.generated, swift: bound.swiftSymbol, reason: nil, failureRule: bound.failureRule)
            case .notYetBound(let reason):
                record(.notYetBound, swift: nil, reason: reason)
            case .unaccounted(let reason):
                diagnostics.warn("\(function.name): \(reason)", at: function.location)
                record(.unaccounted, swift: nil, reason: reason)
            }
        }
        addMacros(api, module: module, into: &files, diagnostics: &diagnostics)
        byModule[module] = files
    }

    /// Typed-parameter key types (the families this API's functions or macros use), numeric
    /// constants, and every macro's status.
    private mutating func addMacros(
        _ api: CAPI, module: String, into files: inout [String?: Declarations], diagnostics: inout DiagnosticBag
    ) {
        let typed = context.typedParameters
        let functionNames = Set(api.functions.map(\.name))
        var keys: [String: [KeyConstant]] = [:]
        for macro in api.macros {
            var status: SymbolStatus.Status
            var reason: String?
            var swift: String?
            if let (classified, why) = classifier.status(ofMacro: macro) {
                (status, reason) = (classified, why)
                swift = status == .generated ? "LibvirtLibrary.headerVersion" : nil
            } else if macro.stringValue != nil, let family = typed.family(forMacro: macro.name) {
                let key = typed.key(macro, in: family, docs: context.docs)
                keys[family.swift, default: []].append(key)
                (status, swift) = (.generated, "\(family.swift).\(key.name.trimmingBackticks)")
            } else if macro.stringValue == nil, macro.params == nil, let value = context.registry.macroValues[macro.name] {
                let words = Array(Naming.snakeWords(macro.name).drop { $0 == "VIR" || $0 == "LIBVIR" })
                let name = SwiftIdentifier.escaped(context.naming.lowerCamel(snake: words))
                files["LibvirtLibrary", default: Declarations()].constants.append(ConstantDeclaration(
                    name: name, cName: macro.name, type: "Int", value: String(value),
                    doc: context.docs.document(macro.info, cName: macro.name, since: macro.version)))
                (status, swift) = (.generated, "LibvirtLibrary.\(name.trimmingBackticks)")
            } else {
                status = .unaccounted
                reason = macro.stringValue != nil
                    ? "no typed-parameter family in the overrides data has a prefix for this name, and no function "
                        + "taking typed parameters is named after its prefix"
                    : "the macro's value is not a constant the generator can evaluate"
                diagnostics.warn("\(macro.name): \(reason!)", at: macro.location)
            }
            symbols.append(SymbolStatus(
                name: macro.name, kind: .macro, module: module, status: status, swift: swift, since: macro.version,
                reason: reason))
        }
        for family in typed.families {
            let used = family.functions.contains(where: functionNames.contains) || keys[family.swift] != nil
            guard used, let owner = owner(of: family.swift) else { continue }
            let users = family.functions.compactMap { context.docs.symbols[$0] }.map { "`\($0)`" }
            let summary = users.isEmpty
                ? "Names of typed parameters libvirt reports under the `\(family.prefix)` prefix."
                : "Names of the typed parameters of \(users.joined(separator: ", "))."
            files[owner, default: Declarations()].keyFamilies.append(KeyFamily(
                name: String(family.swift.dropFirst(owner.count + 1)),
                doc: Documentation(
                    body: [summary, "", "Any other name round-trips through `init(rawValue:)` or a string literal."]),
                keys: (keys[family.swift] ?? []).sorted { $0.cName < $1.cName }))
        }
    }

    private mutating func addEnums(_ api: CAPI, module: String, into files: inout [String?: Declarations]) {
        let lowering = EnumLowering(context: context)
        var order: [String] = []
        for value in api.enumValues where !order.contains(value.type) { order.append(value.type) }
        for cName in order {
            let values = context.registry.enums[cName] ?? []
            let typedef = context.registry.enumTypedefs[cName]
            let swiftType = context.swiftEnumType(cName)
            if context.flagEnums.contains(cName) {
                files[owner(of: swiftType), default: Declarations()].optionSets.append(
                    lowering.optionSet(cName, values: values, typedef: typedef, names: context.enumCaseNames[cName]))
            } else {
                let lowered = lowering.valueEnum(cName, values: values, typedef: typedef, names: context.enumCaseNames[cName])
                files[owner(of: swiftType), default: Declarations()].enums.append(lowered)
                if let patternType = context.overrides.errorPatterns[cName], let owner = owner(of: swiftType) {
                    files[owner, default: Declarations()].errorPatterns += ErrorPatternLowering.patterns(
                        for: lowered, owner: owner, patternType: patternType)
                }
            }
            for value in values {
                let sentinel = EnumLowering.isSentinel(value)
                symbols.append(SymbolStatus(
                    name: value.name, kind: .enumValue, module: module, status: sentinel ? .excluded : .generated,
                    swift: sentinel ? nil : context.docs.symbols[value.name], since: value.version,
                    reason: sentinel ? "count sentinel: newer libvirt adds values, so Swift enums stay open" : nil))
            }
        }
    }

    /// The owner type of a qualified Swift name (`Domain.State` → `Domain`), nil for a top-level name.
    private func owner(of qualified: String) -> String? {
        let head = qualified.prefix { $0 != "." && $0 != "(" }
        return qualified.count > head.count ? String(head) : nil
    }

    private func handleClass(_ cType: String, _ handle: TypeRegistry.Handle, in api: CAPI) -> HandleClass {
        // Connections are closed (`virConnectClose`); every other object is freed (`virDomainFree`).
        let free = cType + (cType.hasSuffix("Connect") ? "Close" : "Free")
        let freeDoc = api.functions.first { $0.name == free }?.info ?? ""
        let identity = Self.identity(context.overrides.handleIdentity[cType])
        // An object is the same value only on the same connection: a domain with one UUID on two
        // connections is two values (objects hold their connection, so its address is stable).
        let connect = cType + "GetConnect"
        let identityConnection = identity != .address && functionNames.contains(connect) ? connect : nil
        let info = handle.info.isEmpty ? "A libvirt `\(cType)` object." : handle.info
        let handles = context.registry.handles.filter { $0.value.module == handle.module }.map(\.key)
        let getters = Self.connectionGetters(of: cType, handles: handles, functionNames: functionNames)
        let closable = cType.hasSuffix("Connect")
        return HandleClass(
            name: handle.swiftName, cType: cType, cPointerType: cType + "Ptr", freeFunction: free,
            refFunction: functionNames.contains(cType + "Ref") ? cType + "Ref" : nil, identity: identity,
            identityConnectionGetter: identityConnection,
            abortFunction: Self.abortFunction(of: cType, freeDocumentation: freeDoc, functionNames: functionNames),
            closable: closable,
            objectsCheckClosing: closable && handles.contains {
                !Self.connectionGetters(of: $0, handles: handles, functionNames: functionNames).isEmpty
            },
            connectionGetters: getters, doc: context.docs.document(info, cName: cType + "Ptr", since: nil))
    }

    /// The identity the overrides data's `handleIdentity` entry names (`uuid:FUNC`, `string:FUNC`,
    /// `id:FUNC`, `child:PARENT:PARENTUUID:NAME`); the address without one.
    static func identity(_ entry: String?) -> HandleIdentity {
        switch entry?.split(separator: ":").map(String.init) {
        case let parts? where parts.count == 2 && parts[0] == "uuid": .uuid(getter: parts[1])
        case let parts? where parts.count == 2 && parts[0] == "string": .string(getter: parts[1])
        case let parts? where parts.count == 2 && parts[0] == "id": .number(getter: parts[1])
        case let parts? where parts.count == 4 && parts[0] == "child":
            .child(parentGetter: parts[1], parentUUIDGetter: parts[2], nameGetter: parts[3])
        default: .address
        }
    }

    /// The borrowing getters that lead from an object of type `cType` to its connection: its own
    /// `…GetConnect` (`virDomainGetConnect`), or a `…Get<Parent>` whose parent, an object of
    /// `handles`, has one (`virNetworkPortGetNetwork`, `virNetworkGetConnect`); empty for a
    /// connection and for an object with no such path.
    static func connectionGetters(of cType: String, handles: [String], functionNames: Set<String>) -> [String] {
        guard !cType.hasSuffix("Connect") else { return [] }
        if functionNames.contains(cType + "GetConnect") { return [cType + "GetConnect"] }
        for parent in handles.sorted() where parent != cType && !parent.hasSuffix("Connect") {
            let getter = cType + "Get" + parent.dropFirst(3)
            if functionNames.contains(getter), functionNames.contains(parent + "GetConnect") {
                return [getter, parent + "GetConnect"]
            }
        }
        return []
    }

    /// The function an object's deinitializer calls before freeing it while a transfer may be
    /// active: the object's `…Abort` function, when the free function's documentation says it is
    /// to be called first (`virStreamFree`: "the virStreamAbort function should be called first").
    static func abortFunction(of cType: String, freeDocumentation: String, functionNames: Set<String>) -> String? {
        let abort = cType + "Abort"
        guard functionNames.contains(abort), freeDocumentation.contains(abort),
              freeDocumentation.containsText("called first") || freeDocumentation.containsText("without first calling")
        else { return nil }
        return abort
    }

    /// The modules with their files in a stable order; `sourceFiles` names the file each was read from.
    func modules(_ entries: [ModuleLayout.Entry], sourceFiles: [String]) -> [BindingModule] {
        zip(entries, sourceFiles).map { entry, sourceFile in
            let files = (byModule[entry.module] ?? [:]).map { owner, d -> BindingFile in
                let ownsHandle = d.handle != nil || d.events != nil
                let name = ownsHandle ? "\(owner!).swift" : "\(owner ?? "Types")+\(entry.module).swift"
                return BindingFile(
                    name: name, owner: d.events == nil ? owner : nil, handle: d.handle,
                    enums: d.enums.sorted { $0.cName < $1.cName }, detailEnums: d.detailEnums,
                    optionSets: d.optionSets.sorted { $0.cName < $1.cName },
                    structs: d.structs.sorted { $0.cName < $1.cName },
                    keyFamilies: d.keyFamilies.sorted { $0.name < $1.name },
                    constants: d.constants.sorted { $0.cName < $1.cName }, errorPatterns: d.errorPatterns,
                    events: d.events,
                    functions: d.functions.sorted { $0.cName < $1.cName }.map { function in
                        var function = function
                        function.checksClosing = d.handle?.checksClosing == true && function.throwing
                            && (function.kind == .method || function.kind == .property)
                        return function
                    },
                    statsViews: d.statsViews)
            }.sorted { $0.name < $1.name }
            var module = BindingModule(
                name: entry.module, apiName: entry.apiName, cModule: entry.cModule, pkgConfig: entry.pkgConfig,
                linkLibrary: entry.linkLibrary, headers: entry.headers, sourceFile: sourceFile, dependencies: entry.dependencies, files: files)
            module.missingFunctionResults = missingResults[entry.module] ?? [:]
            return module
        }
    }
}

/// What makes two Swift declarations collide: the symbol and the parameter types (overloads of one
/// name with other types can coexist).
private struct DeclarationKey: Hashable {
    /// The Swift symbol, with its argument labels.
    var symbol: String
    /// The parameters' types, in order.
    var parameterTypes: [SwiftType]
}
