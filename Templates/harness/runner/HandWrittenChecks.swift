// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt
import LibvirtQemu

/// Checks of the bindings' hand-written functions (the overrides), which the model-driven probes
/// do not reach: CPU maps, statistics, security labels, stream I/O, QEMU specifics.
enum HandWrittenChecks {
    /// The checks.
    static let all: [Check] = [
        Check("CPU maps, statistics and security labels") { f in
            let connection = try f.connection()
            let domain = try f.domain()
            let (cpus, online) = try connection.nodeCPUMap()
            try expect(Int(online), cpus.filter { $0 }.count, "Connection.nodeCPUMap()")
            let vcpus = try domain.vcpus()
            try expect(vcpus.count, 2, "Domain.vcpus()")
            try expect(vcpus.map(\.info.number), [0, 1], "Domain.vcpus()")
            try domain.pinVCPU(0, to: [true])
            try expect(try domain.vcpuPinInfo().first?.first, true, "Domain.vcpuPinInfo(options:)")
            try domain.pinVCPU(1, to: [true], options: [])
            try domain.pinEmulator(to: [true, true])
            try expect(Array(try domain.emulatorPinInfo().prefix(2)), [true, true], "Domain.emulatorPinInfo(options:)")
            exercise { try domain.pinIOThread(1, to: [true]) }
            try expect(try domain.cpuStats().isEmpty, false, "Domain.cpuStats(startCPU:count:)")
            try expect(try domain.diskErrors().count, 1, "Domain.diskErrors()")
            try expect(try domain.securityLabel().label.isEmpty, false, "Domain.securityLabel()")
            exercise { _ = try domain.securityLabels() }
            try expect(try connection.allDomainStats().count, 3, "Connection.allDomainStats(_:options:)")
            try expect(try connection.domainStats(for: [domain]).map(\.domain.name), ["harness-running"],
                       "Connection.domainStats(_:for:options:)")
            exercise { _ = try connection.nodeFreePages(pageSizes: [4], startCell: 0, cellCount: 1) }
        },
        Check("stream I/O") { f in
            let connection = try f.connection()
            let stream = try connection.makeStream()
            _ = try f.domain().screenshot(stream: stream, screen: 0)
            let head = try stream.receive(upTo: 8)
            try expect(head ?? [], [137, 80, 78, 71, 13, 10, 26, 10], "DataStream.receive(upTo:)")
            try expectFailure(noSupportCode, "DataStream.receive(upTo:options:)") {
                _ = try stream.receive(upTo: 8, options: [])
            }
            try stream.abort()
            let idle = try connection.makeStream()
            try idle.abort()
            try expectFailure(noSupportCode, "DataStream.send(_:)") { _ = try idle.send([1, 2, 3]) }
            exercise { try idle.sendAll { _ in [] } }
            exercise { try idle.sparseSendAll(data: { _ in [] }, hole: { (inData: true, length: 0) }, skip: { _ in }) }
            exercise { try idle.receiveAll { _ in } }
            exercise { try idle.sparseReceiveAll(data: { _ in }, hole: { _ in }) }
            let watched = try connection.makeStream(options: .nonblock)
            exercise { _ = try watched.events(.readable) }
            exercise { try watched.updateEvents(.writable) }
        },
        Check("QEMU specifics on the test driver") { f in
            let connection = try f.connection()
            exercise { _ = try connection.qemuMonitorEvents(named: nil, domain: nil, options: []) }
            try expectFailure(noSupportCode, "Domain.qemuMonitorCommand(_:files:options:)") {
                _ = try f.domain().qemuMonitorCommand("{\"execute\":\"query-status\"}", files: [], options: [])
            }
        },
    ]
}
