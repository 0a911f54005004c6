import CLibvirt

extension Domain {
    /// Statistics about the CPU usage attributable to this domain.
    ///
    /// With the defaults (`startCPU: -1, count: 1`) the result holds one element: the totals for
    /// the whole domain (`Domain.CPUStatsParameter.cputime`, `.usertime`, `.systemtime`). Otherwise
    /// it holds one element per host CPU from `startCPU`, `count` of them. The domain must be running.
    ///
    /// - Parameter startCPU: The first host CPU to report, or -1 for the domain's totals.
    /// - Parameter count: How many consecutive CPUs to report (1 for totals).
    /// - Returns: One list of statistics per reported CPU.
    /// - Throws: ``LibvirtError`` when libvirt reports a failure.
    ///
    /// C symbol: `virDomainGetCPUStats`.
    /// Available since libvirt 0.9.10.
    public func cpuStats(startCPU: Int32 = -1, count: Int = 1) throws -> [TypedParameters<Domain.CPUStatsParameter>] {
        try ensureOpen()
        let count = min(count, Int(UInt32.max))
        guard count > 0 else { return [] }
        // First ask how many statistics one CPU has, then fetch them all in one call.
        let perCPU = try check(virDomainGetCPUStats(pointer, nil, 0, startCPU, 1, 0))
        guard perCPU > 0 else { return Array(repeating: TypedParameters(), count: count) }
        let total = Int(perCPU) * count
        let buffer = UnsafeMutablePointer<virTypedParameter>.allocate(capacity: total)
        buffer.initialize(repeating: virTypedParameter(), count: total)
        defer {
            virTypedParamsClear(buffer, Int32(total))
            buffer.deallocate()
        }
        let filled = try check(virDomainGetCPUStats(pointer, buffer, UInt32(perCPU), startCPU, UInt32(count), 0))
        return (0..<count).map { TypedParameters(buffer + $0 * Int(perCPU), count: filled) }
    }
}
