@testable import LibvirtGenCore
import LibvirtGenModel
import Testing

/// Version numbers become `LibvirtVersion` values by their C name and type, wherever they appear.
@Suite("Library versions")
struct LibraryVersionRuleTests {
    /// Unsigned values named as versions convert; other names and signed types do not.
    @Test(arguments: [
        ("libVer", "unsigned long", true), ("hvVer", "unsigned long", true), ("typeVer", "unsigned long", true),
        ("virAdmGetVersion", "unsigned long long", true), ("nparams", "unsigned long", false),
        ("version", "int", false), ("server", "unsigned long", false),
    ])
    func rule(name: String, cBase: String, converts: Bool) {
        let value = LibraryVersionRule.swiftValue(name: name, cBase: cBase, local: "x")
        #expect((value != nil) == converts)
        if converts { #expect(value?.type == "LibvirtVersion") }
    }

    /// The 9.0.0 functions that report versions return `LibvirtVersion`, as out-values and results.
    @Test(arguments: [
        ("virConnectGetLibVersion", "LibvirtVersion"), ("virConnectGetVersion", "LibvirtVersion"),
        ("virGetVersion", "(libraryVersion: LibvirtVersion, typeVersion: LibvirtVersion)"),
        ("virAdmGetVersion", "LibvirtVersion"),
    ])
    func versionFunctions(cName: String, swift: String) throws {
        #expect(try Reference.function(cName).returnType == swift)
    }
}
