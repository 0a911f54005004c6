import LibvirtGenCore
import LibvirtGenModel
import Testing

/// The word rules every name is built from: splitting C identifiers into words, expanding
/// abbreviations, and joining words with uniformly cased acronyms (DESIGN §5 rules 1 and 9).
@Suite("Naming words")
struct NamingWordsTests {
    /// The naming rules built from the overrides data, as the lowering builds them.
    static func naming() throws -> Naming {
        let overrides = try Overrides.builtIn()
        return Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
    }

    /// CamelCase identifiers and their words.
    static let camelCases: [(String, [String])] = [
        ("GetXMLDesc", ["Get", "XML", "Desc"]),
        ("virDomainGetInfo", ["vir", "Domain", "Get", "Info"]),
        ("LookupByUUIDString", ["Lookup", "By", "UUID", "String"]),
        ("NWFilter", ["NW", "Filter"]),
        ("GetMACString", ["Get", "MAC", "String"]),
        ("UUID", ["UUID"]),
        ("name", ["name"]),
        ("pid_value", ["pid", "value"]),
        ("Migrate2", ["Migrate", "2"]),
        ("MigrateToURI3", ["Migrate", "To", "URI3"]),
        ("IOThread", ["IO", "Thread"]),
        ("", []),
    ]

    /// Word lists and their lowerCamelCase join.
    static let lowerCamelCases: [([String], String)] = [
        (["Get", "XML", "Desc"], "getXMLDesc"),
        (["XML", "Description"], "xmlDescription"),
        (["UUID"], "uuid"),
        (["UUID", "Bytes"], "uuidBytes"),
        (["Define", "Domain"], "defineDomain"),
        (["Mac", "Address"], "macAddress"),
        (["Update", "Tls", "Files"], "updateTLSFiles"),
        (["Inject", "Nmi"], "injectNMI"),
        (["NAME"], "name"),
        (["Os", "Type"], "osType"),
        (["Usage", "Id"], "usageID"),
        (["running"], "running"),
        (["Set", "Vcpus"], "setVCPUs"),
        (["Vcpus"], "vcpus"),
        (["Active", "Domain", "IDS"], "activeDomainIDs"),
        (["Os"], "os"),
        ([], ""),
    ]

    /// Word lists and their UpperCamelCase join.
    static let upperCamelCases: [([String], String)] = [
        (["Storage", "Volume"], "StorageVolume"),
        (["XML", "Options"], "XMLOptions"),
        (["Uuid"], "UUID"),
        (["node", "info"], "NodeInfo"),
    ]

    /// Abbreviations the overrides data expands, including ones spanning several words.
    static let expansions: [([String], [String])] = [
        (["Get", "XML", "Desc"], ["Get", "XML", "Description"]),
        (["Storage", "Vol"], ["Storage", "Volume"]),
        (["NW", "Filter", "Binding"], ["Network", "Filter", "Binding"]),
        (["List", "NW", "Filters"], ["List", "Network", "Filters"]),
        (["Node", "Device", "Num", "Of", "Caps"], ["Node", "Device", "Num", "Of", "Capabilities"]),
        (["Adm", "Connect"], ["Admin", "Connect"]),
        (["Domain"], ["Domain"]),
        // Whatever the C spelling's case: struct fields and constants expand like functions.
        (["rd", "req"], ["Read", "Requests"]),
        (["rx", "drop"], ["Received", "Dropped"]),
        (["hwaddr"], ["Hardware", "Address"]),
        (["CPU", "Iothread", "Quota"], ["CPU", "IO", "Thread", "Quota"]),
        (["desc"], ["Description"]),
    ]

    /// `camelWords` keeps acronyms together and splits at case changes, digits and underscores.
    @Test(arguments: camelCases)
    func camelWords(identifier: String, words: [String]) {
        #expect(Naming.camelWords(identifier) == words)
    }

    /// `lowerCamel` lowercases a leading acronym and capitalises acronyms after it.
    @Test(arguments: lowerCamelCases)
    func lowerCamel(words: [String], joined: String) throws {
        #expect(try Self.naming().lowerCamel(words) == joined)
    }

    /// `upperCamel` capitalises every word and every acronym.
    @Test(arguments: upperCamelCases)
    func upperCamel(words: [String], joined: String) throws {
        #expect(try Self.naming().upperCamel(words) == joined)
    }

    /// `expand` replaces abbreviations, the longest match first.
    @Test(arguments: expansions)
    func expand(words: [String], expanded: [String]) throws {
        #expect(try Self.naming().expand(words) == expanded)
    }

    /// `snakeWords` and `fromSnake` turn an upper-snake constant into capitalised words, acronyms kept.
    @Test func snakeWords() throws {
        #expect(Naming.snakeWords("VIR_DOMAIN_XML_SECURE") == ["VIR", "DOMAIN", "XML", "SECURE"])
        // Empty parts are dropped; a non-ASCII name splits as characters (`_` joined to a combining mark is none).
        #expect(Naming.snakeWords("__VIR__X_") == ["VIR", "X"])
        #expect(Naming.snakeWords("") == [])
        #expect(Naming.snakeWords("É_A_\u{301}B") == ["É", "A_\u{301}B"])
        #expect(try Self.naming().fromSnake(["UPDATE", "CPU"]) == ["Update", "CPU"])
        #expect(try Self.naming().fromSnake(["ALL", "CPUS"]) == ["All", "CPUs"])
        #expect(try Self.naming().lowerCamel(snake: ["CPU", "IOTHREAD", "QUOTA"]) == "cpuIOThreadQuota")
        #expect(try Self.naming().lowerCamel(snake: ["PCI", "DEV"]) == "pciDevice")
    }

    /// Version numbers leave method names; Boolean properties read as assertions.
    @Test func versionsAndAssertions() {
        #expect(MethodNaming.withoutVersion("migrate3") == "migrate")
        #expect(MethodNaming.withoutVersion("migrate") == "migrate")
        #expect(MethodNaming.assertion("autostart") == "isAutostartEnabled")
        #expect(MethodNaming.assertion("isActive") == "isActive")
        #expect(MethodNaming.assertion("hasMetadata") == "hasMetadata")
    }

    /// `identifier` escapes Swift keywords and prefixes a leading digit.
    @Test(arguments: [
        ("default", "`default`"), ("internal", "`internal`"), ("self", "`self`"), ("Type", "`Type`"),
        ("running", "running"), ("9p", "_9p"), ("defaults", "defaults"),
    ])
    func identifier(name: String, escaped: String) {
        #expect(SwiftIdentifier.escaped(name) == escaped)
    }

    /// The byte classes the names are scanned with: exactly the ASCII letters, digits and `_`;
    /// no byte of a multi-byte UTF-8 sequence is in any class.
    @Test func byteClasses() {
        let bytes = (0...255).map(UInt8.init)
        #expect(String(decoding: bytes.filter(\.isIdentifierByte), as: UTF8.self)
            == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
        #expect(bytes.filter(\.isASCIIUppercase).count == 26)
        #expect(bytes.filter(\.isASCIILowercase).count == 26)
        #expect(bytes.filter(\.isASCIIDigit).count == 10)
        #expect(Array("é€".utf8).allSatisfy { !$0.isIdentifierByte })
    }
}
