/// The error for a function the loaded libvirt lacks. In the direct link mode every function is
/// linked at build time, so none can be missing.
package func missingFunctionError() -> LibvirtError? {
    nil
}
