#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LibvirtGenModel

/// Asks the installed libvirt which functions it provides, for packages in the dynamic link
/// mode generated from a newer API description.
enum LibraryProbe {
    /// The names among `functions` that no module's shared library (`lib<linkLibrary>.so.0`) exports.
    static func missing(_ functions: [String], modules: [BindingModule]) -> Set<String> {
        let handles = modules.compactMap { dlopen("lib\($0.linkLibrary).so.0", RTLD_NOW | RTLD_LOCAL) }
        defer { handles.forEach { dlclose($0) } }
        return Set(functions.filter { name in !handles.contains { dlsym($0, name) != nil } })
    }
}
