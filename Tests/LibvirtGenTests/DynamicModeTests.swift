import Foundation
import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenSwift
import Testing

/// The dynamic link mode: the package declares libvirt's API itself and resolves each function
/// on first use (built and run against the installed libvirt by `.ci/dynamic-check`).
@Suite("Dynamic link mode")
struct DynamicModeTests {
    /// The dynamic package's files for the checked-in description.
    static let files = Result {
        let result = try Reference.result()
        return try SwiftRenderer().render(result.package, link: .dynamic, apis: result.apis)
    }

    /// One C target replaces the system libraries; nothing includes libvirt's headers.
    @Test func layout() throws {
        let files = try Self.files.get()
        let manifest = try #require(files["Package.swift"])
        #expect(!manifest.contains(".systemLibrary"))
        #expect(manifest.contains(#".linkedLibrary("dl")"#))
        #expect(files["Sources/CLibvirt/include/CLibvirt.h"] != nil && files["Sources/CLibvirt/shim.c"] != nil)
        #expect(files.keys.allSatisfy { !$0.hasPrefix("Sources/CLibvirtQemu") })
        #expect(!files.values.contains { $0.contains("#include <libvirt") })
        #expect(files["Sources/LibvirtQemu/Runtime/QemuMonitor.swift"]?.contains("import CLibvirt\n") == true)
        #expect(files["Sources/Libvirt/Runtime/MissingFunction.swift"]?.contains("lvs_take_missing") == true)
    }

    /// The header declares every type before use: tags, enums, function types in dependency order,
    /// struct bodies (with unions), and one prototype per function.
    @Test func header() throws {
        let header = try #require(try Self.files.get()["Sources/CLibvirt/include/CLibvirt.h"])
        let lines = header.split(separator: "\n").map(String.init)
        func line(_ text: String) -> Int? { lines.firstIndex { $0.hasPrefix(text) } }
        #expect(line("typedef struct _virConnect virConnect;") != nil)
        #expect(line("typedef virConnect * virConnectPtr;") != nil)
        #expect(header.contains("union { int i; unsigned int ui; "))
        let freeCallback = try #require(line("typedef void (*virFreeCallback)"))
        let addHandle = try #require(line("typedef int (*virEventAddHandleFunc)"))
        #expect(freeCallback < addHandle)
        let functions = try Reference.result().apis.flatMap(\.functions)
        #expect(functions.allSatisfy { f in lines.contains { $0.contains(" \(f.name)(") && $0.hasSuffix(");") } })
    }

    /// Each wrapper resolves its function from its module's library and, when it is missing,
    /// records it and returns the value the Swift binding treats as failure.
    @Test(arguments: [
        ("virDomainGetInfo", "libvirt.so.0", "return (int)-1;"),
        ("virDomainLookupByName", "libvirt.so.0", "return (virDomainPtr)NULL;"),
        ("virDomainGetMaxMemory", "libvirt.so.0", "return (unsigned long)0;"),
        ("virDomainQemuMonitorCommand", "libvirt-qemu.so.0", "return (int)-1;"),
        ("virAdmConnectOpen", "libvirt-admin.so.0", "return (virAdmConnectPtr)NULL;"),
    ])
    func wrapper(function: String, library: String, failure: String) throws {
        let shim = try #require(try Self.files.get()["Sources/CLibvirt/shim.c"])
        let lines = shim.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.contains(" \(function)(") && $0.hasSuffix("{") })
        #expect(lines[start].hasPrefix("__attribute__((visibility(\"hidden\")))"))
        let body = lines[start...].prefix { $0 != "}" }.joined(separator: "\n")
        #expect(body.contains("lvs_symbol(\"\(library)\", \"\(function)\")"))
        #expect(body.contains("lvs_missing_name = \"\(function)\""))
        #expect(body.contains(failure))
    }
}
