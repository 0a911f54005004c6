@testable import LibvirtGenCore
import LibvirtGenModel
import Testing

/// The typed-parameter families inferred from names (`TypedParameterFamilyInference`), checked on
/// the checked-in description lowered with overrides data that declares fewer families.
@Suite("Typed-parameter family inference")
struct TypedParameterFamilyInferenceTests {
    /// The checked-in description lowered with `families` as the declared typed-parameter families.
    static func result(declaring families: [Overrides.TypedParameterFamily]) throws -> Pipeline.Result {
        var overrides = try Overrides.builtIn()
        overrides.typedParameterFamilies = families
        return try Pipeline(overrides: overrides).run(apis: Reference.result().apis)
    }

    /// The checked-in description lowered with no declared family at all.
    static let undeclared = Result { try result(declaring: []).package }

    /// Look-ups in `package`: a macro's status, and the key type a function's typed parameters use.
    static func lookup(_ package: BindingPackage) -> (macro: (String) -> SymbolStatus?, keyType: (String) -> String?) {
        let symbols = Dictionary(package.symbols.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let functions = Dictionary(
            package.modules.flatMap(\.files).flatMap(\.functions).map { ($0.cName, $0) }, uniquingKeysWith: { a, _ in a })
        return ({ symbols[$0] }, { name in
            guard let f = functions[name] else { return nil }
            let types = f.parameters.map(\.type) + (f.returnType.map { [$0] } ?? [])
            let typed = types.lazy.compactMap { type -> String? in
                if case .typedParameters(let key) = type { key } else { nil }
            }.first
            return typed ?? f.typedParameterKey
        })
    }

    /// Macros the rule places as the overrides data once did (`IOTHREAD` spells `IO Thread`,
    /// `SAVE_PARAM_` is the prefix of `virDomainSaveParams`, a receiver's words leave the name).
    @Test(arguments: [
        ("VIR_DOMAIN_MEMORY_HARD_LIMIT", "Domain.MemoryParameter.hardLimit"),
        ("VIR_DOMAIN_SCHEDULER_CPU_SHARES", "Domain.SchedulerParameter.cpuShares"),
        ("VIR_DOMAIN_NUMA_MODE", "Domain.NUMAParameter.mode"),
        ("VIR_DOMAIN_IOTHREAD_POLL_MAX_NS", "Domain.IOThreadParameter.pollMaxNs"),
        ("VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC", "Domain.BlockIOTuneParameter.totalBytesSec"),
        ("VIR_DOMAIN_BLOCK_STATS_READ_BYTES", "Domain.BlockStatsParameter.readBytes"),
        ("VIR_DOMAIN_SAVE_PARAM_FILE", "Domain.SaveParameter.file"),
        ("VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE", "NetworkPort.Parameter.bandwidthInAverage"),
        ("VIR_CONNECT_IDENTITY_USER_NAME", "Connection.IdentityParameter.userName"),
    ])
    func inferredKey(macro: String, swift: String) throws {
        let symbol = Self.lookup(try Self.undeclared.get()).macro(macro)
        #expect(symbol?.status == .generated)
        #expect(symbol?.swift == swift)
    }

    /// Functions get the inferred key type; one not named after its keys' prefix keeps untyped keys.
    @Test(arguments: [
        ("virDomainGetSchedulerParametersFlags", "Domain.SchedulerParameter"),
        ("virDomainSetIOThreadParams", "Domain.IOThreadParameter"),
        ("virNetworkPortGetParameters", "NetworkPort.Parameter"),
        ("virDomainRestoreParams", "AnyTypedParameterKey"),
    ])
    func keyType(function: String, expected: String) throws {
        #expect(Self.lookup(try Self.undeclared.get()).keyType(function) == expected)
    }

    /// What the rule cannot place stays `unaccounted`: `virNodeGetSEVInfo` ends with `Info`, not a
    /// parameter word, and no function is named after `VIR_MIGRATE_PARAM_`.
    @Test(arguments: ["VIR_NODE_SEV_PDH", "VIR_MIGRATE_PARAM_URI"])
    func notPlaced(macro: String) throws {
        let symbol = Self.lookup(try Self.undeclared.get()).macro(macro)
        #expect(symbol?.status == .unaccounted)
        #expect(symbol?.reason?.contains("no function taking typed parameters is named after its prefix") == true)
    }

    /// A declared family wins: its macros are never inferred into the family of a function it does
    /// not list, which then keeps untyped keys.
    @Test func declaredFamilyWins() throws {
        let lookup = Self.lookup(try Self.result(declaring: [
            Overrides.TypedParameterFamily(swift: "Domain.CustomParameter", prefix: "VIR_DOMAIN_MEMORY_", functions: []),
        ]).package)
        #expect(lookup.macro("VIR_DOMAIN_MEMORY_HARD_LIMIT")?.swift == "Domain.CustomParameter.hardLimit")
        #expect(lookup.keyType("virDomainGetMemoryParameters") == "AnyTypedParameterKey")
    }

    /// An inferred key type whose name a declared family already has is dropped with a warning at
    /// its functions, and its macros stay `unaccounted` rather than joining the other family.
    @Test func inferredNameTaken() throws {
        let result = try Self.result(declaring: [
            Overrides.TypedParameterFamily(swift: "Domain.MemoryParameter", prefix: "VIR_DOMAIN_UNUSED_", functions: []),
        ])
        let lookup = Self.lookup(result.package)
        #expect(lookup.macro("VIR_DOMAIN_MEMORY_HARD_LIMIT")?.status == .unaccounted)
        #expect(lookup.keyType("virDomainGetMemoryParameters") == "AnyTypedParameterKey")
        #expect(result.diagnostics.warnings.contains {
            $0.message.hasPrefix("virDomainSetMemoryParameters: the typed-parameter key type inferred for it, Domain.MemoryParameter")
        })
    }
}
