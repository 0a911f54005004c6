import Foundation
import Libvirt
import Testing

/// The `TypedParameters` collection and its typed keys. The domain tunables libvirt reads and writes
/// through it are the harness's scenarios (`Templates/harness/runner/TypedParameterChecks.swift`),
/// which `HarnessScenarioTests` runs under `swift test`.
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
}
