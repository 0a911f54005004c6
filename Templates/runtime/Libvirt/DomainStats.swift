import CLibvirt

/// The statistics of one domain, as `Connection.allDomainStats(_:options:)` and
/// `Connection.domainStats(_:for:options:)` report them.
///
/// C symbol: `virDomainStatsRecord`.
public struct DomainStatsRecord: Sendable {
    /// The domain.
    public var domain: Domain
    /// The statistics (`state.state`, `cpu.time`, `balloon.current`, ...).
    public var parameters: TypedParameters<AnyTypedParameterKey>
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
