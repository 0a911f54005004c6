import LibvirtGenModel

/// Enums whose cases carry a number typed by the case: a lifecycle event's detail is typed by the
/// event (`vir<Object>EventType` case `X` → `vir<Object>Event<X>DetailType`), a state's reason by
/// the state (`vir<Object>State` case `X` → `vir<Object><X>Reason`).
struct DetailEnumLowering {
    /// Shared lowering state.
    let context: LoweringContext

    /// The typed detail of an object's lifecycle events, with the C name of its event enum.
    func lifecycleDetail(object: String) -> (DetailEnum, cEventType: String)? {
        let eventType = "vir\(object)EventType"
        guard let cases = cases(of: eventType, numberEnum: { "vir\(object)Event\($0)DetailType" },
                                doc: { "The detail of a `\($0)` event." }) else { return nil }
        return (DetailEnum(
            name: "LifecycleDetail",
            doc: Documentation(body: ["The detail of a lifecycle event, typed by the event it belongs to."]),
            selectorType: context.types.swiftName(of: eventType), selectorLabel: "event", valueLabel: "detail",
            initializerDoc: "Decodes the detail number libvirt reports with an event.",
            otherDoc: "The detail of an event these bindings have no detail type for.", cases: cases), eventType)
    }

    /// Why an object is in its state (`Domain.StateReason`), where its states have reason enums.
    func stateReason(object: String) -> DetailEnum? {
        let stateType = "vir\(object)State"
        guard let cases = cases(of: stateType, numberEnum: { "vir\(object)\($0)Reason" },
                                doc: { "Why the object is `\($0)`." }) else { return nil }
        return DetailEnum(
            name: "StateReason",
            doc: Documentation(
                body: ["Why an object is in its state, typed by the state: `shutoff(saved)`, `running(restored)`."]),
            selectorType: context.types.swiftName(of: stateType), selectorLabel: "state", valueLabel: "reason",
            initializerDoc: "Decodes the reason number libvirt reports with a state.",
            otherDoc: "The reason of a state these bindings have no reason type for.", cases: cases)
    }

    /// The Swift type of an object's state reasons (`Domain.StateReason`) and of its states, when
    /// it has them.
    func stateReasonTypes(object: String) -> (reason: String, state: String)? {
        guard stateReason(object: object) != nil, let handle = context.registry.handles["vir" + object] else { return nil }
        return ("\(handle.swiftName).StateReason", context.types.swiftName(of: "vir\(object)State"))
    }

    /// One case per case of the `selector` enum whose number enum (`numberEnum(CaseName)`, matched
    /// without regard to case) exists; nil when none does.
    private func cases(of selector: String, numberEnum: (String) -> String, doc: (String) -> String) -> [DetailCase]? {
        guard let values = context.registry.enums[selector], !values.isEmpty else { return nil }
        let real = values.filter { !EnumLowering.isSentinel($0) }
        let names = EnumLowering(context: context).caseNames(real, typeName: selector)
        let typedefs = Dictionary(context.registry.enums.keys.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let cases = names.compactMap { name -> DetailCase? in
            let bare = name.trimmingBackticks
            let candidate = numberEnum(bare.prefix(1).uppercased() + bare.dropFirst()).lowercased()
            guard let cName = typedefs[candidate] else { return nil }
            return DetailCase(name: name, detailType: context.types.swiftName(of: cName), doc: doc(bare))
        }
        return cases.isEmpty ? nil : cases
    }
}
