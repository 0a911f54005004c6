import Foundation
import Libvirt
import Testing

/// The `TypedParameters` collection, and the domain tunables libvirt reads and writes through it.
@Suite("Typed parameters")
struct TypedParameterTests {
    // MARK: The collection

    /// Setting a new name appends it, setting an existing one replaces its value in place, and
    /// setting nil removes it.
    @Test("subscript appends, replaces and removes")
    func subscriptSetAndRemove() {
        var parameters: TypedParameters<Domain.MemoryParameter> = [:]
        #expect(parameters.isEmpty)
        parameters[.hardLimit] = .ullong(1)
        parameters[.softLimit] = .ullong(2)
        parameters[.hardLimit] = .ullong(3)
        #expect(parameters.map(\.key) == [.hardLimit, .softLimit])
        #expect(parameters[.hardLimit] == .ullong(3))
        #expect(parameters[.softLimit] == .ullong(2))
        #expect(parameters[.minGuarantee] == nil)

        parameters[.hardLimit] = nil
        #expect(parameters.count == 1)
        #expect(parameters[.hardLimit] == nil)
        #expect(parameters.first?.key == .softLimit)
    }

    /// A name may repeat: the subscript reads the first value, and setting nil removes them all.
    @Test("repeated names: read the first, remove all")
    func repeatedNames() {
        var parameters = TypedParameters<Domain.BlkioParameter>([
            .init(key: .deviceWeight, value: .string("/dev/sda,100")),
            .init(key: .weight, value: .uint(500)),
            .init(key: .deviceWeight, value: .string("/dev/sdb,200")),
        ])
        #expect(parameters.count == 3)
        #expect(parameters[.deviceWeight] == .string("/dev/sda,100"))
        parameters[.deviceWeight] = nil
        #expect(parameters.entries == [.init(key: .weight, value: .uint(500))])
    }

    /// A dictionary literal keeps the literal's order (not a hash order), and `description`
    /// lists `name: value` pairs in that order.
    @Test("literal order and description")
    func literalOrderAndDescription() {
        let parameters: TypedParameters<Domain.SchedulerParameter> = [
            .weight: .uint(50), .cap: .uint(0), .limit: .llong(-1), .shares: .ullong(1024),
        ]
        #expect(parameters.map(\.key.rawValue) == ["weight", "cap", "limit", "shares"])
        #expect(parameters.description == "[weight: 50, cap: 0, limit: -1, shares: 1024]")
        #expect(parameters[1] == .init(key: .cap, value: .uint(0)))
        let empty: TypedParameters<Domain.SchedulerParameter> = [:]
        #expect(empty.description == "[]")
    }

    /// A name the bindings have no constant for round-trips: a string literal, `init(rawValue:)`
    /// and the raw value agree, and it works as a subscript key like any constant.
    @Test("an unknown key round-trips")
    func unknownKeyRoundTrip() {
        let literal: Domain.MemoryParameter = "made_up"
        #expect(literal.rawValue == "made_up")
        #expect(literal == Domain.MemoryParameter(rawValue: "made_up"))
        #expect(literal.hashValue == Domain.MemoryParameter(rawValue: "made_up").hashValue)
        #expect(literal != .softLimit)
        #expect(Domain.MemoryParameter.softLimit.rawValue == "soft_limit")

        var parameters: TypedParameters<Domain.MemoryParameter> = ["made_up": .string("x")]
        parameters[.softLimit] = .ullong(7)
        #expect(parameters["made_up"] == .string("x"))
        #expect(parameters[Domain.MemoryParameter(rawValue: "made_up")]?.stringValue == "x")
        #expect(parameters.description == "[made_up: x, soft_limit: 7]")

        let anyKey: AnyTypedParameterKey = "made_up"
        #expect(anyKey.rawValue == literal.rawValue)
    }

    /// The value helpers convert between integer types only when the value fits.
    @Test("value helpers")
    func valueHelpers() {
        #expect(TypedParameterValue.uint(5).unsignedValue == 5)
        #expect(TypedParameterValue.uint(5).signedValue == 5)
        #expect(TypedParameterValue.int(-1).unsignedValue == nil)
        #expect(TypedParameterValue.int(-1).signedValue == -1)
        #expect(TypedParameterValue.llong(-2).signedValue == -2)
        #expect(TypedParameterValue.ullong(.max).unsignedValue == .max)
        #expect(TypedParameterValue.ullong(.max).signedValue == nil)
        #expect(TypedParameterValue.boolean(true).unsignedValue == 1)
        #expect(TypedParameterValue.boolean(false).signedValue == 0)
        #expect(TypedParameterValue.double(1.5).unsignedValue == nil)
        #expect(TypedParameterValue.string("7").signedValue == nil)
        #expect(TypedParameterValue.string("text").stringValue == "text")
        #expect(TypedParameterValue.uint(1).stringValue == nil)
        #expect(TypedParameterValue.double(1.5).description == "1.5")
        #expect(TypedParameterValue.boolean(true).description == "true")
    }

    /// A typed key reads its value as the Swift type libvirt documents, and nil when the list holds
    /// another type (or nothing); setting stores the matching libvirt type, replacing in place, and
    /// nil removes. The untyped subscript still sees the same entries.
    @Test("typed keys: read, write, wrong type")
    func typedKeys() {
        var parameters: TypedParameters<Domain.SchedulerParameter> = [.weight: .uint(50), .cap: .ullong(1)]
        let weight: UInt32? = parameters[.weight]
        #expect(weight == 50)
        #expect(parameters[.cap] == nil as UInt32?)
        #expect(parameters[.cap] == .ullong(1))
        #expect(parameters[.vcpuQuota] == nil as Int64?)

        parameters[.weight] = 60
        parameters[.vcpuQuota] = -1
        parameters[.cpuShares] = 1024
        #expect(parameters.entries == [
            .init(key: .weight, value: .uint(60)), .init(key: .cap, value: .ullong(1)),
            .init(key: .vcpuQuota, value: .llong(-1)), .init(key: .cpuShares, value: .ullong(1024)),
        ])
        parameters[.cap] = nil as UInt32?
        #expect(parameters.map(\.key) == [.weight, .vcpuQuota, .cpuShares])

        var tunables: TypedParameters<Domain.TunableParameter> = [:]
        tunables[.cpuVCPUPin(1)] = "0-1"
        #expect(tunables[.cpuVCPUPin(1)] == "0-1")
        #expect(tunables.first?.key.rawValue == "cputune.vcpupin1")

        var perf: TypedParameters<Domain.PerfEvent> = [:]
        perf[.cacheMisses] = true
        #expect(perf[.cacheMisses] == .boolean(true))
    }

    /// A name the bindings leave untyped can be typed by hand; each value type converts only from
    /// its own case.
    @Test("typed keys: made by hand, conversions")
    func handMadeTypedKey() {
        let made = TypedKey<AnyTypedParameterKey, Double>("load")
        var parameters: TypedParameters<AnyTypedParameterKey> = ["load": .double(0.5)]
        #expect(parameters[made] == 0.5)
        parameters[made] = 1.5
        #expect(parameters["load"] == .double(1.5))
        #expect(parameters[TypedKey<AnyTypedParameterKey, String>("load")] == nil)

        #expect(Int32(typedParameterValue: .int(-3)) == -3)
        #expect(Int32(typedParameterValue: .uint(3)) == nil)
        #expect(UInt32(typedParameterValue: .ullong(3)) == nil)
        #expect(Int64(typedParameterValue: .llong(-4)) == -4)
        #expect(UInt64(typedParameterValue: .uint(4)) == nil)
        #expect(Bool(typedParameterValue: .boolean(true)) == true)
        #expect(Bool(typedParameterValue: .int(1)) == nil)
        #expect(String(typedParameterValue: .string("s")) == "s")
        #expect(Double(typedParameterValue: .ullong(1)) == nil)
        #expect(UInt64(5).typedParameterValue == .ullong(5))
        #expect(Int32(-5).typedParameterValue == .int(-5))
    }

    // MARK: Domain tunables

    /// The test driver uses the `fair` scheduler with one parameter, `weight`, which it always
    /// reports as 50.
    ///
    /// It accepts a new weight but does not store it (checked against the C API), so the value
    /// read back stays 50. (`schedulerParameters(options:)` cannot be used: the test driver
    /// rejects the `VIR_TYPED_PARAM_STRING_OKAY` flag libvirt adds to every flags call.)
    @Test("scheduler type and parameters")
    func schedulerParameters() throws {
        let name = uniqueName("sched")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let type = try domain.schedulerType()
            #expect(type.schedulerType == "fair")
            #expect(type.nparams == 1)

            let parameters = try domain.schedulerParameters()
            #expect(parameters.map(\.key) == [.weight])
            #expect(parameters[.weight] == .uint(50))
            #expect(parameters[.weight]?.unsignedValue == 50)
            let weight: UInt32? = parameters[.weight]
            #expect(weight == 50)

            try domain.setSchedulerParameters([.weight: .uint(77)])
            #expect(try domain.schedulerParameters()[.weight] == .uint(50))

            // A typed write sends a uint, which the driver accepts (a wrong type it would reject).
            var typed: TypedParameters<Domain.SchedulerParameter> = [:]
            typed[.weight] = 90
            try domain.setSchedulerParameters(typed)
            let error = expectLibvirtError { try domain.setSchedulerParameters([.weight: .ullong(90)]) }
            #expect(error?.code == .invalidArg)
            #expect(try domain.schedulerParameters()[.weight] == 50 as UInt32?)
        }
    }

    /// A soft limit set through `setMemoryParameters` reads back; the other limits stay unlimited.
    @Test("memory parameters: set soft_limit and read it back")
    func memoryParameters() throws {
        let name = uniqueName("memory")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            // libvirt's `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`.
            let unlimited = TypedParameterValue.ullong(9_007_199_254_740_991)
            let before = try domain.memoryParameters()
            #expect(before.map(\.key) == [.hardLimit, .softLimit, .swapHardLimit])
            #expect(before[.softLimit] == unlimited)

            try domain.setMemoryParameters([.softLimit: .ullong(87_539_319)])
            let after = try domain.memoryParameters()
            #expect(after[.softLimit] == .ullong(87_539_319))
            #expect(after[.hardLimit] == unlimited)
            #expect(after[.swapHardLimit] == unlimited)
        }
    }

    /// A soft limit written through its typed key (a `UInt64`, sent as a ullong) reads back typed.
    @Test("memory parameters: typed round trip")
    func memoryParametersTyped() throws {
        let name = uniqueName("memory")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            var parameters: TypedParameters<Domain.MemoryParameter> = [:]
            parameters[.softLimit] = 1_048_576
            try domain.setMemoryParameters(parameters)
            let softLimit: UInt64? = try domain.memoryParameters()[.softLimit]
            #expect(softLimit == 1_048_576)
        }
    }

    /// A name libvirt does not know is rejected by the driver, and nothing changes.
    @Test("memory parameters: an unknown name is rejected")
    func memoryParametersUnknownName() throws {
        let name = uniqueName("memory")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let before = try domain.memoryParameters()
            let error = expectLibvirtError { try domain.setMemoryParameters(["made_up": .ullong(1)]) }
            #expect(error?.code == .argumentUnsupported)
            #expect(error?.message.contains("made_up") == true)
            #expect(try domain.memoryParameters() == before)
        }
    }

    /// NUMA mode and node set written together read back; the mode is an `int` holding a
    /// `NUMATuneMemoryMode`.
    @Test("NUMA parameters: set nodeset and mode and read them back")
    func numaParameters() throws {
        let name = uniqueName("numa")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let before = try domain.numaParameters()
            #expect(before.map(\.key) == [.mode, .nodeset])
            #expect(before[.mode] == .int(Domain.NUMATuneMemoryMode.strict.rawValue))
            #expect(before[.nodeset] == .string(""))

            try domain.setNUMAParameters([
                .nodeset: .string("0"), .mode: .int(Domain.NUMATuneMemoryMode.interleave.rawValue),
            ])
            let after = try domain.numaParameters()
            #expect(after[.nodeset]?.stringValue == "0")
            #expect(after[.mode] == .int(2))
            let mode = try #require(after[.mode]?.signedValue)
            #expect(Domain.NUMATuneMemoryMode(rawValue: Int32(mode)) == .interleave)
        }
    }

    /// The totals of a running domain hold positive CPU, user and system times, as ullongs.
    @Test("CPU stats: totals")
    func cpuStatsTotals() throws {
        let name = uniqueName("cpustats")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let stats = try domain.cpuStats()
            #expect(stats.count == 1)
            let totals = try #require(stats.first)
            #expect(totals.map(\.key.rawValue) == ["cpu_time", "user_time", "system_time"])
            let cpuTime = try #require(totals[.cputime]?.unsignedValue)
            #expect(cpuTime > 0)
            guard case .ullong = totals[.cputime] else {
                Issue.record("cpu_time is not a ullong: \(totals)")
                return
            }
            #expect((totals[.usertime]?.unsignedValue ?? 0) > 0)
            #expect((totals[.systemtime]?.unsignedValue ?? 0) > 0)
        }
    }

    /// Per-CPU statistics give one list per requested host CPU, each with `cpu_time` and
    /// `vcpu_time`; a domain that is not running has no statistics.
    @Test("CPU stats: per CPU, and a stopped domain")
    func cpuStatsPerCPU() throws {
        let running = uniqueName("cpus")
        let stopped = uniqueName("stopped")
        try withTestNode([domainXML(name: running), domainXML(name: stopped, running: false)]) { connection, _ in
            let perCPU = try connection.domain(named: running).cpuStats(startCPU: 0, count: 2)
            #expect(perCPU.count == 2)
            for stats in perCPU {
                #expect(stats.map(\.key) == [.cputime, .vcputime])
                #expect((stats[.cputime]?.unsignedValue ?? 0) > 0)
                #expect((stats[.vcputime]?.unsignedValue ?? 0) > 0)
            }
            #expect(try connection.domain(named: running).cpuStats(startCPU: 0, count: 0).isEmpty)

            let error = expectLibvirtError { _ = try connection.domain(named: stopped).cpuStats() }
            #expect(error?.code == .operationInvalid)
        }
    }

    /// Block I/O weights: the test driver reports a weight and the five per-device lists.
    @Test("blkio parameters")
    func blkioParameters() throws {
        let name = uniqueName("blkio")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let parameters = try connection.domain(named: name).blkioParameters()
            #expect(parameters.count == 6)
            #expect(parameters.first?.key == .weight)
            #expect(parameters[.weight]?.unsignedValue != nil)
            #expect(parameters[.deviceWeight] == .string(""))
            #expect(parameters[.deviceReadIops] == .string(""))
        }
    }

    /// Perf events: a non-empty list of booleans, all disabled on a test domain.
    @Test("perf events")
    func perfEvents() throws {
        let name = uniqueName("perf")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let events = try connection.domain(named: name).perfEvents()
            #expect(events.count >= 20)
            #expect(events[.cacheMisses] == .boolean(false))
            #expect(events.allSatisfy { $0.value == .boolean(false) })
            #expect(Set(events.map(\.key)).count == events.count)
        }
    }

    /// Disk I/O tuning of `vda`: every limit reads as 0, and the group name as an empty string;
    /// a disk the domain does not have is an error.
    @Test("block I/O tune")
    func blockIOTune() throws {
        let name = uniqueName("iotune")
        try withTestNode([diskDomainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            let tune = try domain.blockIOTune(disk: "vda")
            #expect(tune.count == 20)
            #expect(tune.first?.key == .totalBytesSec)
            #expect(tune[.totalBytesSec] == .ullong(0))
            #expect(tune[.writeIopsSecMaxLength] == .ullong(0))
            #expect(tune[.groupName] == .string(""))
            #expect(tune.filter { $0.key != .groupName }.allSatisfy { $0.value.unsignedValue == 0 })

            let error = expectLibvirtError { _ = try domain.blockIOTune(disk: "vdz") }
            #expect(error?.code == .invalidArg)
        }
    }
}
