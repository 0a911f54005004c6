import LibvirtGenModel

/// Lowers libvirt's event registration (`virConnect<Object>EventRegisterAny` with one callback type
/// per event ID) to one `AsyncStream` method per kind of object and an enum of its events.
struct EventLowering {
    /// Shared lowering state.
    let context: LoweringContext
    /// Every function-pointer type of the four files, by name.
    let functypes: [String: CFunction]
    /// The shaped functions by C name (the functions the bindings bind), to name an object's
    /// connection getter without lowering it again.
    let shapes: [String: ShapingOutcome]

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
            let names = Names(object: handle.swiftName, label: label, idType: idType)
            let symbols = Documentation(symbols: [function.name, deregister], since: function.version)
            let getter = connectionGetter("vir\(object)GetConnect")
            let family = EventFamily(
                objectType: handle.swiftName, registerFunction: function.name, deregisterFunction: deregister,
                genericCallbackType: generic, idType: idType, methodName: names.method,
                objectLabel: label, subscribeFunction: names.subscribe, cases: cases, detail: detail?.0,
                connectionMethods: Self.connectionMethods(names, symbols: symbols),
                objectMethods: getter.map { Self.objectMethods(names, connection: $0, symbols: symbols) } ?? [])
            return (family, [function.name, deregister])
        }
    }

    /// The Swift name of a bound property giving an object's connection (`virDomainGetConnect` →
    /// `connection`); nil when the function is not bound so (the object cannot tell its connection).
    private func connectionGetter(_ cName: String) -> String? {
        guard case .shaped(let shaped)? = shapes[cName], shaped.swiftReturn == .named("Connection") else { return nil }
        let declaration = FunctionLowering(context: context).declaration(of: shaped)
        return declaration.kind == .property ? declaration.name : nil
    }

    /// The Swift names an event family's methods use.
    struct Names {
        /// The object's class (`Domain`).
        var object: String
        /// The object's label, which names the filter parameter (`domain`).
        var label: String
        /// The event-ID type (`Domain.EventID`).
        var idType: String

        /// The connection method (`domainEvents`).
        var method: String { label + "Events" }
        /// The connection method ending with the connection's close reason (`domainEventsThrowingOnClose`).
        var throwingMethod: String { method + "ThrowingOnClose" }
        /// The private connection method subscribing to several IDs (`subscribeToDomainEvents`).
        var subscribe: String { "subscribeTo\(object)Events" }
        /// The object's method (`events`).
        var objectMethod: String { "events" }
        /// The object's method ending with the connection's close reason (`eventsThrowingOnClose`).
        var objectThrowingMethod: String { objectMethod + "ThrowingOnClose" }
        /// The event enum (`Domain.Event`).
        var event: String { object + ".Event" }
        /// The non-throwing stream type.
        var stream: SwiftType { .eventStream(event: event, throwing: false) }
        /// The throwing stream type.
        var throwingStream: SwiftType { .eventStream(event: event, throwing: true) }

        /// The parameter of one event ID.
        var id: SwiftParameter {
            SwiftParameter(label: "_", name: "id", type: .named(idType), defaultValue: nil, doc: "Which kind of event to deliver.")
        }

        /// The parameter of several event IDs.
        var ids: SwiftParameter {
            SwiftParameter(
                label: "_", name: "ids", type: .array(.named(idType)), defaultValue: nil,
                doc: "Which kinds of event to deliver (each is one libvirt registration, shared with other streams asking for it).")
        }

        /// The object filter parameter.
        var filter: SwiftParameter {
            SwiftParameter(
                label: label, name: label, type: .optional(.named(object)), defaultValue: .noValue,
                doc: "Only events about this object (libvirt filters them), or nil for all.")
        }

        /// The buffering policy parameter of a method returning ``stream`` (``throwingStream`` where
        /// `throwing`).
        func buffering(throwing: Bool) -> SwiftParameter {
            SwiftParameter(
                label: "bufferingPolicy", name: "bufferingPolicy", type: .eventBufferingPolicy(event: event, throwing: throwing),
                defaultValue: .unbounded,
                doc: "Which events the stream keeps while its reader falls behind: all of them (`.unbounded`, the default: "
                    + "none is lost), or at most n, dropping the newly arriving ones (`.bufferingOldest(n)`) or the oldest "
                    + "unread ones (`.bufferingNewest(n)`).")
        }
    }

    /// What every event method's documentation says about delivery.
    private static let delivery = [
        "",
        "libvirt calls back on the bindings' event-loop thread; the events wait in the stream until read.",
        "Ending the iteration (or dropping the stream) deregisters the callbacks no other stream shares.",
    ]

    /// What the documentation of a method returning a throwing stream says it returns.
    private static let throwingReturns = "The events, in the order libvirt reported them; after those that came before "
        + "the connection closed, the iteration throws `ConnectionClosedError`."

    /// `connection.domainEvents(_:domain:bufferingPolicy:)` for one event ID and for several, and
    /// `connection.domainEventsThrowingOnClose(_:domain:bufferingPolicy:)`.
    static func connectionMethods(_ names: Names, symbols: Documentation) -> [EventMethod] {
        let silentEnd = [
            "",
            "When libvirt reports the connection closed, the stream ends; "
                + "`\(names.throwingMethod)(_:\(names.label):bufferingPolicy:)` says why.",
        ]
        let returns = "The events, in the order libvirt reported them."
        return [
            method(
                owner: "Connection", name: names.method, parameters: [names.id, names.filter, names.buffering(throwing: false)],
                returnType: names.stream,
                body: .oneKind,
                summary: ["Delivers \(names.object) events of one kind as they happen, optionally only those about one object."]
                    + delivery + silentEnd,
                returns: returns, throwsAlso: "", symbols: symbols),
            method(
                owner: "Connection", name: names.method, parameters: [names.ids, names.filter, names.buffering(throwing: false)],
                returnType: names.stream, body: .subscribe(throwing: false),
                summary: [
                    "Delivers \(names.object) events of several kinds in one stream as they happen, optionally only those "
                        + "about one object; each event's case says which kind it is.",
                ] + delivery + silentEnd,
                returns: returns, throwsAlso: "", symbols: symbols),
            method(
                owner: "Connection", name: names.throwingMethod,
                parameters: [names.ids, names.filter, names.buffering(throwing: true)],
                returnType: names.throwingStream, body: .subscribe(throwing: true),
                summary: [
                    "Delivers \(names.object) events of several kinds in one stream as they happen, optionally only those "
                        + "about one object; when libvirt reports the connection closed, the iteration throws "
                        + "`ConnectionClosedError` with libvirt's reason instead of ending silently.",
                ] + delivery,
                returns: throwingReturns, throwsAlso: "", symbols: symbols),
        ]
    }

    /// `domain.events(_:bufferingPolicy:)` and `domain.eventsThrowingOnClose(_:bufferingPolicy:)`:
    /// the connection's methods with the object as the filter, which libvirt applies.
    ///
    /// - Parameter connection: The Swift name of the object's property giving its connection.
    static func objectMethods(_ names: Names, connection: String, symbols: Documentation) -> [EventMethod] {
        let throwsAlso = ", or cannot tell the object's connection"
        return [
            method(
                owner: names.object, name: names.objectMethod, parameters: [names.ids, names.buffering(throwing: false)],
                returnType: names.stream, body: .forward(connection: connection, method: names.method),
                summary: [
                    "Delivers this object's events of several kinds in one stream as they happen (libvirt filters them); "
                        + "each event's case says which kind it is.",
                ] + delivery + [
                    "",
                    "When libvirt reports the connection closed, the stream ends; "
                        + "`\(names.objectThrowingMethod)(_:bufferingPolicy:)` says why.",
                ],
                returns: "The events, in the order libvirt reported them.", throwsAlso: throwsAlso, symbols: symbols),
            method(
                owner: names.object, name: names.objectThrowingMethod,
                parameters: [names.ids, names.buffering(throwing: true)],
                returnType: names.throwingStream, body: .forward(connection: connection, method: names.throwingMethod),
                summary: [
                    "Delivers this object's events of several kinds in one stream as they happen (libvirt filters them); "
                        + "when libvirt reports the connection closed, the iteration throws `ConnectionClosedError` with "
                        + "libvirt's reason instead of ending silently.",
                ] + delivery,
                returns: throwingReturns, throwsAlso: throwsAlso, symbols: symbols),
        ]
    }

    /// A method with its documentation: the summary, the parameters, what it returns and throws
    /// (`throwsAlso` completes the sentence), and the C symbols and version `symbols` holds.
    private static func method(
        owner: String, name: String, parameters: [SwiftParameter], returnType: SwiftType, body: EventMethodBody,
        summary: [String], returns: String, throwsAlso: String, symbols: Documentation
    ) -> EventMethod {
        var doc = symbols
        doc.body = summary
        doc.parameters = parameters.map { DocumentedParameter(name: $0.name, text: $0.doc) }
        doc.returns = returns
        doc.throwing = "`LibvirtError` when libvirt cannot register a callback\(throwsAlso)."
        return EventMethod(owner: owner, name: name, parameters: parameters, returnType: returnType, body: body, doc: doc)
    }

    /// One event ID's case, or nil when its callback has an argument the bindings cannot convert.
    private func eventCase(
        _ id: CEnumValue, name: String, object: TypeRegistry.Handle, genericCallback: String,
        detail: (DetailEnum, cEventType: String)?
    ) -> EventCase? {
        guard let callback = functypes[id.info.filter { !$0.isWhitespace }], callback.args.count >= 3 else { return nil }
        let objectLabel = context.naming.lowerCamel(Naming.camelWords(object.swiftName))
        var values = [EventValue(label: objectLabel, swiftType: .named(object.swiftName), reading: .object)]
        let middle = Array(callback.args.dropFirst(2).dropLast())
        var index = 0
        while index < middle.count {
            let arg = middle[index]
            let label = context.parameterName(arg.name, in: callback.name).trimmingBackticks
            let type = context.registry.resolve(arg.cType)
            let next = index + 1 < middle.count ? middle[index + 1] : nil
            var value = convert(arg, type: type, label: label, next: next, callback: callback.name)
            // A `detail` that follows an event of the family's event enum becomes the typed detail.
            if let detail, arg.name == "detail", index > 0,
               context.mentionedEnum(in: middle[index - 1].info) == detail.cEventType {
                let swiftType = context.types.swiftName(of: detail.cEventType).split(separator: ".").first.map(String.init)
                    .map { "\($0).\(detail.0.name)" } ?? detail.0.name
                value = EventValue(label: label, swiftType: .named(swiftType), reading: .detail(selectorType: detail.0.selectorType))
            }
            guard let value else { return nil }
            values.append(value)
            index += value.reading.argumentCount
        }
        let bare = name.trimmingBackticks
        return EventCase(
            name: name, idCase: name, callback: callback.name,
            trampoline: "\(objectLabel)\(bare.prefix(1).uppercased() + bare.dropFirst())Trampoline",
            castsToGenericCallback: callback.name != genericCallback, values: values,
            returnsStatus: callback.returnType == "int",
            doc: context.docs.document(callback.info, cName: id.name, since: id.version))
    }

    /// The value one callback argument (with its count, for arrays) becomes; nil when the bindings
    /// cannot convert it.
    private func convert(_ arg: CArg, type: CType, label: String, next: CArg?, callback: String) -> EventValue? {
        if type.pointers == 0, let swift = CScalar.swiftType(type.base) {
            if let enumName = context.enumType(of: arg, in: callback) {
                let enumType = context.swiftEnumType(enumName)
                let conversion = NumberConversion.enumeration(type: enumType, optionSet: context.flagEnums.contains(enumName))
                return EventValue(label: label, swiftType: .named(enumType), reading: .number(scalar: swift, conversion: conversion))
            }
            return EventValue(label: label, swiftType: .named(swift), reading: .number(scalar: swift, conversion: .plain))
        }
        if type.base == "char", type.pointers == 1 {
            return EventValue(label: label, swiftType: .named("String"), reading: .string(isConst: type.isConst))
        }
        if type.base == "virTypedParameter", type.pointers == 1, let next, next.cType.pointers == 0 {
            let key = context.typedParameters.keyType(forFunction: callback)
            let count = CScalar.swiftType(next.cType.base) ?? "Int32"
            return EventValue(label: label, swiftType: .typedParameters(key: key), reading: .typedParameters(countScalar: count))
        }
        if type.pointers == 1, let swiftStruct = context.borrowedStructs[type.base] {
            return EventValue(
                label: label, swiftType: .optional(.named(swiftStruct)),
                reading: .structPointer(cStruct: type.base, swiftStruct: swiftStruct, isConst: type.isConst))
        }
        return nil
    }
}
