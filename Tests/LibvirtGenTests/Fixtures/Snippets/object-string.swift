// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetName: property borrowedString, failure rule objectString
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"borrowedString":{"reading":"orEmpty"}}}
/// Get the public name for that domain
/// - Returns: the name.
///
/// C symbol: `virDomainGetName`.
/// Available since libvirt 0.0.3.
public var name: String {
    let result = virDomainGetName(pointer)
    return result.map { String(cString: $0) } ?? ""
}
