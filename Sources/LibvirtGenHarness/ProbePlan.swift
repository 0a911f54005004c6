import LibvirtGenModel
import LibvirtGenSwift

/// The model-driven checks: one probe per generated function, a call with placeholder arguments
/// on an object of the runner's fixture, so a new libvirt release is exercised without new code.
///
/// - Getters (properties, and methods whose only parameters have defaults and whose C name reads
///   a value) must succeed or throw `.noSupport`.
/// - Lookups are called with a value no object has and must throw the matching `VIR_ERR_NO_*`
///   code (or `.noSupport`).
/// - Everything else is called once with placeholders: it must not crash; an error other than
///   `.noSupport` is recorded as rejected arguments.
public struct ProbePlan: Sendable {
    /// What a probe expects.
    public enum Kind: Sendable, Equatable {
        /// Reads a value: must succeed or throw `.noSupport`.
        case getter
        /// Looks up a missing object: must throw this `virErrorNumber` (nil: any libvirt error).
        case lookupMiss(Int64?)
        /// Any other call, with placeholder arguments.
        case call
        /// A call the test driver fails for a known reason: must succeed or throw this
        /// `virErrorNumber` (nil: any libvirt error).
        case knownFailure(Int64?)
    }

    /// One probe.
    public struct Probe: Sendable, Equatable {
        /// The C function.
        public var function: String
        /// The Swift declaration.
        public var swift: String
        /// The Swift module that declares it.
        public var module: String
        /// What it expects.
        public var kind: Kind
        /// The Swift statement that makes the call, over a fixture named `f`.
        public var statement: String
    }

    /// A function no probe calls, and why.
    public struct Skipped: Error, Sendable, Equatable {
        /// The C function.
        public var function: String
        /// Why it is not probed.
        public var reason: String
    }

    /// The handle types the runner's fixture can provide, with the accessor's name.
    public static let fixtureTypes: Set<String> = [
        "Connection", "Domain", "Network", "StoragePool", "StorageVolume", "Interface", "NodeDevice",
        "DomainSnapshot", "DomainCheckpoint", "DataStream", "Secret", "NetworkFilter", "NetworkFilterBinding",
        "NetworkPort", "AdminConnection", "AdminServer", "AdminClient",
    ]

    /// The probes, in model order.
    public private(set) var probes: [Probe] = []
    /// The generated functions without a probe.
    public private(set) var skipped: [Skipped] = []

    /// Plans a probe for every generated function of `package`.
    ///
    /// - Parameter package: The binding model.
    /// - Parameter errorCodes: `virErrorNumber` names and values (`VIR_ERR_NO_DOMAIN` → 42).
    /// - Parameter knownFailures: C function → the `virErrorNumber` name the test driver fails it with.
    /// - Parameter unsafe: C function → why no probe may call it (libvirt crashes in it).
    public init(
        package: BindingPackage, errorCodes: [String: Int64], knownFailures: [String: String] = [:],
        unsafe: [String: String] = [:]
    ) {
        let types = PlaceholderTypes(package: package)
        for module in package.modules {
            for file in module.files {
                for function in file.functions {
                    plan(function, module: module.name, owner: file.owner ?? "", types: types, errorCodes: errorCodes)
                }
                if let family = file.events { probes.append(Self.probe(family, module: module.name)) }
            }
        }
        for index in probes.indices {
            guard let code = knownFailures[probes[index].function] else { continue }
            probes[index].kind = .knownFailure(errorCodes[code])
        }
        skipped += probes.compactMap { probe in unsafe[probe.function].map { Skipped(function: probe.function, reason: $0) } }
        probes.removeAll { unsafe[$0.function] != nil }
    }

    /// Adds the probe for one function, or the reason it has none.
    private mutating func plan(
        _ function: BoundFunction, module: String, owner: String, types: PlaceholderTypes, errorCodes: [String: Int64]
    ) {
        switch Self.probe(function, module: module, owner: owner, types: types, errorCodes: errorCodes) {
        case .success(let probe): probes.append(probe)
        case .failure(let skip): skipped.append(skip)
        }
    }

    /// The probe for one function, or why there is none.
    static func probe(
        _ function: BoundFunction, module: String, owner: String, types: PlaceholderTypes, errorCodes: [String: Int64]
    ) -> Result<Probe, Skipped> {
        func skip(_ reason: String) -> Result<Probe, Skipped> {
            .failure(Skipped(function: function.cName, reason: reason))
        }
        if function.kind == .initializer { return skip("an initializer: the scenario checks open objects") }
        let lookup = function.cName.contains("LookupBy") && types.handles[function.returnType?.name ?? ""] != nil
            && function.parameters.contains { $0.defaultValue == nil }
        var receiver = owner
        if function.kind != .staticMethod {
            guard fixtureTypes.contains(owner) else { return skip("the fixture has no \(owner) object") }
            receiver = "f.\(Placeholders.accessor(owner))()"
        }
        // Every argument is passed, defaults included: leaving one out can select an overload
        // that binds another C function (`start()` instead of `start(options:)`).
        var arguments: [String] = []
        for parameter in function.parameters {
            let value = parameter.defaultValue?.spelling
                ?? (lookup ? Placeholders.missingKey(parameter.type, function: function.cName)
                        : Placeholders.value(for: parameter, function: function.cName, types: types))
            guard let value else { return skip("no placeholder for a parameter of type \(parameter.type.spelling)") }
            arguments.append(parameter.label == "_" ? value : "\(parameter.label): \(value)")
        }
        let member = function.kind == .property ? function.name : "\(function.name)(\(arguments.joined(separator: ", ")))"
        let expression = "\(receiver).\(member)"
        let needsTry = function.throwing || expression.contains("f.")
        let kind: Kind
        if lookup {
            let handle = types.handles[function.returnType?.name ?? ""] ?? ""
            kind = .lookupMiss(errorCodes["VIR_ERR_NO_" + Placeholders.upperSnake(handle.dropFirst(3))])
        } else if function.kind == .property
                    || (function.parameters.allSatisfy { $0.defaultValue != nil } && Self.readsValue(function.cName)) {
            kind = .getter
        } else {
            kind = .call
        }
        let statement = "_ = \(needsTry ? "try " : "")\(expression)"
        return .success(Probe(
            function: function.cName, swift: function.swiftSymbol, module: module, kind: kind, statement: statement))
    }

    /// The probe of an event family: opening a stream of its first event registers a callback,
    /// dropping it deregisters the callback.
    static func probe(_ family: EventFamily, module: String) -> Probe {
        let first = family.cases.first?.idCase ?? "lifecycle"
        return Probe(
            function: family.registerFunction, swift: family.symbol,
            module: module, kind: .call,
            statement: "_ = try f.connection().\(family.methodName)(.\(first), \(family.objectLabel): nil)")
    }

    /// Whether a C name reads a value (`virDomainGetInfo`, `virConnectListAllDomains`, `virNetworkIsActive`).
    static func readsValue(_ cName: String) -> Bool {
        ["Get", "List", "NumOf", "Is", "Has"].contains { cName.contains($0) }
    }
}
