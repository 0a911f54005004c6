import LibvirtGenModel

/// What one C argument becomes in Swift: a parameter, how the call passes it, and possibly part
/// of the result.
struct LoweredArgument {
    /// The Swift parameter, or nil when the argument is filled in by the wrapper.
    var parameter: SwiftParameter?
    /// How the call passes it.
    var passing: ArgumentPassing
    /// For a borrowed string: how the call receives it as a C string.
    var cString: CStringArgument?
    /// The part of the Swift result this argument delivers.
    var result: ResultPart?
    /// How the argument shapes the call, when it decides the shape.
    var shapeHint: CallShape?
    /// The result noun for list shapes (`Names`, `IDs`).
    var resultKind: String?
    /// For a count argument: the array parameter it counts.
    var countedArray: String?
    /// For struct-array shapes: the Swift struct of the elements.
    var elementType: String?
    /// Whether the parameter's documentation speaks of option sets rather than C bitmasks
    /// (`OptionsParameterText`), as a `flags` argument's does.
    var describesOptions = false
}

/// One out-value of a call, before its argument's position is known.
struct ResultPart {
    /// The tuple label when there are several.
    var name: String
    /// The Swift type.
    var type: SwiftType
}

/// Why an argument cannot be bound yet.
struct NotYetBound: Error {
    /// The reason, shown by `coverage`.
    var reason: String
}

/// Lowers the arguments of one C function (the receiver excluded).
struct ArgumentLowering {
    /// Shared lowering state.
    let context: LoweringContext
    /// The function.
    let function: CFunction

    /// Lowers every argument after `start`; count arguments are filled by their arrays.
    func lower(from start: Int) throws -> [LoweredArgument?] {
        var lowered = [LoweredArgument?](repeating: nil, count: function.args.count)
        var consumed: [Int: LoweredArgument] = [:]
        let counts = context.overrides.arrayCounts[function.name] ?? [:]
        // Sorted, so that a count shared by two arrays is always taken from the same one; the
        // others must have the same length, which the wrapper checks.
        for (arrayName, countName) in counts.sorted(by: { $0.key < $1.key }) {
            guard let countIndex = function.args.firstIndex(where: { $0.name == countName }) else { continue }
            let array = context.parameterName(arrayName, in: function.name)
            if let first = consumed[countIndex]?.countedArray,
               case .arrayCount(_, let cType, let sameLength) = consumed[countIndex]?.passing {
                consumed[countIndex]?.passing = .arrayCount(name: first, cType: cType, sameLength: sameLength + [array])
                continue
            }
            let cType = context.registry.resolve(function.args[countIndex].cType)
            let swiftCount = CScalar.swiftType(cType.base) ?? "Int32"
            consumed[countIndex] = LoweredArgument(
                passing: .arrayCount(name: array, cType: swiftCount, sameLength: []), countedArray: array)
        }
        for index in start..<function.args.count {
            if let count = consumed[index] {
                lowered[index] = count
                continue
            }
            if lowered[index] != nil { continue }
            let arg = function.args[index]
            let next = index + 1 < function.args.count ? function.args[index + 1] : nil
            let (value, consumesNext) = try lowerOne(arg, next: next, isArray: counts[arg.name] != nil)
            lowered[index] = value
            if let consumesNext, index + 1 < function.args.count { lowered[index + 1] = consumesNext }
        }
        return lowered
    }

    /// Lowers one argument; returns also the lowering of the next argument when this one consumes it.
    private func lowerOne(_ arg: CArg, next: CArg?, isArray: Bool) throws -> (LoweredArgument, LoweredArgument?) {
        let registry = context.registry
        let type = registry.resolve(arg.cType)
        let name = SwiftIdentifier.escaped(context.parameterName(arg.name, in: function.name))

        if type.base == "void", type.pointers == 1, let size = function.args.first(where: { $0.name == "size" }) {
            // A caller buffer of `size` bytes (block and memory peeks): returned as bytes.
            let sizeName = SwiftIdentifier.escaped(context.parameterName(size.name, in: function.name))
            return (LoweredArgument(
                passing: .out(argument: .bytes(name: name, size: sizeName)),
                result: ResultPart(name: name, type: .array(.named("UInt8")))), nil)
        }
        if registry.functypes.contains(type.base) || (type.base == "void" && type.pointers == 1) {
            throw NotYetBound(reason: "a callback argument outside an event family needs a hand-written wrapper")
        }
        if TypedParameterLowering.cTypes.contains(type.base) {
            return try typedParameters(arg, type: type, name: name, next: next)
        }
        if arg.name == "flags", type.pointers == 0, let swiftC = CScalar.swiftType(type.base) {
            return (try flags(arg, swiftC: swiftC), nil)
        }
        if let handle = registry.handles[type.base] {
            if type.pointers == 1 {
                return (LoweredArgument(
                    parameter: SwiftParameter(label: name, name: name, type: .named(handle.swiftName), defaultValue: nil, doc: ""),
                    passing: .handle(name: name)), nil)
            }
            if type.pointers == 3 && !type.isConst {
                return (LoweredArgument(
                    passing: .out(argument: .handles(name: name, handleType: handle.swiftName)),
                    result: ResultPart(name: name, type: .array(.named(handle.swiftName))), shapeHint: .count), nil)
            }
            throw NotYetBound(reason: "arrays of \(handle.swiftName) handles as input")
        }
        if type.base == "char" {
            return try string(arg, type: type, name: name, next: next, isArray: isArray)
        }
        if type.base == "unsigned char" && type.pointers == 1 && arg.name == "uuid" {
            // Raw UUIDs are Foundation `UUID` values, passed and read as libvirt's 16 bytes.
            if type.isConst {
                return (LoweredArgument(
                    parameter: SwiftParameter(label: name, name: name, type: .named("UUID"), defaultValue: nil, doc: ""),
                    passing: .uuid(name: name)), nil)
            }
            // The buffer's size is libvirt's macro, which the description must define.
            guard context.registry.macroValues["VIR_UUID_BUFLEN"] != nil else {
                throw NotYetBound(reason: "a UUID buffer needs the macro VIR_UUID_BUFLEN, which the description lacks")
            }
            return (LoweredArgument(
                passing: .out(argument: .uuid(name: name)), result: ResultPart(name: name, type: .named("UUID"))), nil)
        }
        if let swift = CScalar.swiftType(type.base) {
            return try scalar(arg, type: type, swift: swift, name: name, next: next, isArray: isArray)
        }
        if let swiftStruct = context.borrowedStructs[type.base], type.pointers == 3, !type.isConst,
           context.functionNames.contains(type.base + "Free") {
            // A list libvirt allocates of structs it allocates, each freed with its own function.
            return (LoweredArgument(
                passing: .out(argument: .structList(name: name, cStruct: type.base, swiftStruct: swiftStruct)),
                result: ResultPart(name: name, type: .array(.named(swiftStruct))), shapeHint: .count), nil)
        }
        if let swiftStruct = context.convertibleStructs[type.base], type.pointers == 1, !type.isConst, let next, isCount(next) {
            // A caller-allocated struct array: counted by a pointer (asked first) or given a capacity.
            let counted = next.cType.pointers == 1
            guard !counted || CScalar.swiftType(next.cType.base) == "Int32" else {
                throw NotYetBound(reason: "struct arrays counted by '\(next.type)'")
            }
            let countSwift = CScalar.swiftType(context.registry.resolve(next.cType).base) ?? "Int32"
            return (LoweredArgument(
                        passing: .shapeSupplied(local: .items), shapeHint: counted ? .structArray : .structBuffer,
                        elementType: swiftStruct),
                    LoweredArgument(passing: counted ? .shapeSupplied(local: .count) : .shapeCapacity(cType: countSwift)))
        }
        if let swiftStruct = context.convertibleStructs[type.base], type.pointers == 1, !type.isConst {
            var sizeArgument: LoweredArgument?
            if let next, next.name == "size", next.cType.base == "size_t" {
                sizeArgument = LoweredArgument(passing: .structSize(cStruct: type.base))
            }
            return (LoweredArgument(
                passing: .out(argument: .structValue(name: name, cStruct: type.base, swiftStruct: swiftStruct)),
                result: ResultPart(name: name, type: .named(swiftStruct))), sizeArgument)
        }
        throw NotYetBound(reason: "argument '\(arg.name)' of type '\(arg.type)' fits no argument shape")
    }

    /// Typed-parameter arrays with their count: input lists, caller-allocated and library-allocated outputs.
    private func typedParameters(
        _ arg: CArg, type: CType, name: String, next: CArg?
    ) throws -> (LoweredArgument, LoweredArgument?) {
        guard let next else { throw NotYetBound(reason: "typed parameters without a count argument") }
        let key = context.typedParameters.keyType(forFunction: function.name)
        let countType = context.registry.resolve(next.cType)
        let countSwift = CScalar.swiftType(countType.base) ?? "Int32"
        switch (type.pointers, countType.pointers) {
        case (1, 0):
            return (LoweredArgument(
                parameter: SwiftParameter(label: name, name: name, type: .typedParameters(key: key), defaultValue: nil, doc: ""),
                passing: .typedParameters(name: name)),
                LoweredArgument(passing: .typedParameterCount(name: name, cType: countSwift)))
        case (1, 1) where countSwift == "Int32":
            return (LoweredArgument(passing: .shapeSupplied(local: .parameters), shapeHint: .typedParameters),
                    LoweredArgument(passing: .shapeSupplied(local: .count)))
        case (2, 1):
            return (LoweredArgument(
                passing: .out(argument: .typedParameters(name: name, countCType: countSwift)),
                result: ResultPart(name: name, type: .typedParameters(key: key))),
                LoweredArgument(passing: .typedParameterListCount(name: name)))
        default:
            throw NotYetBound(reason: "typed parameters of type '\(arg.type)' with count '\(next.type)'")
        }
    }

    /// The enum of a `timeout` argument's special values, which its function's description names
    /// (the type, or its constants) rather than the argument's (`virDomainAgentSetResponseTimeout`,
    /// `virDomainQemuAgentCommand`).
    private func timeoutEnum(_ arg: CArg) -> String? {
        guard arg.name == "timeout", arg.cType.pointers == 0 else { return nil }
        let named = context.mentionedEnum(in: function.info) ?? context.registry.enumOfConstants(namedIn: function.info)
        return named.flatMap { EnumLowering.isTimeout($0) ? $0 : nil }
    }

    /// The `flags` argument: an option set, or nothing when libvirt (or an empty `flagsArguments`
    /// entry of the overrides data) says it is unused.
    private func flags(_ arg: CArg, swiftC: String) throws -> LoweredArgument {
        let declared = context.overrides.flagsArguments[function.name]
        // An empty entry says libvirt ignores the flags although their text does not say so.
        if declared == "" { return LoweredArgument(passing: .zero) }
        let enumName = declared
            ?? context.mentionedEnum(in: arg.info).flatMap { context.flagEnums.contains($0) ? $0 : nil }
        if let enumName {
            let swiftType = context.swiftEnumType(enumName)
            return LoweredArgument(
                parameter: SwiftParameter(
                    label: "options", name: "options", type: .named(swiftType), defaultValue: .empty, doc: ""),
                passing: .rawValue(name: "options", cType: swiftC), describesOptions: true)
        }
        let text = arg.info.lowercased()
        if ["unused", "not used", "pass 0", "use 0", "set to 0", "pass zero"].contains(where: { text.containsBytes($0) }) {
            return LoweredArgument(passing: .zero)
        }
        return LoweredArgument(
            parameter: SwiftParameter(label: "flags", name: "flags", type: .named(swiftC), defaultValue: .zero,
                                      doc: ""),
            passing: .parameter(name: "flags"))
    }

    /// `char` pointers: input strings, string arrays, UUID buffers, out strings and name lists.
    private func string(
        _ arg: CArg, type: CType, name: String, next: CArg?, isArray: Bool
    ) throws -> (LoweredArgument, LoweredArgument?) {
        let nullable = NullableArgument.accepts(arg, of: function.name, overrides: context.overrides)
        switch (type.pointers, type.isConst) {
        case (1, true) where next.map({ $0.cType.base == "size_t" }) ?? false:
            throw NotYetBound(reason: "the byte buffer '\(arg.name)' needs a hand-written wrapper")
        case (1, true):
            return (LoweredArgument(
                parameter: SwiftParameter(
                    label: name, name: name, type: nullable ? .optional(.named("String")) : .named("String"),
                    defaultValue: nullable ? .noValue : nil, doc: ""),
                passing: .parameter(name: name), cString: CStringArgument(name: name, optional: nullable)), nil)
        case (1, false) where arg.name == "buf" && function.name.hasSuffix("UUIDString"):
            return (LoweredArgument(
                passing: .out(argument: .uuidString(name: name)), result: ResultPart(name: "uuid", type: .named("String"))), nil)
        case (2, true) where isArray:
            // `CStringArray` passes NULL for an empty list (libvirt's "NULL and 0" for none or all);
            // where the documentation gives NULL a meaning, the empty list is the default.
            return (LoweredArgument(
                parameter: SwiftParameter(label: name, name: name, type: .array(.named("String")),
                                          defaultValue: Self.nullMeansAll(arg, in: function) ? .empty : nil, doc: ""),
                passing: .stringArray(name: name)), nil)
        case (2, _):
            if let next, isCapacity(next) {
                let kind = arg.name.lowercased().containsText("uuid") ? "UUIDs" : "Names"
                return (LoweredArgument(passing: .shapeSupplied(local: .names), shapeHint: .nameList, resultKind: kind),
                        LoweredArgument(passing: .shapeSupplied(local: .capacity)))
            }
            if !type.isConst {
                return (LoweredArgument(
                    passing: .out(argument: .string(name: name)), result: ResultPart(name: name, type: .named("String"))), nil)
            }
        case (3, false):
            return (LoweredArgument(
                passing: .out(argument: .strings(name: name)), result: ResultPart(name: name, type: .array(.named("String"))),
                shapeHint: .count), nil)
        default:
            break
        }
        throw NotYetBound(reason: "the byte buffer '\(arg.name)' of type '\(arg.type)' needs a hand-written wrapper")
    }

    /// Whether the documentation gives a NULL array argument a meaning (`If @mountpoints is NULL
    /// and @nmountpoints is 0, every mounted filesystem on the guest is frozen`).
    static func nullMeansAll(_ arg: CArg, in function: CFunction) -> Bool {
        function.info.containsText("@\(arg.name) is NULL") || arg.info.containsText("NULL")
    }

    /// Whether an argument counts the array before it (`nr_stats`, `nparams`, `maxinfo`).
    private func isCount(_ arg: CArg) -> Bool {
        let lower = arg.name.lowercased()
        return lower.hasPrefix("n") || lower.hasPrefix("max") || lower.hasSuffix("len")
    }

    /// A reason out-value "corresponding to the current state" the text names (`@state` of
    /// `virDomainGetState`), typed by that state: `Domain.StateReason(state:reason:)`.
    private func stateReason(_ arg: CArg) -> (type: String, conversion: NumberConversion)? {
        guard arg.info.containsText("corresponding to the current state"),
              let stateArg = Self.mentionedArgument(in: arg.info, of: function),
              let receiver = function.args.first.flatMap({ context.registry.handle(for: context.registry.resolve($0.cType)) }),
              let types = DetailEnumLowering(context: context).stateReasonTypes(object: String(receiver.cType.dropFirst(3)))
        else { return nil }
        return (types.reason, .stateReason(
            reasonType: types.reason, stateType: types.state,
            stateArgument: context.parameterName(stateArg, in: function.name)))
    }

    /// The first argument of `function` a text names with `@` (`led to @state`).
    static func mentionedArgument(in text: String, of function: CFunction) -> String? {
        var rest = Substring(text)
        while let at = rest.firstIndex(of: "@") {
            let name = rest[rest.index(after: at)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if function.args.contains(where: { $0.name == name }) { return String(name) }
            rest = rest[rest.index(after: at)...]
        }
        return nil
    }

    /// Whether an `int` argument's text describes an on/off switch ("0 to disable/1 to enable cpus").
    static func describesSwitch(_ info: String) -> Bool {
        let lower = info.lowercased()
        return lower.containsText("0 to disable") && lower.containsText("1 to enable")
    }

    /// Whether an argument is the capacity of the preceding name buffer.
    private func isCapacity(_ arg: CArg) -> Bool {
        let lower = arg.name.lowercased()
        return arg.cType.pointers == 0 && (lower.hasPrefix("max") || lower.hasSuffix("len"))
    }

    /// Scalars: inputs (plain, boolean, enum, option set), input arrays, and out-values.
    private func scalar(
        _ arg: CArg, type: CType, swift: String, name: String, next: CArg?, isArray: Bool
    ) throws -> (LoweredArgument, LoweredArgument?) {
        let isBoolean = context.overrides.booleanParameters.contains(arg.name) || Self.describesSwitch(arg.info)
        let enumName = context.enumType(of: arg, in: function.name)
            ?? (type.pointers == 0 ? context.registry.enumOfConstants(namedIn: arg.info) : nil)
            ?? timeoutEnum(arg)
        if type.pointers == 0 {
            if isBoolean {
                return (LoweredArgument(
                    parameter: SwiftParameter(label: name, name: name, type: .named("Bool"), defaultValue: nil, doc: ""),
                    passing: .boolean(name: name)), nil)
            }
            if let enumName {
                return (LoweredArgument(
                    parameter: SwiftParameter(
                        label: name, name: name, type: .named(context.swiftEnumType(enumName)), defaultValue: nil, doc: ""),
                    passing: .rawValue(name: name, cType: swift)), nil)
            }
            if CountRule.isInteger(swift), CountRule.isCount(name) {
                // A count is an `Int`; an out-of-range one is clamped, and libvirt rejects it.
                return (LoweredArgument(
                    parameter: SwiftParameter(label: name, name: name, type: .named("Int"), defaultValue: nil, doc: ""),
                    passing: .clampedCount(name: name, cType: swift)), nil)
            }
            return (LoweredArgument(
                parameter: SwiftParameter(label: name, name: name, type: .named(swift), defaultValue: nil, doc: ""),
                passing: .parameter(name: name)), nil)
        }
        if type.pointers == 2, !type.isConst, function.returnType == "int" {
            // A list of numbers libvirt allocates; the function returns its length.
            return (LoweredArgument(
                passing: .out(argument: .numbers(name: name, swiftType: swift)),
                result: ResultPart(name: name, type: .array(.named(swift))),
                shapeHint: .count), nil)
        }
        guard type.pointers == 1 else {
            throw NotYetBound(reason: "the output array '\(arg.name)' of type '\(arg.type)' fits no argument shape")
        }
        if let countName = context.overrides.outputArrays[function.name]?[arg.name] {
            guard !countName.isEmpty else {
                throw NotYetBound(reason: "argument '\(arg.name)' is an output array whose length is not one argument")
            }
            // An output array whose length is another argument; the function returns how many it filled.
            let count = SwiftIdentifier.escaped(context.parameterName(countName, in: function.name))
            return (LoweredArgument(
                passing: .out(argument: .numberBuffer(name: name, swiftType: swift, count: count)),
                result: ResultPart(name: name, type: .array(.named(swift))), shapeHint: .count), nil)
        }
        if let next, swift == "Int32", isCapacity(next), next.name.lowercased().hasPrefix("max") {
            return (LoweredArgument(passing: .shapeSupplied(local: .ids), shapeHint: .idList, resultKind: "IDs"),
                    LoweredArgument(passing: .shapeSupplied(local: .capacity)))
        }
        if isArray {
            return (LoweredArgument(
                parameter: SwiftParameter(label: name, name: name, type: .array(.named(swift)), defaultValue: nil, doc: ""),
                passing: .numberArray(name: name)), nil)
        }
        if type.isConst || looksLikeArray(arg, next: next) {
            throw NotYetBound(reason: "the array '\(arg.name)' of type '\(arg.type)' has no declared length (arrayCounts or outputArrays in the overrides data)")
        }
        var (resultType, conversion) = (swift, NumberConversion.plain)
        var resultName = name
        if let typed = stateReason(arg) {
            (resultType, conversion) = typed
            resultName = context.parameterName(arg.name, in: function.name)
        } else if isBoolean {
            (resultType, conversion) = ("Bool", .boolean)
        } else if LibraryVersionRule.isVersion(name: arg.name, cBase: type.base) {
            (resultType, conversion) = (LibraryVersionRule.swiftType, .version)
        } else if let enumName {
            resultType = context.swiftEnumType(enumName)
            conversion = .enumeration(type: resultType, optionSet: context.flagEnums.contains(enumName))
        }
        return (LoweredArgument(
            passing: .out(argument: .number(name: name, swiftType: swift, conversion: conversion)),
            result: ResultPart(name: resultName, type: .named(resultType))), nil)
    }

    /// Whether a scalar pointer is an array (the next argument counts it, or the text says so).
    private func looksLikeArray(_ arg: CArg, next: CArg?) -> Bool {
        let text = arg.info.lowercased()
        if text.containsBytes("array") || text.containsBytes("list") { return true }
        guard let next else { return false }
        let n = next.name.lowercased()
        return next.cType.pointers <= 1
            && (n.hasPrefix("n") || n.hasPrefix("max") || n.hasSuffix("len") || n == "ncpus" || n.hasSuffix("count"))
            && n != "nseconds"
    }
}
