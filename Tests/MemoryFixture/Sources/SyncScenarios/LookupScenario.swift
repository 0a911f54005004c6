import Libvirt
import MemoryFixtureSupport

/// Looks objects up by name, UUID and ID on `test:///default`, reads their names, XML, info and
/// identity, and compares handles as set members.
let lookupScenario = Scenario("lookups") {
    let connection = try Connection(uri: "test:///default")
    let byName = try connection.domain(named: "test")
    let uuid = try byName.uuid
    let byUUID = try connection.domain(uuid: uuid)
    let byID = try connection.domain(id: 1)
    try require(Set([byName, byUUID, byID]).count == 1, "three lookups find one domain")
    try require(byID.name == "test" && byName.id == 1, "domain test has id 1")
    try require(try byName.xmlDescription().contains("<name>test</name>"), "the XML names the domain")
    try require(try byName.info().virtualCPUCount == 2, "test has two vCPUs")
    try require(try byName.connection == connection, "a domain's connection is the connection")
    try require(try byName.vcpus().count == 2, "vcpus() lists two vCPUs")
    try require(try byName.vcpuPinInfo().count == 2, "vcpuPinInfo() has one map per vCPU")
    try require(try byName.securityLabel().label == "libvirt-test", "the running domain's label")
    try require(try connection.nodeCPUMap().cpus.count > 0, "the node has CPUs")
    try require(try connection.nodeInfo().cpus == 16, "the test node has 16 CPUs")
    try require(try connection.capabilities.contains("<capabilities>"), "capabilities are XML")
    try require(!(try connection.hostname()).isEmpty, "a host name")

    let network = try connection.network(named: "default")
    try require(try connection.network(uuid: try network.uuid) == network, "network lookups agree")
    let pool = try connection.storagePool(named: "default-pool")
    try require(try connection.storagePool(uuid: try pool.uuid) == pool, "pool lookups agree")
    let device = try connection.nodeDevice(named: "computer")
    try require(device.name == "computer", "node device computer")
    let devices = try connection.allNodeDevices()
    try require(devices.contains(device), "allNodeDevices lists computer")
    return 11 + devices.count
}
