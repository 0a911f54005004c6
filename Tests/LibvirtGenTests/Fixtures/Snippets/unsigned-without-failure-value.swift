// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetGeneration: method plainValue, failure rule unsignedWithoutFailureValue
// call plan: {"arguments":[{"receiver":{}},{"zero":{}}],"outValues":[],"result":{"number":{"conversion":{"plain":{}}}}}
/// Reports how many times the domain's definition changed (no release has such a function: the rule's branch is reached only here).
/// - Returns: the generation number.
///
/// C symbol: `virDomainGetGeneration`.
/// Available since libvirt 12.0.0.
public func generation() -> UInt32 {
    let result = virDomainGetGeneration(pointer, 0)
    return result
}
