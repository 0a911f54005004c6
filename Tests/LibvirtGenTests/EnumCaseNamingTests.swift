@testable import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenSwift
import LibvirtGenTemplates
import LibvirtGenTemplating
import Testing

/// Swift case names for C enum constants (DESIGN §5 rule 8): the common prefix is dropped, the rest
/// split on underscores, lowerCamelCased, and Swift keywords escaped.
@Suite("Enum case naming")
struct EnumCaseNamingTests {
    /// The enum lowering as the pipeline builds it.
    static func lowering() throws -> EnumLowering {
        let overrides = try Overrides.builtIn()
        let naming = Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
        return EnumLowering(
            naming: naming, types: try TypeNamingTests.typeNaming(), docs: DocText(), prefixes: overrides.enumPrefixes)
    }

    /// The Swift case names of a C enum of the checked-in description, by C constant.
    static func caseNames(of typeName: String) throws -> [String: String] {
        let apis = try Reference.result().apis
        let values = apis.flatMap(\.enumValues).filter { $0.type == typeName && !EnumLowering.isSentinel($0) }
        try #require(!values.isEmpty, "\(typeName) has no values")
        let names = try lowering().caseNames(values, typeName: typeName)
        return Dictionary(uniqueKeysWithValues: zip(values.map(\.name), names))
    }

    /// Every enum and option set of the lowered reference package has the case names the enum
    /// lowering gives its values: the lowering takes them from the naming pass, which works them
    /// out once for linking documentation, rather than working them out again.
    @Test func packageEnumsKeepTheNamingPassNames() throws {
        let overrides = try Overrides.builtIn()
        let naming = Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
        let lowering = EnumLowering(
            naming: naming, types: try TypeNamingTests.typeNaming(), docs: DocText(), prefixes: overrides.enumPrefixes,
            renames: overrides.renames)
        let values = Dictionary(grouping: try Reference.result().apis.flatMap(\.enumValues), by: \.type)
        let files = try Reference.package().modules.flatMap(\.files)
        let lowered = files.flatMap { $0.enums.map { ($0.cName, $0.cases + $0.aliases) } }
            + files.flatMap { $0.optionSets.map { ($0.cName, $0.members) } }
        #expect(lowered.count > 100)
        for (cName, cases) in lowered {
            let real = (values[cName] ?? []).filter { !EnumLowering.isSentinel($0) }
            let expected = Dictionary(uniqueKeysWithValues: zip(real.map(\.name), lowering.caseNames(real, typeName: cName)))
            #expect(Dictionary(uniqueKeysWithValues: cases.map { ($0.cName, $0.name) }) == expected, "\(cName)")
        }
    }

    /// C enum typedef, C constant, Swift case: real constants of libvirt 9.0.0.
    static let realCases: [(String, String, String)] = [
        ("virDomainState", "VIR_DOMAIN_SHUTOFF", "shutoff"),
        ("virDomainState", "VIR_DOMAIN_PMSUSPENDED", "pmsuspended"),
        ("virDomainState", "VIR_DOMAIN_RUNNING", "running"),
        ("virDomainState", "VIR_DOMAIN_NOSTATE", "nostate"),
        ("virDomainEventStoppedDetailType", "VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT", "fromSnapshot"),
        ("virDomainEventStoppedDetailType", "VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN", "shutdown"),
        ("virDomainAgentResponseTimeoutValues", "VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT", "`default`"),
        ("virDomainControlErrorReason", "VIR_DOMAIN_CONTROL_ERROR_REASON_INTERNAL", "`internal`"),
        ("virDomainEventTrayChangeReason", "VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN", "`open`"),
        ("virDomainEventGraphicsAddressType", "VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV4", "ipv4"),
        ("virErrorNumber", "VIR_ERR_NO_DOMAIN", "noDomain"),
        ("virErrorNumber", "VIR_ERR_OK", "ok"),
        ("virErrorNumber", "VIR_WAR_NO_NETWORK", "warNoNetwork"),
        ("virErrorDomain", "VIR_FROM_QEMU", "qemu"),
        ("virDomainXMLFlags", "VIR_DOMAIN_XML_SECURE", "secure"),
        ("virDomainXMLFlags", "VIR_DOMAIN_XML_UPDATE_CPU", "updateCPU"),
        ("virConnectListAllDomainsFlags", "VIR_CONNECT_LIST_DOMAINS_ACTIVE", "active"),
        ("virDomainModificationImpact", "VIR_DOMAIN_AFFECT_CONFIG", "config"),
    ]

    /// Each real constant gets the expected case name.
    @Test(arguments: realCases)
    func realCaseName(typeName: String, constant: String, swift: String) throws {
        #expect(try Self.caseNames(of: typeName)[constant] == swift)
    }

    /// The cases of `virDomainState` in full (the `_LAST` sentinel is not one).
    @Test func domainStateCases() throws {
        #expect(try Self.caseNames(of: "virDomainState") == [
            "VIR_DOMAIN_NOSTATE": "nostate", "VIR_DOMAIN_RUNNING": "running", "VIR_DOMAIN_BLOCKED": "blocked",
            "VIR_DOMAIN_PAUSED": "paused", "VIR_DOMAIN_SHUTDOWN": "shutdown", "VIR_DOMAIN_SHUTOFF": "shutoff",
            "VIR_DOMAIN_CRASHED": "crashed", "VIR_DOMAIN_PMSUSPENDED": "pmsuspended",
        ])
    }

    /// A made-up enum value for rule tests.
    static func value(_ name: String, _ number: Int64, type: String = "virTestThing") -> CEnumValue {
        CEnumValue(
            name: name, file: "test", rawValue: String(number), value: number, bitshift: nil, type: type,
            version: nil, info: "", location: SourceLocation(file: "test.xml", line: 1))
    }

    /// Made-up constants (one list per enum) and the case names expected for them.
    static let syntheticCases: [([String], [String])] = [
        (["VIR_TEST_THING_DEFAULT", "VIR_TEST_THING_OTHER"], ["`default`", "other"]),
        (["VIR_TEST_THING_SELF", "VIR_TEST_THING_CASE", "VIR_TEST_THING_PLAIN"], ["`self`", "`case`", "plain"]),
        (["VIR_TEST_THING_UUID_STRING", "VIR_TEST_THING_XML_DESC"], ["uuidString", "xmlDescription"]),
        (["VIR_TEST_THING_FROM_SNAPSHOT", "VIR_TEST_THING_QEMU_MONITOR"], ["fromSnapshot", "qemuMonitor"]),
        // Every word all values share is prefix, `FROM` included.
        (["VIR_TEST_THING_FROM_SNAPSHOT", "VIR_TEST_THING_FROM_QEMU_MONITOR"], ["snapshot", "qemuMonitor"]),
    ]

    /// Rules on made-up enums: the shared prefix goes, keywords are escaped, acronyms cased uniformly.
    @Test(arguments: syntheticCases)
    func syntheticCaseNames(constants: [String], expected: [String]) throws {
        let values = constants.enumerated().map { Self.value($1, Int64($0)) }
        let names = try Self.lowering().caseNames(values, typeName: "virTestThing")
        #expect(names == expected)
    }

    /// An explicit prefix from the overrides data keeps names stable when a release adds values
    /// outside it; those drop only what they share with it.
    @Test func explicitPrefixKeepsNamesStable() throws {
        var lowering = try Self.lowering()
        lowering.prefixes["virTestThing"] = "VIR_TEST_THING_CAP_"
        let before = ["VIR_TEST_THING_CAP_NET", "VIR_TEST_THING_CAP_PCI_DEV"]
        let after = before + ["VIR_TEST_THING_PERSISTENT"]
        let values = { (names: [String]) in names.enumerated().map { Self.value($1, Int64($0)) } }
        #expect(lowering.caseNames(values(before), typeName: "virTestThing") == ["net", "pciDevice"])
        #expect(lowering.caseNames(values(after), typeName: "virTestThing") == ["net", "pciDevice", "persistent"])
    }

    /// Names never collide within an enum of the checked-in description.
    @Test func caseNamesAreUniquePerEnum() throws {
        let apis = try Reference.result().apis
        let byType = Dictionary(grouping: apis.flatMap(\.enumValues).filter { !EnumLowering.isSentinel($0) }, by: \.type)
        let lowering = try Self.lowering()
        for (typeName, values) in byType {
            let names = lowering.caseNames(values, typeName: typeName)
            #expect(Set(names).count == names.count, "\(typeName) has duplicate case names: \(names)")
            #expect(names.allSatisfy { !$0.isEmpty && !($0.first?.isUppercase ?? true) }, "\(typeName): \(names)")
        }
    }

    /// `_LAST` sentinels are not cases and are counted as excluded, with a reason.
    @Test func sentinelsAreExcluded() throws {
        let last = try Reference.symbol("VIR_DOMAIN_LAST")
        #expect(last.status == .excluded)
        #expect(!(last.reason ?? "").isEmpty)
        #expect(try Reference.symbol("VIR_DOMAIN_SHUTOFF").swift == "Domain.State.shutoff")
        #expect(try Reference.symbol("VIR_DOMAIN_XML_SECURE").swift == "Domain.XMLOptions.secure")
    }
}

/// Generated enums print their Swift case names (`CustomDebugStringConvertible`, which an
/// enum payload prints through: `started(booted)`); the labels carry no keyword backticks.
@Suite("Enum descriptions")
struct EnumDescriptionTests {
    /// The value enum with C name `cName` in the 9.0.0 model.
    static func valueEnum(_ cName: String) throws -> ValueEnum {
        try #require(try Reference.package().modules.flatMap(\.files).flatMap(\.enums).first { $0.cName == cName })
    }

    /// Labels are the Swift case names without backticks; the rendered enum returns them.
    @Test func labels() throws {
        #expect(try Self.valueEnum("virDomainEventStartedDetailType").cases.map(\.label).contains("booted"))
        let metadata = try Self.valueEnum("virDomainMetadataType")
        #expect(metadata.cases.map(\.label).contains("description"))
        let text = try TemplateSet(folder: TemplatesResource.swiftTemplates).render("valueEnum", metadata)
        #expect(text.contains("CustomDebugStringConvertible"))
        #expect(text.contains("case .description: return \"description\""))
    }
}
