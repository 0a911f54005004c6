import LibvirtGenCore
import LibvirtGenModel

/// The `coverage --json` document: the status of every function, enum value and macro.
public struct CoverageReport: Sendable, Encodable {
    /// Counts per status.
    public struct Counts: Sendable, Encodable, Equatable {
        /// All symbols of the kind.
        public var total = 0
        /// Emitted end to end.
        public var generated = 0
        /// Hand-written code declared in the overrides data.
        public var override = 0
        /// Used by the runtime.
        public var `internal` = 0
        /// Deliberately not exposed.
        public var excluded = 0
        /// To be bound by a later step.
        public var notYetBound = 0
        /// Not placed by the generator.
        public var unaccounted = 0

        /// Adds one symbol.
        mutating func add(_ status: SymbolStatus.Status) {
            total += 1
            switch status {
            case .generated: generated += 1
            case .override: override += 1
            case .internal: `internal` += 1
            case .excluded: excluded += 1
            case .notYetBound: notYetBound += 1
            case .unaccounted: unaccounted += 1
            }
        }

        /// The count for one status.
        public subscript(status: SymbolStatus.Status) -> Int {
            switch status {
            case .generated: generated
            case .override: override
            case .internal: `internal`
            case .excluded: excluded
            case .notYetBound: notYetBound
            case .unaccounted: unaccounted
            }
        }
    }

    /// Counts per symbol kind.
    public struct Totals: Sendable, Encodable, Equatable {
        /// Functions.
        public var functions = Counts()
        /// Enum values.
        public var enumValues = Counts()
        /// Macros.
        public var macros = Counts()

        mutating func add(_ symbol: SymbolStatus) {
            switch symbol.kind {
            case .function: functions.add(symbol.status)
            case .enumValue: enumValues.add(symbol.status)
            case .macro: macros.add(symbol.status)
            }
        }
    }

    /// Counts for one module.
    public struct ModuleTotals: Sendable, Encodable {
        /// The Swift module.
        public var module: String
        /// Functions.
        public var functions: Counts
        /// Enum values.
        public var enumValues: Counts
        /// Macros.
        public var macros: Counts
    }

    /// One symbol's row, with `swift`, `since`, `reason` and `failureRule` always present (null
    /// when absent). `failureRule` is `{ "rule", "value", "throws" }`: the rule's case name, the
    /// value it names (null for none) and whether the declaration throws.
    public struct Row: Sendable, Encodable {
        /// The symbol.
        public let symbol: SymbolStatus

        /// The row's keys.
        enum Keys: String, CodingKey { case name, kind, module, status, swift, since, reason, failureRule }
        /// The keys of `failureRule`.
        enum RuleKeys: String, CodingKey { case rule, value, `throws` }

        /// Encodes every key, writing null for missing values.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(symbol.name, forKey: .name)
            try c.encode(symbol.kind.rawValue, forKey: .kind)
            try c.encode(symbol.module, forKey: .module)
            try c.encode(symbol.status.rawValue, forKey: .status)
            try c.encode(symbol.swift, forKey: .swift)
            try c.encode(symbol.since, forKey: .since)
            try c.encode(symbol.reason, forKey: .reason)
            guard let rule = symbol.failureRule else { return try c.encodeNil(forKey: .failureRule) }
            var r = c.nestedContainer(keyedBy: RuleKeys.self, forKey: .failureRule)
            try r.encode(rule.name, forKey: .rule)
            try r.encode(rule.value?.description, forKey: .value)
            try r.encode(rule.canFail, forKey: .throws)
        }
    }

    /// The libvirt version of the input.
    public var libvirtVersion: String
    /// Counts over all modules.
    public var totals: Totals
    /// Counts per module.
    public var modules: [ModuleTotals]
    /// Every symbol.
    public var symbols: [Row]

    /// Builds the report from the binding model.
    public init(_ package: BindingPackage) {
        libvirtVersion = package.libvirtVersion
        var totals = Totals()
        var perModule: [String: Totals] = [:]
        for symbol in package.symbols {
            totals.add(symbol)
            perModule[symbol.module, default: Totals()].add(symbol)
        }
        self.totals = totals
        modules = package.modules.map { module in
            let t = perModule[module.name] ?? Totals()
            return ModuleTotals(module: module.name, functions: t.functions, enumValues: t.enumValues, macros: t.macros)
        }
        symbols = package.symbols.map(Row.init)
    }
}
