import LibvirtGenModel

/// Lowers libvirt's event registration (`virConnect<Object>EventRegisterAny` with one callback type
/// per event ID) to one `AsyncStream` method per kind of object and an enum of its events.
struct EventLowering {
    /// Shared lowering state.
    let context: LoweringContext
    /// Every function-pointer type of the four files, by name.
    let functypes: [String: CFunction]

    /// The event families an API declares, with the C functions they bind.
    func families(in api: CAPI) -> [(family: EventFamily, functions: [String])] {
        api.functions.compactMap { function -> (EventFamily, [String])? in
            guard function.name.hasPrefix("virConnect"), function.name.hasSuffix("EventRegisterAny") else { return nil }
            let object = String(function.name.dropFirst("virConnect".count).dropLast("EventRegisterAny".count))
            guard let handle = context.registry.handles["vir" + object],
                  let ids = context.registry.enums["vir\(object)EventID"]
            else { return nil }
            let deregister = "virConnect\(object)EventDeregisterAny"
            let idType = context.types.swiftName(of: "vir\(object)EventID")
            let idNames = EnumLowering(context: context)
            let real = ids.filter { !EnumLowering.isSentinel($0) }
            let caseNames = idNames.caseNames(real, typeName: "vir\(object)EventID")
            let generic = "virConnect\(object)EventGenericCallback"
            let detail = DetailEnumLowering(context: context).lifecycleDetail(object: object)
            let cases = zip(real, caseNames).compactMap { value, name in
                eventCase(value, name: name, object: handle, genericCallback: generic, detail: detail)
            }
            let label = context.naming.lowerCamel(Naming.camelWords(handle.swiftName))
            let method = label + "Events"
            let doc = [
                "Delivers \(handle.swiftName) events of one kind as they happen, optionally only those about one object.",
                "",
                "libvirt calls back on the bindings' event-loop thread; the events wait in the stream until read.",
                "Ending the iteration (or dropping the stream) deregisters the callback.",
                "- Parameter id: Which kind of event to deliver.",
                "- Parameter \(label): Only events about this object, or nil for all.",
                "- Returns: The events, in the order libvirt reported them.",
                "- Throws: `LibvirtError` when libvirt cannot register the callback.",
                "",
                "C symbols: `\(function.name)`, `\(deregister)`.",
            ] + (function.version.map { ["Available since libvirt \($0)."] } ?? [])
            let family = EventFamily(
                objectType: handle.swiftName, registerFunction: function.name, deregisterFunction: deregister,
                genericCallbackType: generic, idType: idType, methodName: method,
                objectLabel: label, cases: cases, detail: detail?.0, doc: doc)
            return (family, [function.name, deregister])
        }
    }

    /// The Swift symbol of a family's method.
    static func symbol(of family: EventFamily) -> String {
        "Connection.\(family.methodName)(_:\(family.objectLabel):)"
    }

    /// One event ID's case, or nil when its callback has an argument the bindings cannot convert.
    private func eventCase(
        _ id: CEnumValue, name: String, object: TypeRegistry.Handle, genericCallback: String,
        detail: (DetailEnum, cEventType: String)?
    ) -> EventCase? {
        guard let callback = functypes[id.info.filter { !$0.isWhitespace }], callback.args.count >= 3 else { return nil }
        var closureTypes = ["OpaquePointer?", "OpaquePointer?"]
        var closureNames = ["_", "object"]
        let objectLabel = context.naming.lowerCamel(Naming.camelWords(object.swiftName))
        var payload = ["\(objectLabel): \(object.swiftName)"]
        var values = ["\(objectLabel): \(object.swiftName)(retaining: object)"]
        let middle = Array(callback.args.dropFirst(2).dropLast())
        var index = 0
        while index < middle.count {
            let arg = middle[index]
            let local = "a\(index)"
            let label = context.parameterName(arg.name, in: callback.name).trimmingBackticks
            let type = context.registry.resolve(CType.parse(arg.type))
            let next = index + 1 < middle.count ? middle[index + 1] : nil
            var converted = convert(arg, type: type, local: local, next: next, callback: callback.name)
            // A `detail` that follows an event of the family's event enum becomes the typed detail.
            if let detail, arg.name == "detail", index > 0,
               context.mentionedEnum(in: middle[index - 1].info) == detail.cEventType {
                let swiftType = context.types.swiftName(of: detail.cEventType).split(separator: ".").first.map(String.init)
                    .map { "\($0).\(detail.0.name)" } ?? detail.0.name
                converted = Converted(
                    closureTypes: ["Int32"], swiftType: swiftType,
                    expression: "\(swiftType)(event: \(detail.0.selectorType)(rawValue: a\(index - 1)), detail: \(local))")
            }
            guard let converted else { return nil }
            closureTypes += converted.closureTypes
            closureNames += converted.closureTypes.indices.map { "a\(index + $0)" }
            payload.append("\(label): \(converted.swiftType)")
            values.append("\(label): \(converted.expression)")
            index += converted.closureTypes.count
        }
        closureTypes.append("UnsafeMutableRawPointer?")
        closureNames.append("opaque")
        let returnsInt = callback.returnType == "int"
        let doc = context.docs.document(callback.info, cName: id.name, since: id.version)
        let bare = name.trimmingBackticks
        let trampoline = "\(objectLabel)\(bare.prefix(1).uppercased() + bare.dropFirst())Trampoline"
        return EventCase(
            name: name, idCase: name, callback: callback.name, trampoline: trampoline,
            registeredCallback: callback.name == genericCallback
                ? trampoline : "unsafeBitCast(\(trampoline), to: \(genericCallback).self)",
            closureType: "(\(closureTypes.joined(separator: ", "))) -> \(returnsInt ? "Int32" : "Void")",
            closureParameters: closureNames.joined(separator: ", "),
            payload: payload.joined(separator: ", "),
            construction: ".\(name)(\(values.joined(separator: ", ")))",
            returnStatement: returnsInt ? "0" : nil, doc: doc)
    }

    /// How one callback argument (with its count, for arrays) arrives and becomes a Swift value.
    private struct Converted {
        var closureTypes: [String]
        var swiftType: String
        var expression: String
    }

    private func convert(_ arg: CArg, type: CType, local: String, next: CArg?, callback: String) -> Converted? {
        if type.pointers == 0, let swift = CScalar.swiftType(type.base) {
            if let enumName = context.enumType(of: arg, in: callback) {
                let enumType = context.swiftEnumType(enumName)
                let raw = context.flagEnums.contains(enumName) ? "UInt32" : "Int32"
                return Converted(closureTypes: [swift], swiftType: enumType,
                                 expression: "\(enumType)(rawValue: \(raw)(truncatingIfNeeded: \(local)))")
            }
            return Converted(closureTypes: [swift], swiftType: swift, expression: local)
        }
        if type.base == "char", type.pointers == 1 {
            let pointer = type.isConst ? "UnsafePointer<CChar>?" : "UnsafeMutablePointer<CChar>?"
            return Converted(closureTypes: [pointer], swiftType: "String",
                             expression: "\(local).map { String(cString: $0) } ?? \"\"")
        }
        if type.base == "virTypedParameter", type.pointers == 1, let next, CType.parse(next.type).pointers == 0 {
            let key = context.typedParameters.keyType(forFunction: callback)
            let count = CScalar.swiftType(CType.parse(next.type).base) ?? "Int32"
            return Converted(
                closureTypes: ["UnsafeMutablePointer<virTypedParameter>?", count], swiftType: "TypedParameters<\(key)>",
                expression: "TypedParameters(\(local), count: Int32(truncatingIfNeeded: a\(Int(local.dropFirst())! + 1)))")
        }
        if type.pointers == 1, let swiftStruct = context.borrowedStructs[type.base] {
            let pointer = type.isConst ? "UnsafePointer<\(type.base)>?" : "UnsafeMutablePointer<\(type.base)>?"
            return Converted(closureTypes: [pointer], swiftType: "\(swiftStruct)?",
                             expression: "\(local).map { \(swiftStruct)($0.pointee) }")
        }
        return nil
    }
}
