import LibvirtGenModel

/// The Swift modules of the generated package and the description file each comes from.
public struct ModuleLayout: Sendable {
    /// One module.
    public struct Entry: Sendable {
        /// The `<api name=...>` of its description file.
        public var apiName: String
        /// The Swift module.
        public var module: String
        /// The system-library module with its C declarations.
        public var cModule: String
        /// Its pkg-config name.
        public var pkgConfig: String
        /// The library the module links (`virt` for `-lvirt`).
        public var linkLibrary: String
        /// The C headers its module map includes.
        public var headers: [String]
        /// Generated modules it depends on.
        public var dependencies: [String]
    }

    /// The four modules in dependency order.
    public static let entries: [Entry] = [
        Entry(apiName: "libvirt", module: "Libvirt", cModule: "CLibvirt", pkgConfig: "libvirt", linkLibrary: "virt",
              headers: ["libvirt/libvirt.h", "libvirt/virterror.h"], dependencies: []),
        Entry(apiName: "libvirt-qemu", module: "LibvirtQemu", cModule: "CLibvirtQemu", pkgConfig: "libvirt-qemu",
              linkLibrary: "virt-qemu", headers: ["libvirt/libvirt-qemu.h"], dependencies: ["Libvirt"]),
        Entry(apiName: "libvirt-lxc", module: "LibvirtLXC", cModule: "CLibvirtLXC", pkgConfig: "libvirt-lxc",
              linkLibrary: "virt-lxc", headers: ["libvirt/libvirt-lxc.h"], dependencies: ["Libvirt"]),
        Entry(apiName: "libvirt-admin", module: "LibvirtAdmin", cModule: "CLibvirtAdmin", pkgConfig: "libvirt-admin",
              linkLibrary: "virt-admin", headers: ["libvirt/libvirt-admin.h"], dependencies: ["Libvirt"]),
    ]

    /// The entry for an API description, or an error naming the file.
    public static func entry(for api: CAPI) throws -> Entry {
        guard let entry = entries.first(where: { $0.apiName == api.name }) else {
            throw DiagnosticError(
                "unknown API '\(api.name)' (expected one of \(entries.map(\.apiName).joined(separator: ", ")))",
                at: api.location)
        }
        return entry
    }
}
