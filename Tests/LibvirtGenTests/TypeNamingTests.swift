@testable import LibvirtGenCore
import LibvirtGenModel
import Testing

/// Swift type names for C types (DESIGN §5 rules 1, 7, 8): handles drop `vir` and expand
/// abbreviations; enums, option sets and structs nest in the handle their C name starts with.
@Suite("Type naming")
struct TypeNamingTests {
    /// The type namer the lowering builds, from the overrides data and the checked-in description.
    static func typeNaming() throws -> TypeNaming { try cachedTypeNaming.get() }

    /// The type namer, built once.
    private static let cachedTypeNaming = Result { try makeTypeNaming() }

    /// Builds the type namer the way ``Lowering`` does.
    private static func makeTypeNaming() throws -> TypeNaming {
        let overrides = try Overrides.builtIn()
        let naming = Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
        let apis = try Reference.result().apis
        let registry = try TypeRegistry(apis: apis.map { ($0, try ModuleLayout.entry(for: $0).module) }) {
            TypeNaming.handleName($0, explicit: overrides.typeNames, naming: naming)
        }
        return TypeNaming(naming: naming, explicit: overrides.typeNames, handles: registry.handles.mapValues(\.swiftName))
    }

    /// The words a text names C symbols with are the runs of letters, digits and `_` a walk over
    /// its characters finds: ASCII text cut as bytes (a CR LF pair separates as one character
    /// does), other text by characters, where a letter of any script or a combining mark joined to
    /// one continues a word.
    @Test(arguments: [
        "", "one of virDomainState.", "virDomainState\r\nVIR_DOMAIN_RUNNING", "a_b9 (c)--d", "évirDomainState virX",
        "virDomainState—VIR_A ½ x\u{301}y", "\t\n", "_",
    ])
    func wordsMatchTheCharacterWalk(text: String) {
        var words: [String] = []
        var token = ""
        for character in text + " " {
            if character.isLetter || character.isNumber || character == "_" {
                token.append(character)
            } else {
                if !token.isEmpty { words.append(token) }
                token = ""
            }
        }
        #expect(TypeRegistry.words(of: text) == words)
    }

    /// Handle C types → Swift class names.
    static let handles: [(String, String)] = [
        ("virConnect", "Connection"),
        ("virDomain", "Domain"),
        ("virDomainSnapshot", "DomainSnapshot"),
        ("virDomainCheckpoint", "DomainCheckpoint"),
        ("virNetwork", "Network"),
        ("virNetworkPort", "NetworkPort"),
        ("virNWFilter", "NetworkFilter"),
        ("virNWFilterBinding", "NetworkFilterBinding"),
        ("virInterface", "Interface"),
        ("virNodeDevice", "NodeDevice"),
        ("virSecret", "Secret"),
        ("virStoragePool", "StoragePool"),
        ("virStorageVol", "StorageVolume"),
        ("virStream", "DataStream"),
        ("virAdmConnect", "AdminConnection"),
        ("virAdmServer", "AdminServer"),
        ("virAdmClient", "AdminClient"),
    ]

    /// Value enums → qualified Swift names.
    static let valueEnums: [(String, String)] = [
        ("virDomainState", "Domain.State"),
        ("virDomainEventType", "Domain.EventType"),
        ("virDomainEventStoppedDetailType", "Domain.EventStoppedDetailType"),
        ("virNetworkUpdateCommand", "Network.UpdateCommand"),
        ("virStoragePoolState", "StoragePool.State"),
        ("virStorageVolType", "StorageVolume.Kind"),
        ("virSecretUsageType", "Secret.UsageType"),
        ("virErrorNumber", "LibvirtError.Code"),
        ("virErrorDomain", "LibvirtError.ErrorDomain"),
        ("virNodeSuspendTarget", "NodeSuspendTarget"),
    ]

    /// Flag enums → qualified option set names (`…Flags` becomes `…Options`).
    static let optionSets: [(String, String)] = [
        ("virDomainXMLFlags", "Domain.XMLOptions"),
        ("virDomainModificationImpact", "Domain.ModificationImpact"),
        ("virConnectListAllDomainsFlags", "Connection.ListAllDomainsOptions"),
        ("virDomainUndefineFlagsValues", "Domain.UndefineOptions"),
        ("virStorageVolResizeFlags", "StorageVolume.ResizeOptions"),
        ("virNetworkXMLFlags", "Network.XMLOptions"),
        ("virConnectFlags", "Connection.OpenOptions"),
    ]

    /// Structs converted to Swift values → qualified names.
    static let structs: [(String, String)] = [
        ("virDomainInfo", "Domain.Info"),
        ("virStoragePoolInfo", "StoragePool.Info"),
        ("virStorageVolInfo", "StorageVolume.Info"),
        ("virNodeInfo", "NodeInfo"),
    ]

    /// Handle classes are named by the rules and the overrides data.
    @Test(arguments: handles)
    func handleName(cType: String, swift: String) throws {
        let overrides = try Overrides.builtIn()
        let naming = Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
        #expect(TypeNaming.handleName(cType, explicit: overrides.typeNames, naming: naming) == swift)
    }

    /// The rules alone, without the explicit names, already give the DESIGN's handle names.
    @Test(arguments: [("virStorageVol", "StorageVolume"), ("virNWFilter", "NetworkFilter"), ("virNodeDevice", "NodeDevice")])
    func handleNameFromRules(cType: String, swift: String) throws {
        let overrides = try Overrides.builtIn()
        let naming = Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
        #expect(TypeNaming.handleName(cType, explicit: [:], naming: naming) == swift)
    }

    /// Value enums nest in their handle and keep their words; `Type` becomes `Kind`.
    @Test(arguments: valueEnums)
    func valueEnumName(cName: String, swift: String) throws {
        #expect(try Self.typeNaming().swiftName(of: cName) == swift)
    }

    /// Option sets nest in their handle and are named `…Options`.
    @Test(arguments: optionSets)
    func optionSetName(cName: String, swift: String) throws {
        #expect(try Self.typeNaming().swiftName(of: cName, isOptionSet: true) == swift)
    }

    /// Converted structs nest in their handle.
    @Test(arguments: structs)
    func structName(cName: String, swift: String) throws {
        #expect(try Self.typeNaming().swiftName(of: cName) == swift)
    }

    /// The lowered package declares each enum and option set in its owner's file under the same name.
    @Test(arguments: valueEnums + optionSets)
    func declaredInOwnerFile(cName: String, swift: String) throws {
        let files = try Reference.package().modules.flatMap(\.files)
        let declared = files.flatMap { file in
            file.enums.map { (file.owner, $0.cName, $0.name) } + file.optionSets.map { (file.owner, $0.cName, $0.name) }
        }
        let entry = try #require(declared.first { $0.1 == cName }, "\(cName) is not declared")
        let parts = swift.split(separator: ".").map(String.init)
        #expect(entry.2 == parts.last)
        #expect(entry.0 == (parts.count > 1 ? parts[0] : nil))
    }

    /// `owner(of:)` finds the longest handle prefix at a word boundary.
    @Test func ownerPrefersTheLongestHandle() throws {
        let types = try Self.typeNaming()
        #expect(types.owner(of: "virDomainSnapshotGetName")?.swift == "DomainSnapshot")
        #expect(types.owner(of: "virDomainGetName")?.swift == "Domain")
        #expect(types.owner(of: "virNWFilterBindingDelete")?.swift == "NetworkFilterBinding")
        #expect(types.owner(of: "virDomainGetName")?.rest == "GetName")
        #expect(types.owner(of: "virDomainsFoo") == nil, "a prefix must end at a word boundary")
        #expect(types.owner(of: "virDomain") == nil, "a handle does not own itself")
    }
}
