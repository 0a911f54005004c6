// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetName: property borrowedString, failure rule objectString
/// Get the public name for that domain
/// - Returns: a pointer to the name or NULL, the string need not be deallocated its lifetime will be the same as the domain object.
///
/// C symbol: `virDomainGetName`.
/// Available since libvirt 0.0.3.
public var name: String {
    let result = virDomainGetName(pointer)
    return result.map { String(cString: $0) } ?? ""
}
