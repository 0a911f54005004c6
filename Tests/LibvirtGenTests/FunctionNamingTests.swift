import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenSwift
import Testing

/// C function names and the Swift declarations the lowering gives them for the checked-in 9.0.0
/// description (DESIGN §5, rules 2–7): what a user of the bindings types.
@Suite("Function naming")
struct FunctionNamingTests {
    /// C function → Swift symbol, for functions the generator emits.
    static let generated: [(String, String)] = [
        // Getters are nouns; zero-argument ones are properties, struct results stay methods.
        ("virDomainGetInfo", "Domain.info()"),
        ("virDomainGetName", "Domain.name"),
        ("virDomainGetID", "Domain.id"),
        ("virDomainGetUUID", "Domain.uuid"),
        ("virDomainGetOSType", "Domain.osType"),
        ("virDomainGetMaxMemory", "Domain.maxMemory"),
        ("virDomainGetAutostart", "Domain.isAutostartEnabled"),
        ("virDomainGetConnect", "Domain.connection"),
        ("virDomainGetState", "Domain.state()"),
        ("virDomainGetJobInfo", "Domain.jobInfo()"),
        ("virDomainGetXMLDesc", "Domain.xmlDescription(options:)"),
        ("virDomainGetMemoryParameters", "Domain.memoryParameters(options:)"),
        ("virDomainGetJobStats", "Domain.jobStats(options:)"),
        ("virConnectGetURI", "Connection.uri"),
        ("virConnectGetHostname", "Connection.hostname()"),
        ("virConnectGetCapabilities", "Connection.capabilities"),
        ("virConnectGetType", "Connection.hypervisorType"),
        ("virConnectGetVersion", "Connection.hypervisorVersion"),
        ("virConnectGetLibVersion", "Connection.libraryVersion"),
        ("virNodeGetInfo", "Connection.nodeInfo()"),
        ("virNodeGetFreeMemory", "Connection.nodeFreeMemory"),
        ("virNetworkGetBridgeName", "Network.bridgeName"),
        ("virStorageVolGetPath", "StorageVolume.path"),
        ("virStorageVolGetKey", "StorageVolume.key"),
        ("virStorageVolGetInfo", "StorageVolume.info()"),
        ("virStoragePoolGetInfo", "StoragePool.info()"),
        ("virInterfaceGetMACString", "Interface.macAddress"),
        ("virSecretGetUsageID", "Secret.usageID"),
        ("virSecretGetUUID", "Secret.uuid"),
        ("virNodeDeviceGetParent", "NodeDevice.parent()"),
        ("virNetworkPortGetNetwork", "NetworkPort.network"),
        ("virDomainSnapshotGetDomain", "DomainSnapshot.domain"),
        ("virDomainSnapshotGetParent", "DomainSnapshot.parent()"),
        ("virNWFilterBindingGetFilterName", "NetworkFilterBinding.filterName"),
        ("virStoragePoolLookupByVolume", "StorageVolume.pool"),
        // Assertions keep `is`/`has`.
        ("virDomainIsActive", "Domain.isActive"),
        ("virDomainIsPersistent", "Domain.isPersistent"),
        ("virDomainHasManagedSaveImage", "Domain.hasManagedSaveImage()"),
        ("virConnectIsAlive", "Connection.isAlive"),
        ("virConnectIsSecure", "Connection.isSecure"),
        ("virDomainSnapshotIsCurrent", "DomainSnapshot.isCurrent()"),
        ("virDomainSnapshotHasMetadata", "DomainSnapshot.hasMetadata()"),
        // Actions keep their verbs; `X` and `XFlags` share a name and differ by `options:`.
        ("virDomainCreate", "Domain.start()"),
        ("virDomainCreateWithFlags", "Domain.start(options:)"),
        ("virDomainCreateWithFiles", "Domain.start(files:options:)"),
        ("virDomainDestroy", "Domain.destroy()"),
        ("virDomainDestroyFlags", "Domain.destroy(options:)"),
        ("virDomainSuspend", "Domain.suspend()"),
        ("virDomainResume", "Domain.resume()"),
        ("virDomainShutdown", "Domain.shutdown()"),
        ("virDomainShutdownFlags", "Domain.shutdown(options:)"),
        ("virDomainReboot", "Domain.reboot(options:)"),
        ("virDomainUndefine", "Domain.undefine()"),
        ("virDomainUndefineFlags", "Domain.undefine(options:)"),
        ("virDomainSetAutostart", "Domain.setAutostart(_:)"),
        ("virDomainSetMemory", "Domain.setMemory(_:)"),
        ("virDomainSetMemoryFlags", "Domain.setMemory(_:options:)"),
        ("virDomainSetMemoryParameters", "Domain.setMemoryParameters(_:options:)"),
        ("virDomainAttachDevice", "Domain.attachDevice(xml:)"),
        ("virDomainAttachDeviceFlags", "Domain.attachDevice(xml:options:)"),
        ("virDomainUpdateDeviceFlags", "Domain.updateDevice(xml:options:)"),
        ("virDomainSave", "Domain.save(to:)"),
        ("virDomainCoreDump", "Domain.coreDump(to:options:)"),
        ("virDomainInjectNMI", "Domain.injectNMI()"),
        ("virDomainRevertToSnapshot", "DomainSnapshot.revert(options:)"),
        ("virDomainSnapshotDelete", "DomainSnapshot.delete(options:)"),
        ("virNetworkCreate", "Network.start()"),
        ("virStoragePoolRefresh", "StoragePool.refresh()"),
        ("virStorageVolResize", "StorageVolume.resize(capacity:options:)"),
        ("virNodeDeviceDettach", "NodeDevice.detach()"),
        ("virNodeDeviceReAttach", "NodeDevice.reattach()"),
        ("virAdmServerUpdateTlsFiles", "AdminServer.updateTLSFiles()"),
        // Lookups are labelled nouns on the parent object.
        ("virDomainLookupByName", "Connection.domain(named:)"),
        ("virDomainLookupByUUID", "Connection.domain(uuid:)"),
        ("virDomainLookupByID", "Connection.domain(id:)"),
        ("virNetworkLookupByName", "Connection.network(named:)"),
        ("virStoragePoolLookupByName", "Connection.storagePool(named:)"),
        ("virStoragePoolLookupByUUID", "Connection.storagePool(uuid:)"),
        ("virStorageVolLookupByKey", "Connection.storageVolume(key:)"),
        ("virStorageVolLookupByPath", "Connection.storageVolume(path:)"),
        ("virStorageVolLookupByName", "StoragePool.volume(named:)"),
        ("virNWFilterLookupByName", "Connection.networkFilter(named:)"),
        ("virSecretLookupByUUID", "Connection.secret(uuid:)"),
        ("virInterfaceLookupByName", "Connection.interface(named:)"),
        ("virNodeDeviceLookupByName", "Connection.nodeDevice(named:)"),
        ("virDomainSnapshotLookupByName", "Domain.snapshot(named:)"),
        ("virDomainCheckpointLookupByName", "Domain.checkpoint(named:)"),
        ("virNetworkPortLookupByUUID", "Network.port(uuid:)"),
        ("virAdmServerLookupClient", "AdminServer.client(id:)"),
        // Defining and creating objects names the object made.
        ("virDomainDefineXML", "Connection.defineDomain(xml:)"),
        ("virDomainDefineXMLFlags", "Connection.defineDomain(xml:options:)"),
        ("virDomainCreateXML", "Connection.createDomain(xml:options:)"),
        ("virDomainRestore", "Connection.restoreDomain(from:)"),
        ("virNetworkDefineXML", "Connection.defineNetwork(xml:)"),
        ("virNetworkCreateXML", "Connection.createNetwork(xml:)"),
        ("virStoragePoolDefineXML", "Connection.defineStoragePool(xml:options:)"),
        ("virNWFilterDefineXML", "Connection.defineNetworkFilter(xml:)"),
        ("virSecretDefineXML", "Connection.defineSecret(xml:options:)"),
        ("virNodeDeviceCreateXML", "Connection.createNodeDevice(xml:options:)"),
        ("virStorageVolCreateXML", "StoragePool.createVolume(xml:options:)"),
        ("virDomainSnapshotCreateXML", "Domain.createSnapshot(xml:options:)"),
        ("virDomainCheckpointCreateXML", "Domain.createCheckpoint(xml:options:)"),
        ("virNetworkPortCreateXML", "Network.createPort(xml:options:)"),
        // Lists: `ListAll…` returns objects, `List…` names or IDs, `NumOf…` counts.
        ("virConnectListAllDomains", "Connection.allDomains(options:)"),
        ("virConnectListAllNetworks", "Connection.allNetworks(options:)"),
        ("virConnectListAllStoragePools", "Connection.allStoragePools(options:)"),
        ("virConnectListAllNWFilters", "Connection.allNetworkFilters()"),
        ("virStoragePoolListAllVolumes", "StoragePool.allVolumes()"),
        ("virDomainListAllSnapshots", "Domain.allSnapshots(options:)"),
        ("virConnectListDefinedDomains", "Connection.definedDomainNames"),
        ("virConnectListNetworks", "Connection.networkNames"),
        ("virConnectListDomains", "Connection.activeDomainIDs"),
        ("virConnectListSecrets", "Connection.secretUUIDs"),
        ("virStoragePoolListVolumes", "StoragePool.volumeNames"),
        ("virNodeDeviceListCaps", "NodeDevice.capabilityNames"),
        ("virConnectNumOfDomains", "Connection.numberOfActiveDomains"),
        ("virConnectNumOfDefinedDomains", "Connection.numberOfDefinedDomains"),
        ("virConnectNumOfNWFilters", "Connection.numberOfNetworkFilters"),
        ("virStoragePoolNumOfVolumes", "StoragePool.numberOfVolumes"),
        ("virNodeDeviceNumOfCaps", "NodeDevice.numberOfCapabilities"),
        ("virDomainSnapshotNum", "Domain.numberOfSnapshots(options:)"),
        ("virDomainSnapshotCurrent", "Domain.currentSnapshot()"),
        // One shape per concept: a query with flags (used or not) or a `…Flags` twin is a method.
        ("virNWFilterGetXMLDesc", "NetworkFilter.xmlDescription()"),
        ("virDomainGetSchedulerParameters", "Domain.schedulerParameters()"),
        ("virDomainGetSchedulerParametersFlags", "Domain.schedulerParameters(options:)"),
        // Verbs come first (`BlockJobAbort` → `abortBlockJob`); `Migrate` inside a phrase is `Migration`.
        ("virDomainBlockJobAbort", "Domain.abortBlockJob(disk:options:)"),
        ("virDomainBlockJobSetSpeed", "Domain.setBlockJobSpeed(disk:bandwidth:options:)"),
        ("virDomainBackupBegin", "Domain.beginBackup(backupXML:checkpointXML:options:)"),
        ("virDomainManagedSaveRemove", "Domain.removeManagedSave()"),
        ("virDomainMigrateSetMaxDowntime", "Domain.setMigrationMaxDowntime(_:)"),
        ("virDomainMigrateGetMaxSpeed", "Domain.migrationMaxSpeed(options:)"),
        ("virDomainMigrateStartPostCopy", "Domain.startMigrationPostCopy()"),
        ("virDomainAuthorizedSSHKeysSet", "Domain.setAuthorizedSSHKeys(user:keys:options:)"),
        ("virNodeSetMemoryParameters", "Connection.setNodeMemoryParameters(_:)"),
        ("virNodeAllocPages", "Connection.allocateNodePages(pageSizes:pageCounts:startCell:cellCount:options:)"),
        // One name per operation: the newest numbered form, without its number.
        ("virDomainMigrate3", "Domain.migrate(destination:parameters:options:)"),
        ("virDomainMigrateToURI3", "Domain.migrate(destinationURI:parameters:options:)"),
        // Acronyms are cased alike everywhere, plurals included.
        ("virDomainSetVcpus", "Domain.setVCPUs(vcpuCount:)"),
        ("virDomainSetIOThreadParams", "Domain.setIOThreadParameters(ioThreadID:parameters:options:)"),
        // The other modules, and the library itself.
        ("virDomainQemuMonitorCommand", "Domain.qemuMonitorCommand(_:options:)"),
        ("virAdmConnectOpen", "AdminConnection(uri:options:)"),
        ("virAdmConnectGetURI", "AdminConnection.uri"),
        ("virAdmServerGetName", "AdminServer.name"),
        ("virAdmClientGetID", "AdminClient.id"),
        ("virGetVersion", "LibvirtLibrary.version(type:)"),
    ]

    /// Functions with hand-written Swift declared in the overrides data, and their Swift symbol.
    static let handWritten: [(String, String)] = [
        ("virConnectOpen", "Connection(uri:readOnly:)"),
        ("virConnectOpenReadOnly", "Connection(uri:readOnly:)"),
        ("virStreamFinish", "DataStream.finish()"),
        ("virStreamAbort", "DataStream.abort()"),
    ]

    /// The table is big enough to pin the naming rules down.
    @Test func tableCoversTheRules() {
        #expect(Self.generated.count >= 60)
        #expect(Set(Self.generated.map(\.0)).count == Self.generated.count, "a C name is listed twice")
    }

    /// Each listed function is generated with the expected Swift symbol in `coverage`.
    @Test(arguments: generated)
    func swiftSymbol(cName: String, swift: String) throws {
        let symbol = try Reference.symbol(cName)
        #expect(symbol.status == .generated)
        #expect(symbol.swift == swift)
    }

    /// The bound function's own symbol agrees with the coverage entry, and its base name with the symbol.
    @Test(arguments: generated)
    func boundFunctionAgrees(cName: String, swift: String) throws {
        let function = try Reference.function(cName)
        #expect(function.swiftSymbol == swift)
        if function.kind != .initializer {
            let afterOwner = swift.split(separator: ".", maxSplits: 1).last.map(String.init) ?? ""
            #expect(afterOwner.prefix { $0 != "(" } == function.name)
        }
    }

    /// One concept has one shape: no name is a property on one type and a query method (no
    /// arguments but options) on another.
    @Test func oneShapePerName() throws {
        let functions = try Reference.package().modules.flatMap { $0.files.flatMap(\.functions) }
        let properties = Set(functions.filter { $0.kind == .property }.map(\.name))
        let methods = Set(functions.filter { function in
            function.kind == .method && function.parameters.allSatisfy { $0.label == "options" }
        }.map(\.name))
        #expect(properties.intersection(methods).isEmpty, "both shapes: \(properties.intersection(methods).sorted())")
    }

    /// Hand-written functions carry the Swift symbol of their override.
    @Test(arguments: handWritten)
    func handWrittenSymbol(cName: String, swift: String) throws {
        let symbol = try Reference.symbol(cName)
        #expect(symbol.status == .override)
        #expect(symbol.swift == swift)
    }

    /// No two generated functions share a Swift declaration (same symbol and parameter types).
    @Test func swiftDeclarationsAreUnique() throws {
        for module in try Reference.package().modules {
            var seen: [String: String] = [:]
            for function in module.files.flatMap(\.functions) {
                let key = function.swiftSymbol + function.parameters.map(\.type.spelling).joined(separator: ",")
                #expect(seen[key] == nil, "\(function.cName) and \(seen[key] ?? "") are both \(function.swiftSymbol)")
                seen[key] = function.cName
            }
        }
    }
}
