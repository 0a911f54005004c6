// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Typed-parameter checks: values the test driver reports (untyped and through typed keys), and a
/// setting read back.
enum TypedParameterChecks {
    /// libvirt's `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`.
    static let unlimited = TypedParameterValue.ullong(9_007_199_254_740_991)

    /// The checks.
    static let all: [Check] = [
        Check("typed parameters") { f in
            let domain = try f.domain()
            // The test driver uses the `fair` scheduler with one parameter, `weight`, always 50.
            let type = try domain.schedulerType()
            try expect(type.schedulerType, "fair", "Domain.schedulerType()")
            try expect(type.nparams, 1, "Domain.schedulerType()")
            let scheduler = try domain.schedulerParameters()
            try expect(scheduler.map(\.key), [.weight], "Domain.schedulerParameters()")
            try expect(scheduler[.weight], .uint(50), "Domain.schedulerParameters()")
            try expect(scheduler[.weight]?.unsignedValue, 50, "TypedParameterValue.unsignedValue")
            let weight: UInt32? = scheduler[.weight]
            try expect(weight, 50, "Domain.schedulerParameters()")

            let memory = try domain.memoryParameters()
            try expect(memory.map(\.key), [.hardLimit, .softLimit, .swapHardLimit], "Domain.memoryParameters(options:)")
            try expect(memory[.softLimit], unlimited, "Domain.memoryParameters(options:)")
            try domain.setMemoryParameters([.softLimit: .ullong(87_539_319)])
            let changed = try domain.memoryParameters()
            try expect(changed[.softLimit], .ullong(87_539_319), "Domain.memoryParameters(options:)")
            try expect(changed[.hardLimit], unlimited, "Domain.memoryParameters(options:)")
            try expect(changed[.swapHardLimit], unlimited, "Domain.memoryParameters(options:)")
            var typedMemory: TypedParameters<Domain.MemoryParameter> = [:]
            typedMemory[.softLimit] = 1_048_576
            try domain.setMemoryParameters(typedMemory)
            let softLimit: UInt64? = try domain.memoryParameters()[.softLimit]
            try expect(softLimit, 1_048_576, "Domain.memoryParameters(options:)")
            let before = try domain.memoryParameters()
            let unknown = try expectFailure(LibvirtError.Code.argumentUnsupported.rawValue,
                                            "Domain.setMemoryParameters(_:options:)") {
                try domain.setMemoryParameters(["harness_unknown": .ullong(1)])
            }
            try expect(unknown.message.contains("harness_unknown"), "the error does not name the unknown parameter")
            try expect(try domain.memoryParameters(), before, "Domain.memoryParameters(options:)")

            let blkio = try domain.blkioParameters()
            try expect(blkio.count, 6, "Domain.blkioParameters(options:)")
            try expect(blkio.first?.key, .weight, "Domain.blkioParameters(options:)")
            try expect(blkio[.weight]?.unsignedValue != nil, "Domain.blkioParameters(options:) has no weight")
            try expect(blkio[.deviceWeight], .string(""), "Domain.blkioParameters(options:)")
            try expect(blkio[.deviceReadIops], .string(""), "Domain.blkioParameters(options:)")
        },
        Check("typed-parameter setters") { f in
            let domain = try f.domain()
            try domain.setSchedulerParameters([.weight: .uint(77)])
            try domain.setSchedulerParameters([.weight: .uint(78)], options: [])
            // A typed write sends a uint, which the driver accepts; a wrong type it rejects.
            var typed: TypedParameters<Domain.SchedulerParameter> = [:]
            typed[.weight] = 79
            try domain.setSchedulerParameters(typed)
            try expectFailure(LibvirtError.Code.invalidArg.rawValue, "Domain.setSchedulerParameters(_:)") {
                try domain.setSchedulerParameters([.weight: .ullong(90)])
            }
            // The test driver accepts a weight but always reports 50.
            try expect(try domain.schedulerParameters()[.weight], .uint(50), "Domain.schedulerParameters()")
            exercise { try domain.setBlkioParameters([.weight: .uint(500)]) }
            exercise { try domain.setInterfaceParameters(device: "52:54:00:aa:00:01", parameters: [.inAverage: .uint(1000)]) }
            exercise { try domain.setBlockIOTune(disk: "vda", parameters: [.readBytesSec: .ullong(1_000_000)]) }
            exercise { try domain.setPerfEvents(parameters: [.branchMisses: .boolean(false)]) }
        },
        Check("domain tunables and CPU statistics") { f in
            let domain = try f.domain()
            // NUMA: the mode is an `int` holding a `NUMATuneMemoryMode`.
            let numa = try domain.numaParameters()
            try expect(numa.map(\.key), [.mode, .nodeset], "Domain.numaParameters(options:)")
            try expect(numa[.mode], .int(Domain.NUMATuneMemoryMode.strict.rawValue), "Domain.numaParameters(options:)")
            try expect(numa[.nodeset], .string(""), "Domain.numaParameters(options:)")
            try domain.setNUMAParameters([.nodeset: .string("0"), .mode: .int(Domain.NUMATuneMemoryMode.interleave.rawValue)])
            let changed = try domain.numaParameters()
            try expect(changed[.nodeset]?.stringValue, "0", "Domain.numaParameters(options:)")
            try expect(changed[.mode]?.signedValue.map { Domain.NUMATuneMemoryMode(rawValue: Int32($0)) }, .interleave,
                       "Domain.numaParameters(options:)")

            // CPU statistics: positive totals as ullongs; per CPU, cpu_time and vcpu_time.
            let totals = try domain.cpuStats()
            try expect(totals.count, 1, "Domain.cpuStats()")
            try expect(totals.first?.map(\.key.rawValue) ?? [], ["cpu_time", "user_time", "system_time"], "Domain.cpuStats()")
            for key in [Domain.CPUStatsParameter.cputime, .usertime, .systemtime] {
                guard case .ullong(let value)? = totals.first?[key], value > 0 else {
                    throw CheckFailure("Domain.cpuStats() returned \(totals), expected positive ullong times")
                }
            }
            let perCPU = try domain.cpuStats(startCPU: 0, count: 2)
            try expect(perCPU.map { $0.map(\.key) }, [[.cputime, .vcputime], [.cputime, .vcputime]],
                       "Domain.cpuStats(startCPU:count:options:)")
            try expect(perCPU.allSatisfy { ($0[.cputime]?.unsignedValue ?? 0) > 0 && ($0[.vcputime]?.unsignedValue ?? 0) > 0 },
                       "Domain.cpuStats(startCPU:count:options:) has a zero time")
            try expect(try domain.cpuStats(startCPU: 0, count: 0).isEmpty, true, "Domain.cpuStats(startCPU:count:options:)")
            let stopped = try f.connection().domain(named: "harness-stopped")
            try expectFailure(LibvirtError.Code.operationInvalid.rawValue, "Domain.cpuStats()") {
                _ = try stopped.cpuStats()
            }

            // Perf events: booleans, all disabled; disk I/O tuning of vda: every limit 0.
            let events = try domain.perfEvents()
            try expect(events.count >= 20 && Set(events.map(\.key)).count == events.count, "Domain.perfEvents() returned \(events)")
            try expect(events.allSatisfy { $0.value == .boolean(false) }, "Domain.perfEvents() has an enabled event")
            let tune = try domain.blockIOTune(disk: "vda")
            try expect(tune.count, 20, "Domain.blockIOTune(disk:options:)")
            try expect(tune.first?.key, .totalBytesSec, "Domain.blockIOTune(disk:options:)")
            try expect(tune[.groupName], .string(""), "Domain.blockIOTune(disk:options:)")
            try expect(tune.filter { $0.key != .groupName }.allSatisfy { $0.value == .ullong(0) },
                       "Domain.blockIOTune(disk:options:) has a limit set")
            try expectFailure(LibvirtError.Code.invalidArg.rawValue, "Domain.blockIOTune(disk:options:)") {
                _ = try domain.blockIOTune(disk: "vdz")
            }
        },
    ]
}
