// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt

/// Lifecycle checks on firmware-only domains: values agree with the definition, save and
/// restore with their states, reasons and events, managed save.
enum QemuLifecycleChecks {
    /// The checks.
    static let all: [Check] = [
        Check("QEMU: the driver and a domain's values agree with its definition") { f in
            let connection = try f.connection()
            try expect(try connection.hypervisorType, "QEMU", "Connection.hypervisorType")
            try expect(try connection.hypervisorVersion.encoded > 0, "Connection.hypervisorVersion is 0")
            try expect(try connection.capabilities.contains("<domain type='qemu'"), true, "Connection.capabilities")
            let domain = try f.domain()
            try expect(domain.name, QemuDomains.running, "Domain.name")
            try expect(try domain.uuid, UUID(uuidString: QemuDomains.uuid(QemuDomains.running))!, "Domain.uuid")
            try expect(domain.id != nil, "Domain.id is nil for a running domain")
            let info = try domain.info()
            try expect(info.state, .running, "Domain.info()")
            try expect(info.maxMemory, 131_072, "Domain.info()")
            try expect(info.virtualCPUCount, 1, "Domain.info()")
            try expect(try domain.maxMemory, 131_072, "Domain.maxMemory")
            try expect(try domain.vcpuCount(options: [.maximum]), 2, "Domain.vcpuCount(options:)")
            try expect(try domain.vcpuCount(options: [.live]), 1, "Domain.vcpuCount(options:)")
            try expect(try domain.osType, "hvm", "Domain.osType")
            try expect(try domain.isActive, true, "Domain.isActive")
            try expect(try domain.isPersistent, true, "Domain.isPersistent")
            try expect(try connection.domain(uuid: UUID(uuidString: QemuDomains.uuid(QemuDomains.running))!).name,
                       QemuDomains.running, "Connection.domain(uuid:)")
            try expect(try domain.xmlDescription().contains("<name>\(QemuDomains.running)</name>"), true,
                       "Domain.xmlDescription(options:)")
            let stopped = try Fixture(f.environment, stoppedDomain: true).domain()
            try expect(stopped.id, nil, "Domain.id")
            try expect(try stopped.state().state, .shutoff, "Domain.state()")
            try expect(try connection.definedDomainNames.contains(QemuDomains.stopped), true,
                       "Connection.definedDomainNames")
        },
        Check("QEMU: a running domain saved to a file and restored") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-save", running: true, on: connection, f.environment)
            let events = try connection.domainEvents(.lifecycle, domain: domain)
            let image = QemuDomains.folder(f.environment) + "/harness-save.save"
            try await domain.save(to: image)
            let saved = try await domain.state()
            try expect(saved.state, .shutoff, "Domain.state()")
            try expect(saved.reason, .shutoff(.saved), "Domain.state()")
            try await expect(try domain.info().state, .shutoff, "Domain.info()")
            try await expect(try connection.saveImageXMLDescription(file: image).contains("<name>harness-save</name>"), true,
                       "Connection.saveImageXMLDescription(file:options:)")
            try await connection.restoreDomain(from: image)
            let restored = try await domain.state()
            try expect(restored.state, .running, "Domain.state()")
            try expect(restored.reason, .running(.restored), "Domain.state()")
            let received = try await EventAndStreamChecks.first(3, of: events, select: lifecycleDetail)
            try expect(received, [.suspended(.paused), .stopped(.saved), .started(.restored)],
                       "Connection.domainEvents(_:domain:)")
            try await domain.destroy()
        },
        Check("QEMU: managed save") { f in
            let connection = try f.connection()
            let domain = try QemuDomains.ensure("harness-managed", running: true, on: connection, f.environment)
            try await expect(try domain.hasManagedSaveImage(), false, "Domain.hasManagedSaveImage()")
            let events = try connection.domainEvents(.lifecycle, domain: domain)
            try await domain.managedSave()
            try await expect(try domain.hasManagedSaveImage(), true, "Domain.hasManagedSaveImage()")
            let saved = try await domain.state()
            try expect(saved.state, .shutoff, "Domain.state()")
            try expect(saved.reason, .shutoff(.saved), "Domain.state()")
            try await expect(try connection.allDomains(options: .managedsave).map(\.name).contains("harness-managed"),
                       "Connection.allDomains(options:) does not list the domain with a managed save image")
            try await expect(try domain.managedSaveXMLDescription().contains("<name>harness-managed</name>"), true,
                       "Domain.managedSaveXMLDescription(options:)")
            try await domain.start()
            try await expect(try domain.state().reason, .running(.restored), "Domain.state()")
            try await expect(try domain.hasManagedSaveImage(), false, "Domain.hasManagedSaveImage()")
            let received = try await EventAndStreamChecks.collect(events, select: lifecycleDetail) {
                $0.last == .started(.restored)
            }
            try expect(received.containsInOrder([.stopped(.saved), .started(.restored)]),
                       "Connection.domainEvents(_:domain:) delivered \(received.map { "\($0)" })")
            try await domain.managedSave()
            try await domain.removeManagedSave()
            try await expect(try domain.hasManagedSaveImage(), false, "Domain.hasManagedSaveImage()")
            try await domain.start()
            try await expect(try domain.state().reason, .running(.booted), "Domain.state()")
            try await domain.destroy()
        },
        Check("QEMU: lifecycle events") { f in
            let connection = try f.connection()
            let events = try connection.domainEvents(.lifecycle)
            let name = "harness-lifecycle"
            let domain = try await connection.defineDomain(xml: QemuDomains.definition(name, f.environment))
            try await domain.start()
            try await domain.suspend()
            try await expect(try domain.info().state, .paused, "Domain.info()")
            try await domain.resume()
            try await domain.reset()
            try await domain.destroy()
            try await domain.undefine()
            // QEMU reports more than the test driver (a resume as the CPUs start, the shutdown
            // QEMU reports when it is killed): the expected events must come in this order.
            let expected: [Domain.LifecycleDetail] = [
                .defined(.added), .started(.booted), .suspended(.paused), .resumed(.unpaused), .stopped(.destroyed),
                .undefined(.removed),
            ]
            let received = try await EventAndStreamChecks.collect(events, select: { event -> Domain.LifecycleDetail? in
                guard case .lifecycle(let domain, _, let detail) = event, domain.name == name else { return nil }
                return detail
            }, done: { $0.last == .undefined(.removed) })
            try expect(received.containsInOrder(expected), "Connection.domainEvents(_:domain:) delivered "
                + "\(received.map { "\($0)" }), not \(expected.map { "\($0)" }) in this order")
        },
    ]

    /// The detail of a lifecycle event (nil for other events).
    @Sendable static func lifecycleDetail(_ event: Domain.Event) -> Domain.LifecycleDetail? {
        guard case .lifecycle(_, _, let detail) = event else { return nil }
        return detail
    }
}
