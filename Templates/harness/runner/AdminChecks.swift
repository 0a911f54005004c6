// Copied into the harness runner by libvirt-swiftgen harness.
import LibvirtAdmin

/// Checks of the admin API against the harness's private daemon (the admin suite, which runs in
/// a process of its own: libvirt 9.0 cannot hold an admin connection in a process that has
/// opened a libvirt connection).
enum AdminChecks {
    /// The checks.
    static let all: [Check] = [
        Check("admin API: servers and clients") { f in
            let admin = try f.adminConnection()
            try expect(try admin.isAlive, true, "AdminConnection.isAlive")
            try await expect(try admin.servers().map(\.name).sorted(), ["admin", "libvirtd"], "AdminConnection.servers()")
            let server = try f.adminServer()
            try expect(server.name, "libvirtd", "AdminServer.name")
            let client = try f.adminClient()
            try await expect(try server.client(id: client.id).id, client.id, "AdminServer.client(id:)")
            try await expect(try server.threadPoolParameters().isEmpty, false, "AdminServer.threadPoolParameters()")
            try expect(try admin.libraryVersion.major > 0, true, "AdminConnection.libraryVersion")
            exercise { _ = try admin.closeEvents() }
            let workers = try await server.threadPoolParameters()[.workersMax]
            try await server.setThreadPoolParameters([.workersMax: workers ?? .uint(20)])
            try await expect(try server.threadPoolParameters()[.workersMax], workers, "AdminServer.threadPoolParameters()")
            let limit = try await server.clientLimits()[.max]
            try await server.setClientLimits(parameters: [.max: limit ?? .uint(5000)])
            try await expect(try server.clientLimits()[.max], limit, "AdminServer.clientLimits()")
            let id = try client.id
            try await client.close()
            try await waitUntil("AdminClient.close() disconnects client \(id)") {
                try !server.clients().contains { try $0.id == id }
            }
        },
    ]
}
