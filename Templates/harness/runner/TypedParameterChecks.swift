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
            try expect(try domain.schedulerType().schedulerType, "fair", "Domain.schedulerType()")
            try expect(try domain.schedulerParameters()[.weight], .uint(50), "Domain.schedulerParameters()")
            let weight: UInt32? = try domain.schedulerParameters()[.weight]
            try expect(weight, 50, "Domain.schedulerParameters()")
            let memory = try domain.memoryParameters()
            try expect(memory[.softLimit], unlimited, "Domain.memoryParameters(options:)")
            try domain.setMemoryParameters([.softLimit: .ullong(87_539_319)])
            try expect(try domain.memoryParameters()[.softLimit], .ullong(87_539_319), "Domain.memoryParameters(options:)")
            try expect(try domain.memoryParameters()[.hardLimit], unlimited, "Domain.memoryParameters(options:)")
            let blkio = try domain.blkioParameters()
            try expect(blkio.count, 6, "Domain.blkioParameters(options:)")
            try expect(blkio.first?.key, .weight, "Domain.blkioParameters(options:)")
            try expectFailure(LibvirtError.Code.argumentUnsupported.rawValue, "Domain.setMemoryParameters(_:options:)") {
                try domain.setMemoryParameters(["harness_unknown": .ullong(1)])
            }
        },
        Check("typed-parameter setters") { f in
            let domain = try f.domain()
            try domain.setSchedulerParameters([.weight: .uint(77)])
            try domain.setSchedulerParameters([.weight: .uint(78)], options: [])
            var typed: TypedParameters<Domain.SchedulerParameter> = [:]
            typed[.weight] = 79
            try domain.setSchedulerParameters(typed)
            // The test driver accepts a weight but always reports 50.
            try expect(try domain.schedulerParameters()[.weight], .uint(50), "Domain.schedulerParameters()")
            exercise { try domain.setBlkioParameters([.weight: .uint(500)]) }
            exercise { try domain.setNUMAParameters([.mode: .int(0)]) }
            exercise { try domain.setInterfaceParameters(device: "52:54:00:aa:00:01", parameters: [.inAverage: .uint(1000)]) }
            exercise { try domain.setBlockIOTune(disk: "vda", parameters: [.readBytesSec: .ullong(1_000_000)]) }
            exercise { try domain.setPerfEvents(parameters: [.branchMisses: .boolean(false)]) }
        },
    ]
}
