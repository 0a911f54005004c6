import LibvirtGenModel

/// A function sorted into its call shape: everything of its declaration but what depends on the
/// names of all the others, its declaration kind (``LoweringContext/queryMethodNames``) and its
/// documentation (which links to them). Each function is shaped once; the naming pass reads the
/// shapes, and ``FunctionLowering/bind(_:)`` finishes them.
struct ShapedFunction {
    /// The C function.
    let function: CFunction
    /// The handle of the first argument, when the function is called on an object.
    let receiver: TypeRegistry.Handle?
    /// The handle type whose extension holds the declaration, if any.
    let owner: TypeRegistry.Handle?
    /// Each C argument's lowering, by position.
    let lowered: [LoweredArgument?]
    /// How the call passes each C argument, by position.
    let arguments: [ArgumentPassing]
    /// The Swift parameters, labelled, documentation not yet converted.
    let parameters: [SwiftParameter]
    /// The out-values the call delivers through arguments.
    let results: [OutValue]
    /// The declaration's name and how it reads.
    let naming: MethodNaming.Result
    /// The call shape.
    let shape: CallShape
    /// The Swift result type, if any.
    let swiftReturn: SwiftType?
    /// How the Swift result is made.
    let result: CallResult
    /// Why the declaration throws or does not.
    let failureRule: FailureRule
}

/// The result of shaping one function: shaped, or why not.
enum ShapingOutcome {
    /// Shaped, to bind once every function has a name.
    case shaped(ShapedFunction)
    /// Arguments that fit no shape yet (a new shape or a hand-written wrapper is needed), with the reason.
    case notYetBound(String)
    /// A function the generator could not place, with the reason (a warning).
    case unaccounted(String)
}

/// Sorts a C function into a call shape and builds its Swift declaration.
struct FunctionLowering {
    /// Shared lowering state.
    let context: LoweringContext

    /// Sorts one function into its call shape, with its parameters, result and failure rule.
    func shape(_ function: CFunction) -> ShapingOutcome {
        if function.returnCType.base == "unsigned char" {
            return .notYetBound("a byte-buffer result needs a hand-written wrapper")
        }
        if Self.isEventRegistration(function.name) {
            return .notYetBound("callback registration outside an event family needs a hand-written wrapper")
        }
        let registry = context.registry
        let firstType = function.args.first.map { registry.resolve($0.cType) }
        let receiver = firstType.flatMap { registry.handle(for: $0) }
        let owner = receiver ?? context.types.owner(of: function.name).flatMap { registry.handles[$0.cType] }

        let lowered: [LoweredArgument?]
        do {
            lowered = try ArgumentLowering(context: context, function: function).lower(from: receiver == nil ? 0 : 1)
        } catch let error as NotYetBound {
            return .notYetBound(error.reason)
        } catch {
            return .unaccounted("\(error)")
        }
        var arguments = lowered.map { $0?.passing ?? .zero }
        if receiver != nil { arguments[0] = .receiver }
        let parts = lowered.compactMap { $0 }
        var parameters = parts.compactMap(\.parameter)
        let results = lowered.enumerated().compactMap { index, argument in
            argument?.result.map { OutValue(name: $0.name, type: $0.type, argument: index) }
        }
        let hint = parts.compactMap(\.shapeHint).first
        let resultKind = parts.compactMap(\.resultKind).first

        let returnType = registry.resolve(function.returnCType)
        let naming = context.methods.name(
            of: function.name, receiver: receiver?.cType, resultKind: resultKind)

        guard var shape = shape(function, returnType: returnType, hint: hint, results: results, naming: naming) else {
            return .unaccounted("return type '\(function.returnType)' with these arguments fits no call shape")
        }
        var swiftReturn: SwiftType?
        var result = CallResult.shapeDefined
        // Decided with the shape, one rule per branch; the declaration throws as the rule says.
        let failureRule: FailureRule
        let optional = context.overrides.optionalResults.contains(function.name)
        switch shape {
        case .status, .count:
            swiftReturn = combinedType(results.map { ($0.name, $0.type) })
            result = .outValues
            failureRule = shape == .status ? .negativeStatus : .negativeCount
        case .nameList:
            swiftReturn = .array(.named(resultKind == "UUIDs" ? "UUID" : "String"))
            failureRule = .negativeCount
        case .idList:
            swiftReturn = .array(.named("Int32"))
            failureRule = .negativeCount
        case .typedParameters:
            swiftReturn = .typedParameters(key: context.typedParameters.keyType(forFunction: function.name))
            failureRule = .negativeCount
        case .structArray, .structBuffer:
            swiftReturn = .array(.named(parts.compactMap(\.elementType).first!))
            failureRule = .negativeCount
        case .boolean:
            swiftReturn = .named("Bool")
            failureRule = .negativeBoolean
        case .value, .plainValue:
            let swift = CScalar.swiftType(returnType.base) ?? "Int32"
            let conversion: NumberConversion
            if let enumName = context.overrides.resultEnums[function.name] ?? context.mentionedEnum(in: function.returnInfo),
               returnType.base == "int" {
                let enumType = context.swiftEnumType(enumName)
                (swiftReturn, conversion) = (.named(enumType), .enumeration(type: enumType, optionSet: false))
            } else if LibraryVersionRule.isVersion(name: function.name, cBase: returnType.base) {
                (swiftReturn, conversion) = (.named(LibraryVersionRule.swiftType), .version)
            } else if CountRule.isInteger(swift), CountRule.isCount(naming.name) {
                (swiftReturn, conversion) = (.named("Int"), .count)
            } else {
                (swiftReturn, conversion) = (.named(swift), .plain)
            }
            result = .number(conversion: conversion)
            let numberRule = Self.failureRule(ofNumber: function.returnInfo, swift: swift)
            if optional, let failure = numberRule.value {
                swiftReturn = swiftReturn.map(SwiftType.optional)
                failureRule = .failureIsNil(value: failure)
            } else {
                failureRule = numberRule
            }
            if !failureRule.canFail { shape = .plainValue }
        case .ownedHandle, .borrowedHandle, .initializer:
            guard let handle = registry.handle(for: returnType) else { return .unaccounted("unknown handle return") }
            swiftReturn = .named(handle.swiftName)
            result = .handle(type: handle.swiftName, retaining: shape == .borrowedHandle)
            failureRule = .nullPointer
        case .ownedString:
            swiftReturn = combinedType([(naming.name, .named("String"))] + results.map { ($0.name, $0.type) })
            result = .ownedString(label: naming.name)
            failureRule = .nullPointer
        case .borrowedString:
            swiftReturn = optional ? .optional(.named("String")) : .named("String")
            if optional {
                result = .borrowedString(reading: .optional)
                failureRule = .failureIsNil(value: .null)
            } else if Self.borrowedStringCanFail(receiver: receiver) {
                result = .borrowedString(reading: .checked)
                failureRule = .nullConnectionString
            } else {
                result = .borrowedString(reading: .orEmpty)
                failureRule = .objectString
            }
        }

        // Labels: lookups label their key (`named:`); a parameter repeating the name's last word is unlabelled.
        if let first = parameters.indices.first(where: { parameters[$0].label != "options" }) {
            if let label = naming.firstLabel {
                parameters[first].label = label
            } else if endsWith(naming.name, word: parameters[first].name) {
                parameters[first].label = "_"
            }
        }
        return .shaped(ShapedFunction(
            function: function, receiver: receiver, owner: owner, lowered: lowered, arguments: arguments,
            parameters: parameters, results: results, naming: naming, shape: shape,
            swiftReturn: swiftReturn, result: result, failureRule: failureRule))
    }

    /// A shaped function's declaration kind, name and Swift symbol, as the context's query-method
    /// names decide (the naming pass asks with none known yet).
    func declaration(of shaped: ShapedFunction) -> (kind: DeclarationKind, name: String, symbol: String) {
        let (function, shape, parameters, swiftReturn) = (shaped.function, shaped.shape, shaped.parameters, shaped.swiftReturn)
        var naming = shaped.naming
        let kind: DeclarationKind
        if shape == .initializer {
            kind = .initializer
        } else if shaped.receiver == nil {
            kind = .staticMethod
        } else if parameters.isEmpty && naming.isGetter && shaped.results.count <= 1
                    && !(swiftReturn.map(isStructType) ?? true) && !function.args.contains(where: { $0.name == "flags" })
                    && !context.functionNames.contains(function.name + "Flags")
                    && !context.queryMethodNames.contains(naming.name) {
            // A property reads a value of the object. A query with flags is a method even while
            // libvirt uses none (`xmlDescription()` on every object): the shape stays when a release
            // gives the flags a meaning, and one concept has one shape on every type. A getter with
            // a `…Flags` twin is a method like its twin (`schedulerParameters()`), and so is one
            // named like a query method of another type.
            kind = .property
        } else {
            kind = .method
        }
        if kind == .property, swiftReturn == .named("Bool") { naming.name = MethodNaming.assertion(naming.name) }
        let ownerName = shaped.owner?.swiftName ?? "LibvirtLibrary"
        let labels = parameters.map { "\($0.label):" }.joined()
        let symbol: String
        switch kind {
        case .property: symbol = "\(ownerName).\(naming.name)"
        case .initializer: symbol = "\(ownerName)(\(labels))"
        case .method, .staticMethod: symbol = "\(ownerName).\(naming.name)(\(labels))"
        }
        return (kind, naming.name, symbol)
    }

    /// Finishes a shaped function: its declaration kind, its documentation with links to the
    /// context's names, its `async` counterpart.
    func bind(_ shaped: ShapedFunction) -> BoundFunction {
        let (function, shape, swiftReturn, failureRule) = (shaped.function, shaped.shape, shaped.swiftReturn, shaped.failureRule)
        let (kind, name, symbol) = declaration(of: shaped)
        let throwing = failureRule.canFail
        // Documentation names parameters as Swift sees them (`@flags` → `options`); each
        // parameter's text is its argument's.
        var parameterDocs: [String: String] = [:]
        var sources: [(arg: CArg, describesOptions: Bool)] = []
        for (arg, lowered) in zip(function.args, shaped.lowered) {
            parameterDocs[arg.name] = lowered?.parameter?.name
                ?? SwiftIdentifier.escaped(context.parameterName(arg.name, in: function.name))
            if let lowered, lowered.parameter != nil { sources.append((arg, lowered.describesOptions)) }
        }
        var parameters = shaped.parameters
        for (index, source) in sources.enumerated() {
            let text = context.docs.convert(source.arg.info)
            parameters[index].doc = source.describesOptions ? OptionsParameterText.rewrite(text) : text
        }
        var doc = Documentation(
            body: context.docs.lines(
                SwiftDescriptionText.rewrite(OptionsParameterText.rewriteDescription(function.info)), parameters: parameterDocs),
            parameters: parameters.map {
                DocumentedParameter(name: $0.name.trimmingBackticks, text: $0.doc.isEmpty ? "See the C documentation." : $0.doc)
            },
            symbols: [function.name], since: function.version)
        let deprecation = Self.deprecationMessage(doc.body)
        if swiftReturn != nil, let returns = returnsDoc(function, shape: shape, lowered: shaped.lowered),
           let swiftReturns = SwiftReturnsText.rewrite(
               returns, failureIsSilent: throwing || failureRule == .objectString,
               optional: { if case .failureIsNil = failureRule { true } else { false } }(), boolean: swiftReturn == .named("Bool"),
               collection: { if case .array = swiftReturn { true } else { false } }() && [.count, .nameList, .idList, .structArray].contains(shape)) {
            doc.returns = context.docs.convert(swiftReturns, parameters: parameterDocs)
        }
        if throwing { doc.throwing = "`LibvirtError` when libvirt reports a failure." }
        let parts = shaped.lowered.compactMap { $0 }
        var bound = BoundFunction(
            cName: function.name, shape: shape, kind: kind, name: SwiftIdentifier.escaped(name),
            parameters: parameters,
            returnType: swiftReturn, failureRule: failureRule, arguments: shaped.arguments, outValues: shaped.results,
            cStrings: Self.borrowedCStrings(parts.compactMap(\.cString)), result: shaped.result,
            typedParameterKey: shape == .typedParameters ? context.typedParameters.keyType(forFunction: function.name) : nil,
            parameterCountMethod: context.overrides.typedParameterCounts[function.name],
            elementType: parts.compactMap(\.elementType).first, doc: doc, swiftSymbol: symbol,
            deprecation: deprecation)
        bound.asyncCounterpart = AsyncRule.counterpart(
            of: bound, abortOnCancel: context.overrides.abortOnCancel, functionNames: context.functionNames)
        return bound
    }

    /// The deprecation message of a function whose documentation says it is deprecated: the
    /// paragraph that starts with "Deprecated".
    static func deprecationMessage(_ body: [String]) -> String? {
        guard let start = body.firstIndex(where: { $0.hasPrefix("Deprecated") }) else { return nil }
        return body[start...].prefix { !$0.isEmpty }.joined(separator: " ")
    }

    /// The most string arguments a call borrows through `withCString` closures.
    static let maximumBorrowedCStrings = 2

    /// The string arguments a call borrows as C strings: all of them up to
    /// ``maximumBorrowedCStrings``, none beyond, where nested closures would make the call hard to
    /// read and Swift's implicit conversion (one heap copy per string) is kept instead. The calls
    /// concerned (CPU comparisons, capabilities) are not ones programs make in loops.
    static func borrowedCStrings(_ strings: [CStringArgument]) -> [CStringArgument] {
        strings.count <= maximumBorrowedCStrings ? strings : []
    }

    /// Whether a function registers or deregisters a callback; the bindings expose those as async sequences.
    static func isEventRegistration(_ name: String) -> Bool {
        ["Register", "Deregister", "EventAddCallback", "EventRemoveCallback", "EventUpdateCallback"]
            .contains { name.containsText($0) }
    }

    /// What the Swift result is: the C return's text, or for out-values the text of the arguments that deliver them.
    private func returnsDoc(_ function: CFunction, shape: CallShape, lowered: [LoweredArgument?]) -> String? {
        let outputs = zip(function.args, lowered).filter { $0.1?.result != nil }.map(\.0)
        guard [.status, .count].contains(shape), !outputs.isEmpty else {
            return function.returnInfo.isEmpty ? nil : function.returnInfo
        }
        // An output whose text says only where C writes it (`pass NULL`, a buffer) is left out.
        let described = outputs.compactMap { output in SwiftReturnsText.outputValue(output.info).map { (output.name, $0) } }
        let texts = described.map { name, text in described.count == 1 ? text : "`\(name)`: \(text)" }
        return texts.isEmpty ? nil : texts.joined(separator: "; ")
    }

    /// Picks the call shape from the return type, the arguments' hints and the name.
    private func shape(
        _ function: CFunction, returnType: CType, hint: CallShape?, results: [OutValue], naming: MethodNaming.Result
    ) -> CallShape? {
        let registry = context.registry
        if let handle = registry.handle(for: returnType) {
            if context.overrides.borrowedReturns.contains(function.name) { return .borrowedHandle }
            if function.args.first.flatMap({ registry.handle(for: registry.resolve($0.cType)) }) == nil,
               context.types.owner(of: function.name)?.cType == handle.cType, function.name.containsText("Open") {
                return .initializer
            }
            return .ownedHandle
        }
        if returnType.base == "char" && returnType.pointers == 1 && hint == nil {
            return returnType.isConst ? (results.isEmpty ? .borrowedString : nil) : .ownedString
        }
        guard returnType.pointers == 0, CScalar.swiftType(returnType.base) != nil else { return nil }
        if returnType.base != "int" { return hint == nil && results.isEmpty ? .value : nil }
        if let hint { return hint }
        if !results.isEmpty { return .status }
        if MethodNaming.readsAsAssertion(naming.name) { return .boolean }
        return Self.isStatus(function.returnInfo) ? .status : .value
    }

    /// Whether a borrowed string can be NULL for a valid receiver. An object's own strings (name,
    /// key, MAC address, usage ID) live in the object libvirt gives the caller and are NULL only
    /// for an invalid object, which a Swift handle never is; a connection's (`virConnectGetType`)
    /// may come from the driver, over RPC for a remote connection, and so can fail.
    static func borrowedStringCanFail(receiver: TypeRegistry.Handle?) -> Bool {
        receiver?.cType.hasSuffix("Connect") ?? false
    }

    /// Whether a return text describes 0 for success and -1 for failure.
    static func isStatus(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.isEmpty { return true }
        if lower.containsBytes("number of") || lower.containsBytes("count") { return false }
        // A new file descriptor on success (`virDomainOpenGraphicsFD`) is a value, not a status.
        if lower.containsBytes("an fd") || lower.containsBytes("file descriptor") { return false }
        let markers = [
            "0 in case of success", "0 on success", "0 if success", "0 upon success", "0 if successful",
            "0 when successful", "0 in case of succes", "0 otherwise", "0 on completion", "0 if the", "0 success",
            "returns 0", "0 if all", "0 in case of no error", "0 is returned", "0 if ok", "0 on succes", "success, -1",
            "0, or -1",
        ]
        return markers.contains { lower.containsBytes($0) }
    }

    /// The failure rule of a numeric return: the value its description says, else libvirt's
    /// convention for signed results, -1 (`virConnectNumOfSecrets` documents only "the number
    /// currently defined secrets", and returns -1 where the driver has no secrets; an enum
    /// result's -1 is its `…_ERROR` value, such as `VIR_CPU_COMPARE_ERROR`). Unsigned results
    /// whose description names no failure value cannot fail.
    static func failureRule(ofNumber text: String, swift: String) -> FailureRule {
        let lower = text.lowercased()
        let unsigned = swift.hasPrefix("U")
        if lower.containsBytes("-1") { return .statedValue(value: unsigned ? .maximum(of: swift) : .minusOne) }
        let zeroMarkers = ["0 in case of error", "0 on error", "0 on failure", "0 in case of failure", "or 0 if"]
        if zeroMarkers.contains(where: { lower.containsBytes($0) }) { return .statedValue(value: .zero) }
        return unsigned ? .unsignedWithoutFailureValue : .signedDefaultMinusOne
    }

    /// The type of combined out-values: one's own type, a labelled tuple of several, nil for none.
    private func combinedType(_ results: [(name: String, type: SwiftType)]) -> SwiftType? {
        switch results.count {
        case 0: return nil
        case 1: return results[0].type
        default: return .tuple(results.map { TupleElement(label: $0.name.trimmingBackticks, type: $0.type) })
        }
    }

    private func isStructType(_ swift: SwiftType) -> Bool {
        switch swift {
        case .named(let name): context.convertibleStructs.values.contains(name)
        case .tuple: true
        default: false
        }
    }

    private func endsWith(_ name: String, word: String) -> Bool {
        let last = Naming.camelWords(name).last?.lowercased() ?? ""
        let param = Naming.camelWords(word.trimmingBackticks).last?.lowercased() ?? ""
        return !last.isEmpty && last == param
    }
}

extension String {
    /// The identifier without the backticks that escape a keyword.
    var trimmingBackticks: String { filter { $0 != "`" } }
}
