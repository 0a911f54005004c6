// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt
import LibvirtQemu

/// Checks of the bindings' hand-written functions (the overrides), which the model-driven probes
/// do not reach: CPU maps, statistics, security labels, stream I/O, QEMU specifics.
enum HandWrittenChecks {
    /// The number of host CPUs in the test driver's CPU map.
    static let mapCPUs = 8

    /// A CPU map of the test driver's host with only `cpus` set.
    static func map(_ cpus: Int...) -> [Bool] {
        (0..<mapCPUs).map { cpus.contains($0) }
    }

    /// A CPU map of the test driver's host, all set.
    static let allCPUs = [Bool](repeating: true, count: mapCPUs)

    /// The checks.
    static let all: [Check] = [
        Check("CPU maps and pinning") { f in
            // The test driver's host is not self-consistent: `nodeInfo()` says 16 CPUs, its CPU map
            // has 8 with 0, 2 and 4 online (the same in C). Maps are sized by the CPU map, as virsh's.
            let connection = try f.connection()
            let (cpus, online) = try connection.nodeCPUMap()
            try expect(cpus, map(0, 2, 4), "Connection.nodeCPUMap()")
            try expect(Int(online), 3, "Connection.nodeCPUMap()")
            let domain = try f.domain()
            let vcpus = try domain.vcpus()
            try expect(vcpus.map(\.info.number), [0, 1], "Domain.vcpus()")
            try expect(vcpus.allSatisfy { $0.info.state == .running && $0.info.cpu == 15 && $0.affinity == allCPUs },
                       "Domain.vcpus() returned \(vcpus)")
            try expect(try domain.vcpuPinInfo(), [allCPUs, allCPUs], "Domain.vcpuPinInfo(options:)")
            // A pin shows live, in the affinity and host CPU, not in the persistent configuration.
            try domain.pinVCPU(0, to: map(0))
            try expect(try domain.vcpuPinInfo(), [map(0), allCPUs], "Domain.vcpuPinInfo(options:)")
            try expect(try domain.vcpuPinInfo(options: .live), [map(0), allCPUs], "Domain.vcpuPinInfo(options:)")
            try expect(try domain.vcpuPinInfo(options: .config), [allCPUs, allCPUs], "Domain.vcpuPinInfo(options:)")
            let pinned = try domain.vcpus()
            try expect(pinned.map(\.affinity), [map(0), allCPUs], "Domain.vcpus()")
            try expect(pinned.first?.info.cpu, 0, "Domain.vcpus()")
            try domain.pinVCPU(1, to: map(3, 5), options: [])
            try domain.pinVCPU(0, to: map(1))
            try expect(try domain.vcpuPinInfo(), [map(1), map(3, 5)], "Domain.vcpuPinInfo(options:)")
            // The test driver's pinning accepts no flags, and a shut-off domain cannot be pinned.
            for options in [Domain.ModificationImpact.live, .config] {
                let refused = try expectFailure(LibvirtError.Code.invalidArg.rawValue, "Domain.pinVCPU(_:to:options:)") {
                    try domain.pinVCPU(0, to: map(2), options: options)
                }
                try expect(refused.message.contains("unsupported flags"), "the error does not say unsupported flags")
            }
            try expect(try domain.vcpuPinInfo(), [map(1), map(3, 5)], "Domain.vcpuPinInfo(options:)")
            let stopped = try connection.domain(named: "harness-stopped")
            try expectFailure(LibvirtError.Code.operationInvalid.rawValue, "Domain.pinVCPU(_:to:)") {
                try stopped.pinVCPU(0, to: map(1))
            }
            try expect(try stopped.vcpuPinInfo(), [allCPUs], "Domain.vcpuPinInfo(options:)")
            try expectFailure(LibvirtError.Code.operationInvalid.rawValue, "Domain.vcpus()") { _ = try stopped.vcpus() }
            try expect(try stopped.emulatorPinInfo(), allCPUs, "Domain.emulatorPinInfo(options:)")
            try expect(try domain.emulatorPinInfo(), allCPUs, "Domain.emulatorPinInfo(options:)")
            try domain.pinEmulator(to: map(0, 2))
            try expect(try domain.emulatorPinInfo(), map(0, 2), "Domain.emulatorPinInfo(options:)")
            exercise { try domain.pinIOThread(1, to: [true]) }
            // With fewer vCPUs online than the maximum: vcpus() lists the online ones,
            // vcpuPinInfo() every possible one, and an offline vCPU cannot be pinned.
            let partial = try connection.createDomain(xml: DomainChecks.definition("harness-vcpus")
                .replacingOccurrences(of: "<vcpu>1</vcpu>", with: "<vcpu current='1'>3</vcpu>"))
            try expect(try partial.vcpus().map(\.info.number), [0], "Domain.vcpus()")
            try expect(try partial.vcpuPinInfo(), [allCPUs, allCPUs, allCPUs], "Domain.vcpuPinInfo(options:)")
            let offline = try expectFailure(LibvirtError.Code.invalidArg.rawValue, "Domain.pinVCPU(_:to:)") {
                try partial.pinVCPU(2, to: map(1))
            }
            try expect(offline.message.contains("vcpu '2' is not present"), "the error does not name the missing vCPU")
        },
        Check("domain statistics, disk errors and security labels") { f in
            let connection = try f.connection()
            let domain = try f.domain()
            let stopped = try connection.domain(named: "harness-stopped")
            try expect(try domain.cpuStats().isEmpty, false, "Domain.cpuStats(startCPU:count:)")
            // The state group is all the test driver reports: 1 running, 5 shut off.
            let all = try connection.allDomainStats()
            try expect(all.map(\.domain.name).sorted(), ["harness-checkpoints", "harness-running", "harness-stopped"],
                       "Connection.allDomainStats(_:options:)")
            let record = all.first { $0.domain == domain }
            try expect(record?.parameters.map(\.key.rawValue).sorted() ?? [], ["state.reason", "state.state"],
                       "Connection.allDomainStats(_:options:)")
            try expect(record?.parameters["state.state"]?.signedValue, 1, "Connection.allDomainStats(_:options:)")
            try expect(try connection.allDomainStats(options: .active).map(\.domain.name).sorted(),
                       ["harness-checkpoints", "harness-running"], "Connection.allDomainStats(_:options:)")
            let inactive = try connection.allDomainStats(options: .inactive)
            try expect(inactive.map(\.domain.name), ["harness-stopped"], "Connection.allDomainStats(_:options:)")
            try expect(inactive.first?.parameters["state.state"]?.signedValue, 5, "Connection.allDomainStats(_:options:)")
            // Records for a list come back in the list's order; an empty list is refused.
            try expect(try connection.domainStats(for: [domain]).map(\.domain), [domain], "Connection.domainStats(_:for:options:)")
            try expect(try connection.domainStats(for: [stopped, domain]).map(\.domain.name),
                       ["harness-stopped", "harness-running"], "Connection.domainStats(_:for:options:)")
            try expectFailure(LibvirtError.Code.invalidArg.rawValue, "Connection.domainStats(_:for:options:)") {
                _ = try connection.domainStats(for: [])
            }
            // A group the driver lacks gives empty records, or is refused when enforced.
            try expect(try connection.allDomainStats(.balloon).allSatisfy { $0.parameters.isEmpty },
                       "Connection.allDomainStats(_:options:) reported a balloon group")
            try expectFailure(LibvirtError.Code.argumentUnsupported.rawValue, "Connection.allDomainStats(_:options:)") {
                _ = try connection.allDomainStats(.balloon, options: .enforceStats)
            }
            let errors = try domain.diskErrors()
            try expect(errors.map(\.disk), ["vda"], "Domain.diskErrors()")
            try expect(errors.map(\.error), [.unspec], "Domain.diskErrors()")
            // A running domain has the test driver's enforcing label, a shut-off one an empty label.
            let label = try domain.securityLabel()
            try expect(label.label, "libvirt-test", "Domain.securityLabel()")
            try expect(label.enforcing, true, "Domain.securityLabel()")
            try expect(try stopped.securityLabel().label, "", "Domain.securityLabel()")
            try expect(try stopped.securityLabel().enforcing, false, "Domain.securityLabel()")
            let labels = try expectFailure(noSupportCode, "Domain.securityLabels()") { _ = try domain.securityLabels() }
            try expect(labels.message.contains("virDomainGetSecurityLabelList"), "the error does not name its C function")
            exercise { _ = try connection.nodeFreePages(pageSizes: [4], startCell: 0, cellCount: 1) }
        },
        Check("stream I/O") { f in
            let connection = try f.connection()
            let stream = try connection.makeStream()
            _ = try f.domain().screenshot(stream: stream, screen: 0)
            // The screenshot stream has no receive flags nor holes, in C as well; the failed calls
            // leave it usable.
            let stopAtHole = try expectFailure(noSupportCode, "DataStream.receive(upTo:options:)") {
                _ = try stream.receive(upTo: 8, options: .stopAtHole)
            }
            try expect(stopAtHole.message.contains("virStreamRecvFlags"), "the error does not name virStreamRecvFlags")
            try expectFailure(noSupportCode, "DataStream.receive(upTo:options:)") {
                _ = try stream.receive(upTo: 8, options: [])
            }
            let hole = try expectFailure(noSupportCode, "DataStream.receiveHole()") { _ = try stream.receiveHole() }
            try expect(hole.message.contains("virStreamRecvHole"), "the error does not name virStreamRecvHole")
            // It is opened for reading only.
            let sent = try expectFailure(LibvirtError.Code.systemError.rawValue, "DataStream.send(_:)") {
                _ = try stream.send([1, 2, 3])
            }
            try expect(sent.errorDomain, .streams, "LibvirtError.errorDomain")
            let head = try stream.receive(upTo: 100) ?? []
            try expect(head.count, 100, "DataStream.receive(upTo:)")
            try expect(Array(head.prefix(8)), PNG.signature, "DataStream.receive(upTo:)")
            // Aborting part-way closes it: receiving then fails in the streams subsystem, while
            // finishing and aborting again are accepted.
            try stream.abort()
            let closed = try expectFailure(LibvirtError.Code.internalError.rawValue, "DataStream.receive()") {
                _ = try stream.receive()
            }
            try expect(closed.errorDomain == .streams && closed.message.contains("stream is not open"),
                       "DataStream.receive() threw \(closed.message)")
            try stream.finish()
            try stream.abort()
            // A fresh stream has no driver: aborting it succeeds, and every transfer then throws
            // .noSupport naming its C function.
            let idle = try connection.makeStream()
            try idle.abort()
            for (api, function, call) in [
                ("DataStream.receive()", "virStreamRecv", { _ = try idle.receive() }),
                ("DataStream.send(_:)", "virStreamSend", { _ = try idle.send([1, 2, 3]) }),
                ("DataStream.finish()", "virStreamFinish", { try idle.finish() }),
            ] as [(String, String, () throws -> Void)] {
                let error = try expectFailure(noSupportCode, api, call)
                try expect(error.message.contains(function), "the error of \(api) does not name \(function)")
            }
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
