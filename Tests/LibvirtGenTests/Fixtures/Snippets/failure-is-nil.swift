// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetID: property plainValue, failure rule failureIsNil(UInt32.max)
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"number":{"conversion":{"plain":{}}}}}
/// Get the hypervisor ID number for the domain
/// - Returns: the domain ID number or `nil` in case of error
///
/// C symbol: `virDomainGetID`.
/// Available since libvirt 0.0.3.
public var id: UInt32? {
    let result = virDomainGetID(pointer)
    return result == UInt32.max ? nil : result
}
