import Foundation
import LibvirtAdmin

/// The admin API against the fault check's daemon, run in a child process that opens no libvirt
/// connection (libvirt 9.0 crashes when one process opens an admin connection after a libvirt
/// connection). Its parent holds a client connection to the daemon, which the admin API must list.
enum AdminCheck {
    /// Runs the check against the daemon whose sockets are in `folder` and prints its figures.
    ///
    /// - Throws: ``CheckFailure`` on a wrong answer.
    static func run(socketFolder folder: String) throws {
        let admin = try AdminConnection(uri: "libvirtd:///system?socket=\(folder)/libvirt-admin-sock")
        try require(try admin.isAlive, "AdminConnection.isAlive is false")
        let servers = try admin.servers().map(\.name).sorted()
        try require(servers == ["admin", "libvirtd"], "AdminConnection.servers: \(servers)")
        try expectError(.noServer, "server(named: missing)") { _ = try admin.server(named: "missing") }
        let server = try admin.server(named: "libvirtd")
        let parent = Int64(getppid())
        let clients = try server.clients()
        let ours = try clients.filter { try $0.info()[.unixProcessID]?.signedValue == parent }
        try require(
            ours.count == 1, "AdminServer.clients() lists \(clients.count) clients, \(ours.count) of them the parent's")
        let client = ours[0]
        let transport = try client.transport
        try require(transport == .unix, "the parent's client transport is \(transport)")
        try require(try server.client(id: try client.id).id == client.id, "AdminServer.client(id:) gave another client")
        try expectError(.noClient, "client(id: missing)") { _ = try server.client(id: 999_999) }
        try checkThreadPool(server)
        try checkClientLimits(server)
        try checkLogging(admin, folder: folder)
        report("admin: servers \(servers.joined(separator: ", ")); \(clients.count) client(s) of libvirtd, the "
            + "parent's found by its process ID; thread pool, client limits, logging outputs and filters read, set, "
            + "read back, restored")
    }

    /// Raises the thread pool's maximum by one, reads it back, and restores it.
    private static func checkThreadPool(_ server: AdminServer) throws {
        let before = try server.threadPoolParameters()
        guard let maximum = before[.workersMax]?.unsignedValue, before[.workersCurrent] != nil else {
            throw CheckFailure("threadPoolParameters lacks maxWorkers or nWorkers: \(before)")
        }
        try server.setThreadPoolParameters([.workersMax: .uint(UInt32(maximum + 1))])
        let raised = try server.threadPoolParameters()[.workersMax]?.unsignedValue
        try require(raised == maximum + 1, "maxWorkers read back \(String(describing: raised)), set \(maximum + 1)")
        try server.setThreadPoolParameters([.workersMax: .uint(UInt32(maximum))])
        try require(try server.threadPoolParameters()[.workersMax]?.unsignedValue == maximum, "maxWorkers not restored")
    }

    /// Lowers the client limit by one, reads it back, and restores it.
    private static func checkClientLimits(_ server: AdminServer) throws {
        guard let limit = try server.clientLimits()[.max]?.unsignedValue, limit > 1 else {
            throw CheckFailure("clientLimits lacks nclients_max")
        }
        try server.setClientLimits(parameters: [.max: .uint(UInt32(limit - 1))])
        try require(try server.clientLimits()[.max]?.unsignedValue == limit - 1, "nclients_max not set")
        try server.setClientLimits(parameters: [.max: .uint(UInt32(limit))])
        try require(try server.clientLimits()[.max]?.unsignedValue == limit, "nclients_max not restored")
    }

    /// Sets logging outputs and filters, reads them back, and restores them.
    private static func checkLogging(_ admin: AdminConnection, folder: String) throws {
        let outputs = try admin.loggingOutputs()
        let filters = try admin.loggingFilters()
        let newOutputs = "3:file:\(folder)/admin-check.log"
        try admin.setLoggingOutputs(newOutputs)
        let readOutputs = try admin.loggingOutputs()
        try require(readOutputs == newOutputs, "loggingOutputs read back \(readOutputs), set \(newOutputs)")
        try admin.setLoggingFilters("3:remote 4:event")
        // libvirt reports each filter's match as a pattern, with a separating space after each.
        let readFilters = try admin.loggingFilters()
        try require(readFilters == "3:*remote* 4:*event* ", "loggingFilters read back '\(readFilters)'")
        try expectError(.invalidArg, "setLoggingFilters(garbage)") { try admin.setLoggingFilters("9:nonsense") }
        try admin.setLoggingOutputs(outputs)
        try admin.setLoggingFilters(filters)
        let restored = (try admin.loggingOutputs(), try admin.loggingFilters())
        try require(restored == (outputs, filters), "logging settings not restored: \(restored)")
    }
}
