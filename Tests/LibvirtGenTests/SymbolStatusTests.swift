import LibvirtGenCore
import LibvirtGenModel
import Testing

/// The status the lowering gives every function, enum value and macro of the input (DESIGN §4:
/// generated, override, internal, excluded, notYetBound, unaccounted), for the checked-in 9.0.0.
@Suite("Symbol statuses")
struct SymbolStatusTests {
    /// Functions and the status they must have.
    static let statuses: [(String, SymbolStatus.Status)] = [
        ("virDomainFree", .internal),
        ("virDomainRef", .internal),
        ("virConnectClose", .internal),
        ("virConnectRef", .internal),
        ("virStorageVolFree", .internal),
        ("virTypedParamsFree", .internal),
        ("virGetLastError", .internal),
        ("virSetErrorFunc", .internal),
        ("virConnectOpen", .override),
        ("virConnectOpenReadOnly", .override),
        ("virConnSetErrorFunc", .excluded),
        ("virDefaultErrorFunc", .excluded),
        ("virEventRegisterImpl", .excluded),
        ("virDomainMemoryPeek", .generated),
        ("virDomainGetSecurityLabel", .override),
        ("virNodeGetCPUMap", .override),
        ("virStreamSend", .override),
        ("virConnectOpenAuth", .override),
        ("virDomainLxcEnterNamespace", .excluded),
        ("virDomainGetMemoryParameters", .generated),
        ("virDomainGetInfo", .generated),
        ("virAdmConnectOpen", .generated),
        ("virDomainQemuMonitorCommand", .generated),
        ("virDomainLxcOpenNamespace", .generated),
        ("virDomainLxcEnterCGroup", .excluded),
        ("virConnectDomainEventRegisterAny", .generated),
        ("virConnectDomainEventRegister", .excluded),
    ]

    /// Each listed function has the expected status; every status but `generated` says why.
    @Test(arguments: statuses)
    func status(cName: String, status: SymbolStatus.Status) throws {
        let symbol = try Reference.symbol(cName)
        #expect(symbol.kind == .function)
        #expect(symbol.status == status)
        if status == .generated {
            #expect(symbol.reason == nil)
            #expect(symbol.swift != nil)
        } else {
            #expect(!(symbol.reason ?? "").isEmpty, "\(cName) has no reason")
        }
    }

    /// Functions the runtime or the lowering keeps away from users have no Swift declaration.
    @Test(arguments: ["virDomainFree", "virSetErrorFunc", "virConnSetErrorFunc", "virDomainLxcEnterNamespace"])
    func notExposed(cName: String) throws {
        #expect(try Reference.symbol(cName).swift == nil)
    }

    /// Every symbol that is not generated says why; every generated one names its Swift declaration.
    @Test func reasonsAndSwiftNames() throws {
        for symbol in try Reference.package().symbols {
            if symbol.status == .generated {
                #expect(symbol.reason == nil, "\(symbol.name) is generated but has a reason")
                #expect(symbol.kind == .enumValue || symbol.swift != nil, "\(symbol.name) has no Swift name")
            } else {
                #expect(!(symbol.reason ?? "").isEmpty, "\(symbol.name) (\(symbol.status)) has no reason")
            }
        }
    }

    /// Symbols land in the Swift module of the file that declares them.
    @Test(arguments: [
        ("virDomainGetInfo", "Libvirt"), ("virDomainQemuMonitorCommand", "LibvirtQemu"),
        ("virDomainLxcOpenNamespace", "LibvirtLXC"), ("virAdmConnectOpen", "LibvirtAdmin"),
        ("VIR_DOMAIN_RUNNING", "Libvirt"), ("LIBVIR_VERSION_NUMBER", "Libvirt"),
    ])
    func module(cName: String, module: String) throws {
        #expect(try Reference.symbol(cName).module == module)
    }

    /// Every function, enum value and macro of the input has exactly one status entry.
    @Test func everySymbolHasExactlyOneStatus() throws {
        let result = try Reference.result()
        let symbols = result.package.symbols
        var counts: [String: Int] = [:]
        for symbol in symbols { counts["\(symbol.kind.rawValue) \(symbol.name)", default: 0] += 1 }
        let twice = counts.filter { $0.value > 1 }.keys.sorted()
        #expect(twice.isEmpty, "symbols with several statuses: \(twice.prefix(10))")

        let inputs = result.apis.flatMap { api in
            api.functions.map { "function \($0.name)" } + api.enumValues.map { "enumValue \($0.name)" }
                + api.macros.map { "macro \($0.name)" }
        }
        #expect(Set(inputs) == Set(counts.keys))
        #expect(inputs.count == symbols.count)
    }

    /// Libvirt 9.0.0 has no symbol the generator could not place, and its pipeline warns about nothing.
    @Test func nothingUnaccounted() throws {
        let result = try Reference.result()
        let unaccounted = result.package.symbols.filter { $0.status == .unaccounted }.map(\.name)
        #expect(unaccounted.isEmpty, "unaccounted: \(unaccounted)")
        #expect(result.diagnostics.warnings.isEmpty, "\(result.diagnostics.warnings.map(\.description))")
    }

    /// Every function is bound or deliberately left out: none waits for a later step, at most 30
    /// are excluded, and at least 90% of the bound ones (generated + override) are generated.
    @Test func completeCoverage() throws {
        let functions = try Reference.package().symbols.filter { $0.kind == .function }
        let count = { (status: SymbolStatus.Status) in functions.filter { $0.status == status }.count }
        #expect(count(.notYetBound) == 0, "\(functions.filter { $0.status == .notYetBound }.map(\.name))")
        #expect(count(.excluded) <= 30)
        let bound = count(.generated) + count(.override)
        #expect(Double(count(.generated)) >= 0.9 * Double(bound), "\(count(.generated)) of \(bound) generated")
    }

    /// The input's counts: 558 functions, 1042 enum values, 288 macros (DESIGN §4).
    @Test func inputCounts() throws {
        let symbols = try Reference.package().symbols
        #expect(symbols.filter { $0.kind == .function }.count == 558)
        #expect(symbols.filter { $0.kind == .enumValue }.count == 1042)
        #expect(symbols.filter { $0.kind == .macro }.count == 288)
    }

    /// The C functions bound as event streams (register and deregister), by C name, with their family.
    static func eventFunctions(_ module: BindingModule) -> [String: EventFamily] {
        var families: [String: EventFamily] = [:]
        for family in module.files.compactMap(\.events) {
            families[family.registerFunction] = family
            families[family.deregisterFunction] = family
        }
        return families
    }

    /// The main module binds at least 330 functions, and coverage agrees with what the files declare:
    /// a generated function is a bound function or half of an event stream's registration pair.
    @Test func generatedFunctionCount() throws {
        let package = try Reference.package()
        let libvirt = try #require(package.modules.first { $0.name == "Libvirt" })
        let bound = libvirt.files.flatMap(\.functions)
        #expect(bound.count >= 330)
        for module in package.modules {
            let declared = Set(module.files.flatMap(\.functions).map(\.cName)).union(Self.eventFunctions(module).keys)
            let generated = package.symbols.filter { $0.kind == .function && $0.module == module.name && $0.status == .generated }
            #expect(Set(generated.map(\.name)) == declared, "\(module.name)")
        }
    }

    /// Each generated function's coverage entry carries the Swift symbol of its declaration.
    @Test func coverageNamesMatchBoundFunctions() throws {
        let package = try Reference.package()
        for module in package.modules {
            let swiftByName = Dictionary(
                module.files.flatMap(\.functions).map { ($0.cName, $0.swiftSymbol) }, uniquingKeysWith: { first, _ in first })
            let events = Self.eventFunctions(module)
            for symbol in package.symbols where symbol.module == module.name && symbol.kind == .function && symbol.status == .generated {
                if let family = events[symbol.name] {
                    #expect(symbol.swift?.hasPrefix("Connection.\(family.methodName)(") == true, "\(symbol.name)")
                } else {
                    #expect(symbol.swift == swiftByName[symbol.name], "\(symbol.name)")
                }
            }
        }
    }

    /// The version comes from `LIBVIR_VERSION_NUMBER`.
    @Test func libvirtVersion() throws {
        #expect(try Reference.package().libvirtVersion == Reference.version)
        #expect(try Reference.package().modules.map(\.name) == ["Libvirt", "LibvirtQemu", "LibvirtLXC", "LibvirtAdmin"])
    }
}
