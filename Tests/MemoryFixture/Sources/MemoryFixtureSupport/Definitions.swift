/// The XML namespace the test driver reads its per-domain extensions (`runstate`) from.
let testDomainNamespace = "http://libvirt.org/schemas/domain/test/1.0"

/// The smallest domain definition the test driver accepts, with one file-backed disk `vda`.
///
/// - Parameter name: The domain name.
/// - Parameter running: Whether the domain starts running when it is loaded from a node file
///   (`defineDomain(xml:)` always leaves a domain shut off).
public func domainXML(name: String, running: Bool = true) -> String {
    let runstate = running ? "" : "<test:runstate>5</test:runstate>"
    return """
        <domain type='test' xmlns:test='\(testDomainNamespace)'>\
        <name>\(name)</name><memory>8192</memory><vcpu>1</vcpu><os><type>hvm</type></os>\
        <devices><disk type='file' device='disk'><source file='/var/lib/libvirt/images/\(name).img'/>\
        <target dev='vda' bus='virtio'/></disk></devices>\(runstate)</domain>
        """
}

/// A NAT-less virtual network on bridge `virbr<index>` and subnet `192.168.<index>.0/24`.
///
/// - Parameter name: The network name.
/// - Parameter index: Picks the bridge name and the subnet (1...254).
public func networkXML(name: String, index: Int) -> String {
    """
    <network><name>\(name)</name><bridge name='virbr\(index)'/><forward/>\
    <ip address='192.168.\(index).1' netmask='255.255.255.0'/></network>
    """
}

/// A directory storage pool.
///
/// - Parameter name: The pool name.
/// - Parameter path: The pool's target folder.
public func storagePoolXML(name: String, path: String) -> String {
    "<pool type='dir'><name>\(name)</name><target><path>\(path)</path></target></pool>"
}
