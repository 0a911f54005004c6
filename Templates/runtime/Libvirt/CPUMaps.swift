#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibvirt

/// CPU maps: libvirt passes sets of host CPUs as bit maps, one bit per CPU, 8 per byte; the
/// bindings use `[Bool]`, one element per host CPU.
enum CPUMap {
    /// The number of bytes a map of `cpus` CPUs takes.
    static func length(_ cpus: Int) -> Int { (cpus + 7) / 8 }

    /// Decodes a map.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, cpus: Int) -> [Bool] {
        (0..<cpus).map { cpu in cpu / 8 < bytes.count && bytes[cpu / 8] & (1 << (cpu % 8)) != 0 }
    }

    /// Encodes a map.
    static func encode(_ cpus: [Bool]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(length(cpus.count), 1))
        for (cpu, used) in cpus.enumerated() where used { bytes[cpu / 8] |= 1 << (cpu % 8) }
        return bytes
    }

    /// The number of CPUs of the host a domain runs on.
    static func hostCPUs(of domain: OpaquePointer) throws -> Int {
        Int(try check(virNodeGetCPUMap(virDomainGetConnect(domain), nil, nil, 0)))
    }
}

extension Domain {
    /// Which host CPUs each virtual CPU may run on.
    ///
    /// - Parameter options: Which configuration to read (live or persistent).
    /// - Returns: One map per virtual CPU, one element per host CPU.
    /// - Throws: ``LibvirtError`` when libvirt reports a failure.
    ///
    /// C symbol: `virDomainGetVcpuPinInfo`.
    public func vcpuPinInfo(options: Domain.ModificationImpact = []) throws -> [[Bool]] {
        try ensureOpen()
        let cpus = try CPUMap.hostCPUs(of: pointer)
        let vcpus = Int(try check(virDomainGetVcpusFlags(pointer, UInt32(VIR_DOMAIN_VCPU_MAXIMUM.rawValue) | options.rawValue)))
        let length = CPUMap.length(cpus)
        var maps = [UInt8](repeating: 0, count: max(vcpus * length, 1))
        let filled = Int(try check(virDomainGetVcpuPinInfo(pointer, Int32(vcpus), &maps, Int32(length), options.rawValue)))
        return maps.withUnsafeBufferPointer { all in
            (0..<filled).map { CPUMap.decode(UnsafeBufferPointer(rebasing: all[($0 * length)..<(($0 + 1) * length)]), cpus: cpus) }
        }
    }

    /// Which host CPUs the domain's emulator threads may run on.
    ///
    /// C symbol: `virDomainGetEmulatorPinInfo`.
    public func emulatorPinInfo(options: Domain.ModificationImpact = []) throws -> [Bool] {
        try ensureOpen()
        let cpus = try CPUMap.hostCPUs(of: pointer)
        var map = [UInt8](repeating: 0, count: max(CPUMap.length(cpus), 1))
        try check(virDomainGetEmulatorPinInfo(pointer, &map, Int32(CPUMap.length(cpus)), options.rawValue))
        return map.withUnsafeBufferPointer { CPUMap.decode($0, cpus: cpus) }
    }

    /// Runtime information about each virtual CPU with the host CPUs it may run on.
    ///
    /// C symbol: `virDomainGetVcpus`.
    public func vcpus() throws -> [(info: VCPUInfo, affinity: [Bool])] {
        try ensureOpen()
        let cpus = try CPUMap.hostCPUs(of: pointer)
        let count = Int(try check(virDomainGetVcpusFlags(pointer, UInt32(VIR_DOMAIN_VCPU_MAXIMUM.rawValue))))
        let length = CPUMap.length(cpus)
        var infos = [virVcpuInfo](repeating: virVcpuInfo(), count: max(count, 1))
        var maps = [UInt8](repeating: 0, count: max(count * length, 1))
        let filled = Int(try check(virDomainGetVcpus(pointer, &infos, Int32(count), &maps, Int32(length))))
        return maps.withUnsafeBufferPointer { all in
            (0..<filled).map { index in
                (VCPUInfo(infos[index]),
                 CPUMap.decode(UnsafeBufferPointer(rebasing: all[(index * length)..<((index + 1) * length)]), cpus: cpus))
            }
        }
    }

    /// Pins a virtual CPU to host CPUs (of the running domain).
    ///
    /// C symbol: `virDomainPinVcpu`.
    public func pinVCPU(_ vcpu: UInt32, to cpus: [Bool]) throws {
        try ensureOpen()
        var map = CPUMap.encode(cpus)
        try check(virDomainPinVcpu(pointer, vcpu, &map, Int32(map.count)))
    }

    /// Pins a virtual CPU to host CPUs, in the live or persistent configuration.
    ///
    /// C symbol: `virDomainPinVcpuFlags`.
    public func pinVCPU(_ vcpu: UInt32, to cpus: [Bool], options: Domain.ModificationImpact) throws {
        try ensureOpen()
        var map = CPUMap.encode(cpus)
        try check(virDomainPinVcpuFlags(pointer, vcpu, &map, Int32(map.count), options.rawValue))
    }

    /// Pins the domain's emulator threads to host CPUs.
    ///
    /// C symbol: `virDomainPinEmulator`.
    public func pinEmulator(to cpus: [Bool], options: Domain.ModificationImpact = []) throws {
        try ensureOpen()
        var map = CPUMap.encode(cpus)
        try check(virDomainPinEmulator(pointer, &map, Int32(map.count), options.rawValue))
    }

    /// Pins an I/O thread to host CPUs.
    ///
    /// C symbol: `virDomainPinIOThread`.
    public func pinIOThread(_ id: UInt32, to cpus: [Bool], options: Domain.ModificationImpact = []) throws {
        try ensureOpen()
        var map = CPUMap.encode(cpus)
        try check(virDomainPinIOThread(pointer, id, &map, Int32(map.count), options.rawValue))
    }
}

extension Connection {
    /// The host's CPUs, and how many are online.
    ///
    /// - Returns: One element per host CPU (true when online), and the online count.
    ///
    /// C symbol: `virNodeGetCPUMap`.
    public func nodeCPUMap() throws -> (cpus: [Bool], online: UInt32) {
        try ensureOpen()
        var map: UnsafeMutablePointer<UInt8>?
        var online: UInt32 = 0
        let cpus = Int(try check(virNodeGetCPUMap(pointer, &map, &online, 0)))
        defer { free(map) }
        guard let map else { return ([], online) }
        return (CPUMap.decode(UnsafeBufferPointer(start: map, count: CPUMap.length(cpus)), cpus: cpus), online)
    }

    /// How many free pages of each size the host's NUMA cells have.
    ///
    /// - Parameter pageSizes: The page sizes to ask about, in KiB.
    /// - Parameter startCell: The first cell.
    /// - Parameter cellCount: How many cells.
    /// - Returns: One list per cell, with one count per page size.
    ///
    /// C symbol: `virNodeGetFreePages`.
    public func nodeFreePages(pageSizes: [UInt32], startCell: Int32, cellCount: Int) throws -> [[UInt64]] {
        try ensureOpen()
        let cellCount = max(0, min(cellCount, Int(UInt32.max) / max(pageSizes.count, 1)))
        var sizes = pageSizes
        var counts = [UInt64](repeating: 0, count: max(pageSizes.count * cellCount, 1))
        let filled = Int(try check(virNodeGetFreePages(
            pointer, UInt32(sizes.count), &sizes, startCell, UInt32(cellCount), &counts, 0)))
        let width = max(pageSizes.count, 1)
        return (0..<min(cellCount, filled / width)).map { Array(counts[($0 * width)..<(($0 + 1) * width)]) }
    }
}
