import CLibvirt

/// The statistics of one domain, as `Connection.allDomainStats(_:options:)` and
/// `Connection.domainStats(_:for:options:)` report them.
///
/// C symbol: `virDomainStatsRecord`.
public struct DomainStatsRecord: Sendable {
    /// The domain.
    public var domain: Domain
    /// The statistics (`state.state`, `cpu.time`, `balloon.current`, ...), also read through the
    /// typed views of their groups (`record.state.state`, `record.block.entries[0].readRequests`).
    public var parameters: TypedParameters<AnyTypedParameterKey>

    /// A record of `domain`'s statistics, for example to test code that reads records.
    public init(domain: Domain, parameters: TypedParameters<AnyTypedParameterKey>) {
        self.domain = domain
        self.parameters = parameters
    }
}

extension Connection {
    /// Statistics of every domain (or those the options select).
    ///
    /// - Parameter stats: Which groups of statistics; empty for all the driver supports.
    /// - Parameter options: Which domains, and how strictly to enforce `stats`.
    ///
    /// C symbol: `virConnectGetAllDomainStats`.
    public func allDomainStats(
        _ stats: Domain.StatsTypes = [], options: Connection.GetAllDomainStatsOptions = []
    ) throws -> [DomainStatsRecord] {
        try ensureOpen()
        var records: UnsafeMutablePointer<virDomainStatsRecordPtr?>?
        let count = try check(virConnectGetAllDomainStats(pointer, stats.rawValue, &records, options.rawValue))
        return takeStatsRecords(records, count: count)
    }

    /// Statistics of the given domains.
    ///
    /// C symbol: `virDomainListGetStats`.
    public func domainStats(
        _ stats: Domain.StatsTypes = [], for domains: [Domain], options: Connection.GetAllDomainStatsOptions = []
    ) throws -> [DomainStatsRecord] {
        try ensureOpen()
        var list: [OpaquePointer?] = domains.map(\.pointer) + [nil]
        var records: UnsafeMutablePointer<virDomainStatsRecordPtr?>?
        let count = try withExtendedLifetime(domains) {
            try check(virDomainListGetStats(&list, stats.rawValue, &records, options.rawValue))
        }
        return takeStatsRecords(records, count: count)
    }
}

/// Converts and frees a stats record list.
private func takeStatsRecords(_ records: UnsafeMutablePointer<virDomainStatsRecordPtr?>?, count: Int32) -> [DomainStatsRecord] {
    guard let records else { return [] }
    defer { virDomainStatsRecordListFree(records) }
    return (0..<Int(count)).compactMap { index in
        records[index].flatMap { record in
            record.pointee.dom.map {
                DomainStatsRecord(
                    domain: Domain(retaining: $0),
                    parameters: TypedParameters(record.pointee.params, count: record.pointee.nparams))
            }
        }
    }
}

/// The statistics of a record under one key prefix (`block.`, `block.0.`), which the typed views
/// of ``DomainStatsRecord`` (`record.block.entries[0].readRequests`) read.
struct StatsKeys: Sendable, Hashable {
    /// The whole record's statistics.
    let parameters: TypedParameters<AnyTypedParameterKey>
    /// The prefix the views' keys are relative to.
    let prefix: String

    /// The value of `key` (after the prefix) as a `Value`; nil when the record lacks it or it
    /// has another type.
    func value<Value: TypedParameterValueConvertible>(_ key: String, as type: Value.Type) -> Value? {
        parameters[TypedKey<AnyTypedParameterKey, Value>(AnyTypedParameterKey(rawValue: prefix + key))]
    }

    /// The value of `key` (after the prefix), whatever its type.
    func rawValue(_ key: String) -> TypedParameterValue? {
        parameters[AnyTypedParameterKey(rawValue: prefix + key)]
    }

    /// The numbered entries under `path` (`cache.monitor`, or empty for the prefix's own): the
    /// numbers that keys `<prefix><path>.<number>.…` use, in order, with their prefixes.
    func entries(_ path: String) -> [(index: Int, keys: StatsKeys)] {
        let base = prefix + (path.isEmpty ? "" : path + ".")
        var numbers: Set<Int> = []
        for entry in parameters.entries where entry.key.rawValue.hasPrefix(base) {
            let rest = entry.key.rawValue.dropFirst(base.count)
            if let dot = rest.firstIndex(of: "."), let number = Int(rest[..<dot]) { numbers.insert(number) }
        }
        return numbers.sorted().map { ($0, StatsKeys(parameters: parameters, prefix: base + "\($0)."))}
    }
}
