import CLibvirt

/// The error for a function the loaded libvirt lacks (the dynamic link mode resolves each
/// function on first use): `.noSupport`, naming the function and the version that added it.
package func missingFunctionError() -> LibvirtError? {
    var name: UnsafePointer<CChar>?
    var version: UnsafePointer<CChar>?
    guard lvs_take_missing(&name, &version) != 0, let name else { return nil }
    let function = String(cString: name)
    let since = version.map { ", added in libvirt \(String(cString: $0))" } ?? ""
    return LibvirtError(
        code: .noSupport, errorDomain: .none,
        message: "the loaded libvirt does not provide \(function)\(since)")
}
