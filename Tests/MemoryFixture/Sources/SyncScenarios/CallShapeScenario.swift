import Libvirt
import MemoryFixtureSupport

/// Call shapes that hand C memory to the bindings or take it from them: struct lists libvirt
/// allocates (file systems, interface addresses with their address arrays), caller-allocated
/// struct arrays (memory statistics), CPU maps in and out, metadata strings set, read and cleared,
/// save and restore through a file, and a callback-driven send that fails before calling back.
let callShapeScenario = Scenario("call shapes") {
    let defaultConnection = try Connection(uri: "test:///default")
    let test = try defaultConnection.domain(named: "test")
    try require(try test.fsInfo().map(\.mountPoint) == ["/", "/boot"], "two guest file systems")
    let interfaces = try test.interfaceAddresses(source: .lease)
    try require(interfaces.first?.addresses.first?.address == "192.168.122.3", "the guest's IPv4 address")
    try require(!(try test.memoryStats()).isEmpty, "memory statistics")

    return try withTestNode([domainXML(name: "shapes")]) { node, connection in
        let domain = try connection.domain(named: "shapes")
        let cpus = try connection.nodeCPUMap().cpus.count
        let one = (0..<cpus).map { $0 == 1 }
        try domain.pinVCPU(0, to: one)
        try require(try domain.vcpuPinInfo() == [one], "the vCPU is pinned to CPU 1")
        try domain.pinEmulator(to: one)
        try require(try domain.emulatorPinInfo() == one, "the emulator is pinned to CPU 1")

        try domain.setMetadata(type: .description, metadata: "a described domain")
        try require(try domain.metadata(type: .description) == "a described domain", "the description reads back")
        try domain.setMetadata(type: .description, metadata: nil)
        try requireLibvirtError(.noDomainMetadata) { _ = try domain.metadata(type: .description) }

        let file = node.folder.appendingPathComponent("shapes.save").path
        try domain.save(to: file)
        try require(!(try domain.isActive), "save(to:) stops the domain")
        try connection.restoreDomain(from: file)
        try require(try domain.isActive, "restoreDomain(from:) runs it again")

        let stream = try connection.makeStream()
        try stream.abort()
        try requireLibvirtError(.noSupport) { try stream.sendAll { _ in [1, 2, 3] } }
        return 4
    }
}
