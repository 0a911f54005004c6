// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt
import LibvirtQemu

/// Checks of what QEMU's host side reports for the running firmware-only domain: statistics,
/// CPU pinning, the QEMU monitor and its events (LibvirtQemu), and a screenshot through a stream.
enum QemuHostChecks {
    /// The checks.
    static let all: [Check] = [
        Check("QEMU: domain statistics") { f in
            let connection = try f.connection()
            let domain = try f.domain()
            let records = try connection.allDomainStats([.state, .cpuTotal, .balloon, .vcpu, .block], options: [.active])
            guard let record = records.first(where: { $0.domain.name == QemuDomains.running }) else {
                throw CheckFailure("Connection.allDomainStats(_:options:) has no record of \(QemuDomains.running)")
            }
            try expect(record.parameters["state.state"].flatMap(integer), 1, "Connection.allDomainStats(_:options:)")
            try expect(record.parameters["vcpu.current"].flatMap(integer), 1, "Connection.allDomainStats(_:options:)")
            try expect(record.parameters["block.0.name"], .string("vda"), "Connection.allDomainStats(_:options:)")
            // The same values through the record's typed views.
            try expect(record.state.state, .running, "DomainStatsRecord.state")
            try expect((record.cpu.time ?? 0) > 0, "DomainStatsRecord.cpu has no CPU time")
            try expect(record.balloon.maximum, 131_072, "DomainStatsRecord.balloon")
            try expect([record.vcpu.current, record.vcpu.maximum], [1, 2], "DomainStatsRecord.vcpu")
            try expect(record.vcpu.entries.map(\.index), [0], "DomainStatsRecord.vcpu")
            try expect(record.vcpu.entries.first?.state, .running, "DomainStatsRecord.vcpu")
            try expect(record.block.count, record.block.entries.count, "DomainStatsRecord.block")
            try expect(record.block.entries.first?.name, "vda", "DomainStatsRecord.block")
            try expect((record.block.entries.first?.capacity ?? 0) > 0, "DomainStatsRecord.block has no capacity")
            try expect(try connection.domainStats([.state], for: [domain]).count, 1, "Connection.domainStats(_:for:options:)")
            let memory = try domain.memoryStats()
            try expect(!memory.isEmpty, "Domain.memoryStats() returned no statistics")
            let block = try domain.blockStats(disk: "vda")
            try expect(block.readRequests >= 0, "Domain.blockStats(disk:) returned \(block.readRequests) read requests")
            try expect(try domain.blockStats(disk: "vda", options: []).count > 0, "Domain.blockStats(disk:options:) is empty")
            _ = try domain.interfaceStats(device: "52:54:00:aa:00:01")
            try expect(try domain.blockInfo(disk: "vda").capacity, 64 << 20, "Domain.blockInfo(disk:)")
            try expect(try domain.jobInfo().type, .none, "Domain.jobInfo()")
            try expect(try domain.diskErrors(), [], "Domain.diskErrors()")
            try expect(try domain.securityLabel().label, "", "Domain.securityLabel()")
            try expect(try domain.securityLabels().first?.label, "", "Domain.securityLabels()")
        },
        Check("QEMU: CPU pinning, vCPU hot-plug and I/O threads") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-cpus", running: true, on: connection, f.environment)
            let (cpus, online) = try connection.nodeCPUMap()
            try expect(Int(online), cpus.filter { $0 }.count, "Connection.nodeCPUMap()")
            let first = cpus.indices.map { $0 == 0 }
            try expect(try domain.vcpus().map(\.info.number), [0], "Domain.vcpus()")
            try domain.pinVCPU(0, to: first)
            try expect(Array(try domain.vcpuPinInfo().first ?? []), first, "Domain.vcpuPinInfo(options:)")
            try domain.pinVCPU(0, to: cpus, options: [.live])
            try domain.pinEmulator(to: first)
            try expect(try domain.emulatorPinInfo(), first, "Domain.emulatorPinInfo(options:)")
            try domain.setVCPUs(vcpuCount: 2)
            try expect(try domain.vcpuCount(options: [.live]), 2, "Domain.setVCPUs(vcpuCount:)")
            try domain.addIOThread(ioThreadID: 7, options: [.live])
            try domain.pinIOThread(7, to: first, options: [.live])
            try domain.setIOThreadParameters(ioThreadID: 7, parameters: [.pollMaxNs: .ullong(1000)], options: [.live])
            let threads = try domain.ioThreadInfo()
            try expect(threads.map(\.ioThreadID), [7], "Domain.ioThreadInfo(options:)")
            try domain.deleteIOThread(ioThreadID: 7, options: [.live])
            try domain.destroy()
        },
        Check("QEMU: cgroup tunables and the persistent memory limit") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-tunables", running: true, on: connection, f.environment)
            guard f.environment.qemuCgroups else {
                try expectFailure(LibvirtError.Code.operationInvalid.rawValue, "Domain.schedulerType()") {
                    _ = try domain.schedulerType()
                }
                return
            }
            try domain.setSchedulerParameters([.cpuShares: .ullong(2048)])
            try expect(try domain.schedulerParameters()[.cpuShares], .ullong(2048), "Domain.schedulerParameters()")
            try domain.setSchedulerParameters([.cpuShares: .ullong(1024)], options: [.live])
            try expect(try domain.schedulerParameters(options: [.live])[.cpuShares], .ullong(1024),
                       "Domain.schedulerParameters()")
            try domain.setMemoryParameters([.softLimit: .ullong(1 << 20)], options: [.live])
            try expect(try domain.memoryParameters(options: [.live])[.softLimit], .ullong(1 << 20),
                       "Domain.memoryParameters(options:)")
            try expect(try domain.cpuStats().count, 1, "Domain.cpuStats(startCPU:count:)")
            try domain.destroy()
            try domain.setMaxMemory(262_144)
            try expect(try domain.maxMemory, 262_144, "Domain.setMaxMemory(_:)")
        },
        Check("QEMU: host CPU models and native configuration") { f in
            let connection = try f.connection()
            let models = try connection.cpuModelNames(arch: "x86_64")
            try expect(models.contains("qemu64"), "Connection.cpuModelNames(arch:) lacks qemu64: \(models.prefix(5))")
            let cpu = "<cpu><arch>x86_64</arch><model>qemu64</model></cpu>"
            // QEMU's emulation (TCG) offers every feature of qemu64; nested KVM may lack some.
            let baseline = try connection.baselineHypervisorCPU(virtualizationType: "qemu", cpuXMLs: [cpu])
            try expect(baseline.contains(">qemu64</model>"), "Connection.baselineHypervisorCPU(...) returned \(baseline)")
            try expect(try connection.compareHypervisorCPU(virtualizationType: "qemu", cpuXML: cpu), .superset,
                       "Connection.compareHypervisorCPU(emulator:arch:machine:virtualizationType:cpuXML:options:)")
            let hostCPU = try hostCPUDefinition(connection.capabilities)
            try expect(try connection.compareCPU(xml: hostCPU), .identical, "Connection.compareCPU(xml:options:)")
            let native = try connection.domainXMLToNative(
                nativeFormat: "qemu-argv", xml: QemuDomains.definition("harness-native", f.environment))
            try expect(native.contains("-name"), "Connection.domainXMLToNative(nativeFormat:xml:) returned \(native.prefix(80))")
            let memory = try connection.nodeMemoryStats(cell: -1)
            try expect(!memory.isEmpty, "Connection.nodeMemoryStats(cell:) returned nothing")
            let free = try connection.nodeCellsFreeMemory(startCell: 0, cellCount: 1)
            try expect(free.count, 1, "Connection.nodeCellsFreeMemory(startCell:cellCount:)")
            let pages = try connection.nodeFreePages(pageSizes: [4], startCell: 0, cellCount: 1)
            try expect(pages.count, 1, "Connection.nodeFreePages(pageSizes:startCell:cellCount:)")
        },
        Check("QEMU: monitor commands and monitor events") { f in
            let connection = try f.connection()
            let domain = try f.domain()
            let qmp = try await domain.qemuMonitorCommand("{\"execute\":\"query-status\"}")
            try expect(qmp.contains("\"running\""), "Domain.qemuMonitorCommand(_:options:) answered \(qmp)")
            let hmp = try await domain.qemuMonitorCommand("info status", options: [.hmp])
            try expect(hmp.contains("running"), "Domain.qemuMonitorCommand(_:options:) answered \(hmp)")
            let reply = try JSONSerialization.jsonObject(with: Data(qmp.utf8)) as? [String: Any]
            let status = reply?["return"] as? [String: Any]
            try expect(status?["status"] as? String == "running" && status?["running"] as? Bool == true,
                       "Domain.qemuMonitorCommand(_:options:) answered \(qmp)")
            let events = try connection.qemuMonitorEvents(named: "STOP", domain: domain)
            try await domain.suspend()
            let names = try await EventAndStreamChecks.first(1, of: events) { $0.event }
            let paused = try await domain.qemuMonitorCommand("info status", options: [.hmp])
            try await domain.resume()
            try expect(paused.contains("paused"), "Domain.qemuMonitorCommand(_:options:) answered \(paused) when paused")
            try expect(names, ["STOP"], "Connection.qemuMonitorEvents(named:domain:options:)")
        },
        Check("QEMU: screenshot stream") { f in
            let stream = try await f.connection().makeStream()
            let mime = try await f.domain().screenshot(stream: stream, screen: 0)
            var image: [UInt8] = []
            for try await chunk in stream.bytes() { image += chunk }
            try expect(mime, "image/png", "Domain.screenshot(stream:screen:)")
            try expect(Array(image.prefix(8)), PNG.signature, "DataStream.bytes()")
        },
    ]

    /// The `<cpu>` element of the host in a capabilities document.
    static func hostCPUDefinition(_ capabilities: String) throws -> String {
        guard let start = capabilities.range(of: "<cpu>"), let end = capabilities.range(of: "</cpu>") else {
            throw CheckFailure("Connection.capabilities has no host <cpu> element")
        }
        return String(capabilities[start.lowerBound..<end.upperBound])
    }

    /// A typed-parameter value as an integer, whatever its width.
    static func integer(_ value: TypedParameterValue) -> Int64? {
        switch value {
        case .int(let v): Int64(v)
        case .uint(let v): Int64(v)
        case .llong(let v): v
        case .ullong(let v): Int64(v)
        default: nil
        }
    }
}
