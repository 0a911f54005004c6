import Foundation
import LibvirtGenModel

/// Reads libvirt's public C headers through libclang into the same C-level model the XML frontend
/// produces: one ``CAPI`` per library (`libvirt`, `libvirt-qemu`, `libvirt-lxc`, `libvirt-admin`).
///
/// The headers are parsed as one translation unit with `VIR_ENUM_SENTINELS` defined (the API XML
/// keeps the `_LAST` values). Types are spelled as written in the source, versions of types, enum
/// values and macros come from the `Since:` tags of their comments. Functions carry no
/// documentation or version in the headers (libvirt keeps both in its `.c` files), so theirs are
/// left empty. The header groups' summaries and export lists (`CAPI.files`) are not read: nothing
/// downstream uses them. System headers are replaced by a stand-in declaring the few types libvirt
/// uses from `<sys/types.h>`, so parsing needs neither the C library's nor clang's own headers.
public struct HeaderFrontend: Frontend {
    /// The top-level header of each library, in module order; every other header belongs to `libvirt`.
    public static let topHeaders = ["libvirt.h", "libvirt-qemu.h", "libvirt-lxc.h", "libvirt-admin.h"]

    /// The headers applications include (the others are included by `libvirt.h`), when present.
    static let entryHeaders = ["libvirt.h", "virterror.h", "libvirt-qemu.h", "libvirt-lxc.h", "libvirt-admin.h"]

    /// The folder where the in-memory files live, as clang sees them.
    static let virtualRoot = "/libvirt-swiftgen-virtual"

    /// What stands in for `<sys/types.h>`.
    static let systemTypes = """
        typedef __SIZE_TYPE__ size_t;
        typedef __PTRDIFF_TYPE__ ssize_t;
        typedef long off_t;
        typedef int pid_t;
        typedef unsigned int uid_t;
        typedef unsigned int gid_t;
        typedef unsigned int mode_t;

        """

    /// Creates a frontend.
    public init() {}

    /// Reads the headers of `folder` (e.g. `/usr/include/libvirt`); throws a ``DiagnosticError`` when
    /// libclang is missing, a top-level header is missing, or clang reports an error (at its file and line).
    public func read(folder: URL) throws -> [CAPI] {
        let folder = folder.standardizedFileURL
        let headers = try Self.headerPaths(in: folder)
        let nodes = try parse(headers, in: folder)
        let reader = DeclarationReader(
            text: try HeaderText(paths: Set(headers)),
            structDefinitions: Dictionary(
                nodes.filter { $0.kind == .structDeclaration && !$0.children.isEmpty }.map { ($0.name, $0) },
                uniquingKeysWith: { first, _ in first }),
            enumDefinitions: nodes.filter { $0.kind == .enumDeclaration })
        var apis = Self.topHeaders.map { header in
            CAPI(
                name: DeclarationReader.group(of: header),
                location: SourceLocation(file: folder.appendingPathComponent(header).path, line: 0))
        }
        for node in nodes {
            let header = URL(fileURLWithPath: node.file).lastPathComponent
            let index = Self.topHeaders.dropFirst().firstIndex(of: header) ?? 0
            reader.read(node, into: &apis[index])
        }
        return apis.map(Self.sorted)
    }

    /// Parses the entry headers as one translation unit; returns the declarations and macro
    /// definitions of the folder's files. In-memory forwarders `libvirt/<name>.h` include the
    /// folder's files, so `#include <libvirt/…>` finds them whatever the folder is called.
    private func parse(_ headers: [String], in folder: URL) throws -> [ClangNode] {
        let forwarders = headers.map { path in
            VirtualFile(
                path: "\(Self.virtualRoot)/include/libvirt/\(URL(fileURLWithPath: path).lastPathComponent)",
                contents: "#include \"\(path)\"\n")
        }
        let source = VirtualFile(
            path: "\(Self.virtualRoot)/headers.c",
            contents: "#define VIR_ENUM_SENTINELS\n"
                + Self.entryHeaders.filter { headers.contains(folder.appendingPathComponent($0).path) }
                    .map { "#include <libvirt/\($0)>\n" }.joined())
        let systemTypes = VirtualFile(path: "\(Self.virtualRoot)/include/sys/types.h", contents: Self.systemTypes)
        let headerSet = Set(headers)
        return try ClangLibrary().parse(
            source: source, unsavedFiles: forwarders + [systemTypes],
            arguments: ["-x", "c", "-std=gnu11", "-nostdinc", "-I", "\(Self.virtualRoot)/include"],
            keep: { headerSet.contains($0.file) })
    }

    /// The paths of the folder's `.h` files; throws when a top-level header is missing.
    static func headerPaths(in folder: URL) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw DiagnosticError("no such folder", at: SourceLocation(file: folder.path, line: 0))
        }
        for header in topHeaders where !names.contains(header) {
            throw DiagnosticError(
                "missing header (expected libvirt's public headers \(topHeaders.joined(separator: ", ")))",
                at: SourceLocation(file: folder.appendingPathComponent(header).path, line: 0))
        }
        return names.filter { $0.hasSuffix(".h") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Symbols in name order, as the API XML lists them.
    static func sorted(_ api: CAPI) -> CAPI {
        var api = api
        api.functions.sort { $0.name < $1.name }
        api.functypes.sort { $0.name < $1.name }
        api.enumValues.sort { $0.name < $1.name }
        api.macros.sort { $0.name < $1.name }
        api.typedefs.sort { $0.name < $1.name }
        api.structs.sort { $0.name < $1.name }
        api.variables.sort { $0.name < $1.name }
        return api
    }
}
