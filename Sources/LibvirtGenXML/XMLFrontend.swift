import Foundation
import LibvirtGenModel

/// Reads libvirt's API description files into the C-level model.
///
/// Every element kind is read: header groups, functions (with access-control checks), function
/// types, enum values, macros, typedefs, structs with fields and unions, variables. An element the
/// reader does not know is an error, never a silent drop.
public struct XMLFrontend: Frontend {
    /// The four description files libvirt ships, in module order.
    public static let fileNames = [
        "libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml", "libvirt-admin-api.xml",
    ]

    /// Creates a frontend.
    public init() {}

    /// Reads the four files of a folder; throws a ``DiagnosticError`` for a missing or malformed file.
    public func read(folder: URL) throws -> [CAPI] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw DiagnosticError("no such folder", at: SourceLocation(file: folder.path, line: 0))
        }
        let apis = try Self.fileNames.map { name -> CAPI in
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw DiagnosticError(
                    "missing API description file (expected the four files \(Self.fileNames.joined(separator: ", ")))",
                    at: SourceLocation(file: url.path, line: 0))
            }
            return try read(file: url)
        }
        let resolved = try Self.checkDuplicates(EnumValueResolver.resolve(apis))
        try ArrayBounds.check(resolved)
        return resolved
    }

    /// Reads one file. Enum values that name other constants are resolved within the file set by ``read(folder:)``.
    public func read(file url: URL) throws -> CAPI {
        let root = try XMLNode.parse(contentsOf: url, displayPath: url.path)
        return try APIReader(path: url.path).read(root: root)
    }

    /// Throws when a symbol is declared twice anywhere in the file set.
    static func checkDuplicates(_ apis: [CAPI]) throws -> [CAPI] {
        var seen: [String: SourceLocation] = [:]
        func check(_ kind: String, _ name: String, _ location: SourceLocation) throws {
            let key = "\(kind) \(name)"
            if let first = seen[key] {
                throw DiagnosticError("duplicate \(kind) '\(name)' (first declared at \(first))", at: location)
            }
            seen[key] = location
        }
        for api in apis {
            for f in api.functions { try check("function", f.name, f.location) }
            for f in api.functypes { try check("functype", f.name, f.location) }
            for e in api.enumValues { try check("enum", e.name, e.location) }
            for m in api.macros { try check("macro", m.name, m.location) }
            for t in api.typedefs { try check("typedef", t.name, t.location) }
            for s in api.structs { try check("struct", s.name, s.location) }
            for v in api.variables { try check("variable", v.name, v.location) }
        }
        return apis
    }
}
