@testable import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenSwift
import Testing

/// Value types by rule: version numbers become `LibvirtVersion` values by their C name and type, wherever they appear.
@Suite("Library versions")
struct LibraryVersionRuleTests {
    /// Unsigned values named as versions convert; other names and signed types do not.
    @Test(arguments: [
        ("libVer", "unsigned long", true), ("hvVer", "unsigned long", true), ("typeVer", "unsigned long", true),
        ("virAdmGetVersion", "unsigned long long", true), ("nparams", "unsigned long", false),
        ("version", "int", false), ("server", "unsigned long", false),
    ])
    func rule(name: String, cBase: String, converts: Bool) {
        #expect(LibraryVersionRule.isVersion(name: name, cBase: cBase) == converts)
    }

    /// The 9.0.0 functions that report versions return `LibvirtVersion`, as out-values and results.
    @Test(arguments: [
        ("virConnectGetLibVersion", "LibvirtVersion"), ("virConnectGetVersion", "LibvirtVersion"),
        ("virGetVersion", "(libraryVersion: LibvirtVersion, typeVersion: LibvirtVersion)"),
        ("virAdmGetVersion", "LibvirtVersion"),
    ])
    func versionFunctions(cName: String, swift: String) throws {
        #expect(try Reference.function(cName).returnType?.spelling == swift)
    }
}

/// Counts are `Int` by their Swift name, in arguments and results alike.
@Suite("Counts")
struct CountRuleTests {
    /// Names that are counts, and names that are not.
    @Test(arguments: [
        ("count", true), ("vcpuCount", true), ("cellCount", true), ("numberOfSecrets", true), ("maxVCPUs", true),
        ("maxMemory", false), ("id", false), ("interval", false), ("numberOf", false), ("startCell", false),
    ])
    func names(name: String, isCount: Bool) {
        #expect(CountRule.isCount(name) == isCount)
    }

    /// A getter and its setter agree: `vcpuCount()` returns what `setVCPUs(vcpuCount:)` takes.
    @Test func getterAndSetterAgree() throws {
        #expect(try Reference.function("virDomainGetVcpusFlags").returnType == .named("Int"))
        #expect(try Reference.function("virDomainSetVcpus").parameters.first?.type == .named("Int"))
        #expect(try Reference.function("virConnectSetKeepAlive").parameters.map(\.type) == [.named("Int32"), .named("Int")])
    }
}
