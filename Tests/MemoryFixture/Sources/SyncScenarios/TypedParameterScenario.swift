import Libvirt
import MemoryFixtureSupport

/// Reads and writes typed parameters on a private node: caller-allocated arrays (memory,
/// scheduler, NUMA with a string value, blkio, block I/O tuning with a string; untyped and through
/// typed keys), a libvirt-allocated one (perf events) and per-CPU statistics.
let typedParameterScenario = Scenario("typed parameters") {
    try withTestNode([domainXML(name: "tuned")]) { _, connection in
        let domain = try connection.domain(named: "tuned")
        try domain.setMemoryParameters([.softLimit: .ullong(87_539_319)])
        let memory = try domain.memoryParameters()
        try require(memory[.softLimit] == .ullong(87_539_319), "the soft limit reads back")
        try require(memory.count == 3, "three memory limits")
        var limits: TypedParameters<Domain.MemoryParameter> = [:]
        limits[.softLimit] = 1_048_576
        try domain.setMemoryParameters(limits)
        let softLimit: UInt64? = try domain.memoryParameters()[.softLimit]
        try require(softLimit == 1_048_576, "the soft limit written through its typed key reads back typed")

        try domain.setSchedulerParameters([.weight: .uint(77)])
        let weight: UInt32? = try domain.schedulerParameters()[.weight]
        try require(weight == 50, "the test driver's fixed weight")

        try domain.setNUMAParameters([
            .nodeset: .string("0"), .mode: .int(Domain.NUMATuneMemoryMode.interleave.rawValue),
        ])
        let numa = try domain.numaParameters()
        try require(numa[.nodeset]?.stringValue == "0", "the NUMA node set reads back")

        let blkio = try domain.blkioParameters()
        try require(blkio.count == 6 && blkio[.deviceWeight] == .string(""), "six blkio parameters")
        let tune = try domain.blockIOTune(disk: "vda")
        try require(tune.count == 20 && tune[.groupName] == .string(""), "twenty I/O tuning parameters")

        let perf = try domain.perfEvents()
        try require(perf.count >= 20 && perf.allSatisfy { $0.value == .boolean(false) }, "perf events are off")
        let cpu = try domain.cpuStats(startCPU: 0, count: 2)
        try require(cpu.count == 2 && cpu.allSatisfy { $0[.cputime] != nil }, "per-CPU times for two CPUs")
        return 2
    }
}
