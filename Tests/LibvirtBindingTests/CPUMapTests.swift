import Foundation
import Libvirt
import Testing

/// CPU maps: the host CPU map, per-vCPU affinity and pinning, and emulator pinning.
///
/// The test driver's host is not self-consistent: `nodeInfo()` says 16 CPUs, while
/// `virNodeGetCPUMap` reports a fixed map of 8 CPUs with CPUs 0, 2 and 4 online (the same in C).
/// The bindings size every map by `virNodeGetCPUMap`, as `virsh` does, so maps have 8 elements.
@Suite("CPU maps")
struct CPUMapTests {
    /// The number of host CPUs in the test driver's CPU map.
    static let mapCPUs = 8

    /// A map of `mapCPUs` elements with only the given CPUs set.
    static func map(_ cpus: Int...) -> [Bool] {
        (0..<mapCPUs).map { cpus.contains($0) }
    }

    /// A map of `mapCPUs` elements, all set.
    static let allCPUs = [Bool](repeating: true, count: mapCPUs)

    /// `nodeCPUMap()` reports the driver's fixed map: 8 CPUs, of which 0, 2 and 4 are online,
    /// with `online` equal to the number of set elements. (`nodeInfo().cpus` says 16.)
    @Test("nodeCPUMap counts online CPUs")
    func nodeCPUMap() throws {
        let connection = try Connection(uri: defaultTestURI)
        let (cpus, online) = try connection.nodeCPUMap()
        #expect(cpus == Self.map(0, 2, 4))
        #expect(Int(online) == cpus.filter { $0 }.count)
        #expect(try connection.nodeInfo().cpus == 16)
    }

    /// `vcpus()` on the default `test` domain: one running entry per vCPU, numbered in order,
    /// each with an affinity map as long as the host CPU map (all set). The test driver reports
    /// the last of its 16 CPUs (15) as the host CPU, outside the 8-CPU map.
    @Test("vcpus returns one entry per vCPU with a host-length affinity map")
    func vcpus() throws {
        let connection = try Connection(uri: defaultTestURI)
        let domain = try connection.domain(named: "test")
        let hostCPUs = try connection.nodeCPUMap().cpus.count
        let vcpus = try domain.vcpus()
        #expect(vcpus.count == Int(try domain.info().virtualCPUCount))
        #expect(vcpus.map(\.info.number) == (0..<UInt32(vcpus.count)).map { $0 })
        #expect(vcpus.allSatisfy { $0.info.state == .running })
        #expect(vcpus.allSatisfy { $0.info.cpu == 15 })
        #expect(vcpus.allSatisfy { $0.affinity.count == hostCPUs && $0.affinity == Self.allCPUs })
    }

    /// `vcpuPinInfo()` on the default `test` domain: one all-set map per vCPU.
    @Test("vcpuPinInfo returns one map per vCPU")
    func vcpuPinInfo() throws {
        let connection = try Connection(uri: defaultTestURI)
        let domain = try connection.domain(named: "test")
        let maps = try domain.vcpuPinInfo()
        #expect(maps == [Self.allCPUs, Self.allCPUs])
    }

    /// With fewer vCPUs online than the maximum, `vcpus()` lists the online ones and
    /// `vcpuPinInfo()` one map per possible vCPU; an offline vCPU cannot be pinned.
    @Test("vcpus lists online vCPUs, vcpuPinInfo every possible one")
    func onlineAndMaximumVcpus() throws {
        let name = uniqueName("cpus")
        let xml = domainXML(name: name).replacingOccurrences(of: "<vcpu>1</vcpu>", with: "<vcpu current='1'>3</vcpu>")
        try withTestNode([xml]) { connection, _ in
            let domain = try connection.domain(named: name)
            #expect(try domain.vcpus().map(\.info.number) == [0])
            #expect(try domain.vcpuPinInfo() == [Self.allCPUs, Self.allCPUs, Self.allCPUs])
            let error = expectLibvirtError { try domain.pinVCPU(2, to: Self.map(1)) }
            #expect(error?.code == .invalidArg)
            #expect(error?.message.contains("vcpu '2' is not present") == true)
        }
    }

    /// Pinning vCPU 0 of a running domain to CPU 0 shows in `vcpuPinInfo()` (live), in the
    /// `vcpus()` affinity and host CPU, and not in the persistent configuration; the other
    /// vCPU keeps its map. A later pin replaces the earlier one.
    @Test("pinVCPU pins a running domain's vCPU")
    func pinVCPU() throws {
        let name = uniqueName("pin")
        let xml = domainXML(name: name).replacingOccurrences(of: "<vcpu>1</vcpu>", with: "<vcpu>2</vcpu>")
        try withTestNode([xml]) { connection, _ in
            let domain = try connection.domain(named: name)
            try domain.pinVCPU(0, to: [true, false, false, false, false, false, false, false])
            #expect(try domain.vcpuPinInfo() == [Self.map(0), Self.allCPUs])
            #expect(try domain.vcpuPinInfo(options: .live) == [Self.map(0), Self.allCPUs])
            #expect(try domain.vcpuPinInfo(options: .config) == [Self.allCPUs, Self.allCPUs])
            let vcpus = try domain.vcpus()
            #expect(vcpus.map(\.affinity) == [Self.map(0), Self.allCPUs])
            #expect(vcpus.first?.info.cpu == 0)

            try domain.pinVCPU(1, to: Self.map(3, 5))
            try domain.pinVCPU(0, to: Self.map(1))
            #expect(try domain.vcpuPinInfo() == [Self.map(1), Self.map(3, 5)])
        }
    }

    /// The test driver's `virDomainPinVcpuFlags` accepts no flags: `.live` and `.config` both
    /// throw `.invalidArg` ("unsupported flags"), and nothing changes. A shut-off domain cannot be
    /// pinned (`.operationInvalid`), though its pin info is readable.
    @Test("pinVCPU with options and on a shut-off domain throws")
    func pinVCPURefusals() throws {
        let running = uniqueName("pin")
        let stopped = uniqueName("off")
        try withTestNode([domainXML(name: running), domainXML(name: stopped, running: false)]) { connection, _ in
            let domain = try connection.domain(named: running)
            for options in [Domain.ModificationImpact.live, .config] {
                let error = expectLibvirtError { try domain.pinVCPU(0, to: Self.map(1), options: options) }
                #expect(error?.code == .invalidArg)
                #expect(error?.message.contains("unsupported flags") == true)
            }
            #expect(try domain.vcpuPinInfo() == [Self.allCPUs])

            let off = try connection.domain(named: stopped)
            let error = expectLibvirtError { try off.pinVCPU(0, to: Self.map(1)) }
            #expect(error?.code == .operationInvalid)
            #expect(try off.vcpuPinInfo() == [Self.allCPUs])
            #expect(expectLibvirtError { _ = try off.vcpus() }?.code == .operationInvalid)
        }
    }

    /// `emulatorPinInfo()` is supported: all CPUs by default, running or not; `pinEmulator(to:)`
    /// changes it.
    @Test("emulatorPinInfo and pinEmulator")
    func emulatorPin() throws {
        let running = uniqueName("emu")
        let stopped = uniqueName("off")
        try withTestNode([domainXML(name: running), domainXML(name: stopped, running: false)]) { connection, _ in
            let domain = try connection.domain(named: running)
            #expect(try domain.emulatorPinInfo() == Self.allCPUs)
            try domain.pinEmulator(to: Self.map(0, 2))
            #expect(try domain.emulatorPinInfo() == Self.map(0, 2))
            #expect(try connection.domain(named: stopped).emulatorPinInfo() == Self.allCPUs)
        }
    }
}
