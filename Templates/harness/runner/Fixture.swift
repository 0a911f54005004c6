// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt
import LibvirtAdmin

/// Where the runner finds what the harness prepared.
struct RunnerEnvironment: Sendable {
    /// The node-description file the harness wrote.
    let nodeFile: String
    /// A folder the checks may write into.
    let scratch: String
    /// The private daemon's socket folder, when the harness started one.
    let daemonSockets: String?
    /// The embedded QEMU driver's root folder, when the checks run against QEMU.
    let qemuRoot: String?
    /// The folder holding the QEMU guest's kernel and initramfs.
    let guestImage: String?
    /// The results file (JSON lines) the harness reads.
    let results: String

    /// Whether the checks run against the embedded QEMU driver (else the test driver).
    var isQemu: Bool { qemuRoot != nil }

    /// Whether the embedded QEMU driver puts domains in cgroups (the harness turns them off in
    /// `qemu.conf` where the machine's cgroups cannot be written).
    var qemuCgroups: Bool {
        let configuration = qemuRoot.flatMap { try? String(contentsOfFile: $0 + "/etc/qemu.conf", encoding: .utf8) }
        return !(configuration ?? "").contains("cgroup_controllers = []")
    }

    /// The URI of the connection the checks use: the test driver on the harness's node file
    /// (a driver state of its own per connection), or the embedded QEMU driver.
    var nodeURI: String { qemuRoot.map { "qemu:///embed?root=\($0)" } ?? "test://" + nodeFile }
}

/// The objects a check works on, from a fresh connection to the harness's node: each fixture has
/// a driver state of its own. Objects are made on first use; an object the driver cannot make
/// (secrets, network filters) throws, and the probes on it are reported as not called.
///
/// On QEMU the driver's state is shared by every fixture: `domain()` brings the firmware-only
/// fixture domains back to the state the checks expect, and `guestDomain` gives the Linux guest
/// in place of the running one (for reading what only its agent knows).
final class Fixture: @unchecked Sendable {
    /// What the harness prepared.
    let environment: RunnerEnvironment
    /// The connection, opened on first use.
    private var openConnection: Connection?
    /// Whether `domain()` gives the shut-off domain (a second try for calls a running domain refuses).
    let stoppedDomain: Bool
    /// Whether `domain()` gives the QEMU guest with its agent (for getters).
    let guestDomain: Bool
    /// The admin API's view of this fixture's daemon client, once made.
    private var cachedAdminClient: AdminClient?
    /// The embedded secret driver's connection, shared by every fixture (libvirt initializes
    /// an embedded driver once per process).
    nonisolated(unsafe) private static var secretConnection: Connection?
    /// The embedded QEMU driver's connection, shared by every fixture: libvirt 9.0 registers
    /// the embedded driver again each time a process opens it after its last connection closed,
    /// and refuses after about twenty ("Too many drivers").
    nonisolated(unsafe) private static var qemuConnection: Connection?
    /// A counter that keeps the names of objects made from placeholder XML unique.
    private var madeObjects = 0
    /// A process holding a client connection to the private daemon, so the admin API has a
    /// client to list (admin checks run in a process with no libvirt connection of its own).
    private var clientProcess: Process?

    /// Creates a fixture; nothing is opened yet.
    init(_ environment: RunnerEnvironment, stoppedDomain: Bool = false, guestDomain: Bool = false) {
        self.environment = environment
        self.stoppedDomain = stoppedDomain
        self.guestDomain = guestDomain
    }

    /// Ends the client process, if one was started (with SIGKILL: the child inherits a signal
    /// mask that blocks SIGTERM).
    deinit {
        guard let clientProcess else { return }
        kill(clientProcess.processIdentifier, SIGKILL)
        clientProcess.waitUntilExit()
    }

    /// A path in the scratch folder, the placeholder for every string argument of a probe.
    var probeText: String { environment.scratch + "/probe" }

    /// The connection to the node (on QEMU, the process's one connection to the embedded driver).
    func connection() throws -> Connection {
        if let openConnection { return openConnection }
        if environment.isQemu, let shared = Self.qemuConnection { return shared }
        let connection = try Connection(uri: environment.nodeURI)
        if environment.isQemu { Self.qemuConnection = connection }
        openConnection = connection
        return connection
    }

    /// The running domain `harness-running` (or the shut-off `harness-stopped`, or on QEMU the
    /// guest, when asked for).
    func domain() throws -> Domain {
        guard environment.isQemu else {
            return try connection().domain(named: stoppedDomain ? "harness-stopped" : "harness-running")
        }
        if guestDomain { return try guest() }
        return try QemuDomains.ensure(stoppedDomain ? QemuDomains.stopped : QemuDomains.running,
                                      running: !stoppedDomain, on: connection(), environment)
    }

    /// A definition of the kind of object `function` takes as XML, with a fresh name: the
    /// placeholder for a probe's `xml:` argument.
    func xml(for function: String) -> String {
        madeObjects += 1
        let name = "harness-made-\(madeObjects)-\(UUID().uuidString.prefix(8).lowercased())"
        let definitions: [(prefix: String, xml: String)] = [
            ("virDomainSnapshot", "<domainsnapshot><name>\(name)</name></domainsnapshot>"),
            ("virDomainCheckpoint", "<domaincheckpoint><name>\(name)</name></domaincheckpoint>"),
            ("virDomain", environment.isQemu ? (try? QemuDomains.definition(name, environment)) ?? ""
                : DomainChecks.definition(name)),
            ("virNetworkPort", "<networkport><owner><name>harness-running</name></owner></networkport>"),
            ("virNetwork", "<network><name>\(name)</name><bridge name='virbr\(20 + madeObjects)'/></network>"),
            ("virStoragePool", "<pool type='dir'><name>\(name)</name><target><path>\(environment.scratch)/\(name)</path></target></pool>"),
            ("virStorageVol", "<volume><name>\(name).img</name><capacity unit='MiB'>1</capacity></volume>"),
            ("virInterface", "<interface type='ethernet' name='\(name)'><mac address='52:54:00:cc:00:\(String(format: "%02x", madeObjects % 256))'/></interface>"),
            ("virNodeDevice", "<device><name>\(name)</name><parent>scsi_host1</parent><capability type='scsi_host'>"
                + "<capability type='fc_host'><wwnn>20000000\(String(format: "%08x", madeObjects))</wwnn>"
                + "<wwpn>10000000\(String(format: "%08x", madeObjects))</wwpn></capability></capability></device>"),
            ("virSecret", "<secret ephemeral='no' private='no'><usage type='volume'><volume>/\(name)</volume></usage></secret>"),
            ("virNWFilterBinding", "<filterbinding><owner><name>harness-running</name></owner><portdev name='vnet0'/><filterref filter='clean-traffic'/></filterbinding>"),
            ("virNWFilter", "<filter name='\(name)' chain='root'/>"),
        ]
        return definitions.first { function.hasPrefix($0.prefix) }?.xml ?? "<\(name)/>"
    }

    /// The QEMU guest, booted with its agent answering.
    func guest() throws -> Domain { try QemuDomains.ensureGuest(on: connection(), environment) }

    /// The active network `harness-net`.
    func network() throws -> Network { try connection().network(named: "harness-net") }

    /// The directory pool `harness-pool`, which holds two volumes.
    func storagePool() throws -> StoragePool { try connection().storagePool(named: "harness-pool") }

    /// The volume `disk-a.img` of `harness-pool`.
    func storageVolume() throws -> StorageVolume { try storagePool().volume(named: "disk-a.img") }

    /// The interface `eth-harness0`.
    func interface() throws -> Interface { try connection().interface(named: "eth-harness0") }

    /// The node device `scsi_host1`, a child of `computer`.
    func nodeDevice() throws -> NodeDevice { try connection().nodeDevice(named: "scsi_host1") }

    /// A snapshot of `harness-running` with a parent, made (with its parent) on first use.
    func domainSnapshot() throws -> DomainSnapshot {
        let domain = try domain()
        if let current = try? domain.snapshot(named: "harness-child") { return current }
        _ = try domain.createSnapshot(xml: "<domainsnapshot><name>harness-root</name></domainsnapshot>")
        return try domain.createSnapshot(xml: "<domainsnapshot><name>harness-child</name></domainsnapshot>")
    }

    /// A checkpoint of `harness-checkpoints` with a parent (the test driver keeps snapshots and
    /// checkpoints on different domains), made (with its parent) on first use.
    func domainCheckpoint() throws -> DomainCheckpoint {
        let domain = try connection().domain(named: "harness-checkpoints")
        if let existing = try? domain.checkpoint(named: "harness-child") { return existing }
        _ = try domain.createCheckpoint(xml: "<domaincheckpoint><name>harness-root</name></domaincheckpoint>")
        return try domain.createCheckpoint(xml: "<domaincheckpoint><name>harness-child</name></domaincheckpoint>")
    }

    /// A new stream on the connection.
    func dataStream() throws -> DataStream { try connection().makeStream() }

    /// A secret with a value, from libvirt's secret driver embedded in this process (the test
    /// driver has no secrets); throws when libvirt's daemon drivers are not installed.
    func secret() throws -> Secret {
        let secret = try secretDriver().defineSecret(xml: xml(for: "virSecret"))
        try secret.setValue([1, 2, 3])
        return secret
    }

    /// The connection to libvirt's secret driver embedded in this process, opened on first use.
    func secretDriver() throws -> Connection {
        if let connection = Self.secretConnection { return connection }
        let connection = try Connection(uri: "secret:///embed?root=\(environment.scratch)/secret-driver")
        Self.secretConnection = connection
        return connection
    }

    /// A network filter (the test driver has none: this throws `.noSupport`).
    func networkFilter() throws -> NetworkFilter { try connection().networkFilter(named: "clean-traffic") }

    /// A network filter binding (the test driver has none: this throws `.noSupport`).
    func networkFilterBinding() throws -> NetworkFilterBinding {
        try connection().networkFilterBinding(portDevice: "vnet0")
    }

    /// A port of `harness-net` (the test driver has none: this throws `.noSupport`).
    func networkPort() throws -> NetworkPort {
        try network().createPort(xml: "<networkport><owner><name>harness-running</name></owner></networkport>")
    }

    /// An admin connection to the private daemon; throws when the harness started none.
    func adminConnection() throws -> AdminConnection {
        guard let sockets = environment.daemonSockets else { throw CheckFailure("no private daemon is running") }
        return try AdminConnection(uri: "libvirtd:///system?socket=\(sockets)/libvirt-admin-sock")
    }

    /// The daemon's `libvirtd` server.
    func adminServer() throws -> AdminServer { try adminConnection().server(named: "libvirtd") }

    /// A client of the daemon held by a child process (this runner in `--hold-client` mode), as
    /// the admin API sees it; waits up to five seconds for the daemon to list it.
    func adminClient() throws -> AdminClient {
        if let cachedAdminClient { return cachedAdminClient }
        guard let sockets = environment.daemonSockets else { throw CheckFailure("no private daemon is running") }
        let server = try adminServer()
        let before = Set(try server.clients().map { try $0.id })
        if clientProcess == nil {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["--hold-client", "test+unix:///default?socket=\(sockets)/libvirt-sock"]
            try process.run()
            clientProcess = process
        }
        for _ in 0..<50 {
            if let client = try server.clients().first(where: { !before.contains(try $0.id) }) {
                cachedAdminClient = client
                return client
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw CheckFailure("AdminServer.clients() does not list the new client")
    }
}
