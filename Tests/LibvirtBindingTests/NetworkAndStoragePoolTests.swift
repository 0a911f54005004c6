import Foundation
import Libvirt
import Testing

/// Virtual networks and storage pools: listing, lookup, and define/start/stop/undefine.
@Suite("Networks and storage pools")
struct NetworkAndStoragePoolTests {
    /// `test:///default` has one active network, `default`, on bridge `virbr0`.
    @Test("the default network")
    func defaultNetwork() throws {
        let connection = try Connection(uri: defaultTestURI)
        let networks = try connection.allNetworks()
        #expect(networks.map(\.name) == ["default"])
        let network = try connection.network(named: "default")
        #expect(network.name == "default")
        #expect(try network.isActive)
        #expect(try network.isPersistent)
        #expect(try network.bridgeName == "virbr0")
        #expect(try network.uuid.uuidString.lowercased() == "dd8fe884-6c02-601e-7551-cca97df1c5df")
        #expect(try connection.network(uuid: network.uuid) == network)
        #expect(try network.xmlDescription().contains("192.168.122.1"))
        #expect(try connection.networkNames == ["default"])
    }

    /// A new network goes through define → start → destroy → undefine.
    @Test("network define, start, destroy, undefine")
    func networkLifecycle() throws {
        try withTestNode { connection, _ in
            #expect(try connection.allNetworks().isEmpty)
            let name = uniqueName("net")
            let network = try connection.defineNetwork(xml: networkXML(name: name, index: 42))
            #expect(network.name == name)
            #expect(try network.isActive == false)
            #expect(try network.isPersistent)
            #expect(try connection.allNetworks(options: .inactive).map(\.name) == [name])

            try network.start()
            #expect(try network.isActive)
            #expect(try network.bridgeName == "virbr42")
            #expect(try connection.allNetworks(options: .active).map(\.name) == [name])

            try network.destroy()
            #expect(try network.isActive == false)

            try network.undefine()
            #expect(try connection.allNetworks().isEmpty)
            let error = expectLibvirtError { _ = try connection.network(named: name) }
            #expect(error?.code == .noNetwork)
        }
    }

    /// `test:///default` has one active directory pool, `default-pool`, at `/default-pool`.
    @Test("the default storage pool")
    func defaultPool() throws {
        let connection = try Connection(uri: defaultTestURI)
        let pools = try connection.allStoragePools()
        #expect(pools.map(\.name) == ["default-pool"])
        let pool = try connection.storagePool(named: "default-pool")
        #expect(try pool.isActive)
        #expect(try pool.isPersistent)
        #expect(try pool.uuid.uuidString.lowercased() == "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566")
        #expect(try pool.info().state == .running)
        #expect(try pool.xmlDescription().contains("<path>/default-pool</path>"))
        // The test driver does not implement lookup by target path.
        let byPath = expectLibvirtError { _ = try connection.storagePool(targetPath: "/default-pool") }
        #expect(byPath?.code == .noSupport)
        #expect(try connection.storagePoolNames == ["default-pool"])
    }

    /// A new directory pool goes through define → start → destroy → undefine.
    @Test("storage pool define, start, destroy, undefine")
    func poolLifecycle() throws {
        try withTestNode { connection, directory in
            #expect(try connection.allStoragePools().isEmpty)
            let name = uniqueName("pool")
            let path = directory.appendingPathComponent("pool").path
            let pool = try connection.defineStoragePool(xml: storagePoolXML(name: name, path: path))
            #expect(pool.name == name)
            #expect(try pool.isActive == false)
            #expect(try pool.info().state == .inactive)
            #expect(try connection.allStoragePools(options: .inactive).map(\.name) == [name])

            try pool.start()
            #expect(try pool.isActive)
            #expect(try pool.info().state == .running)
            #expect(try connection.allStoragePools(options: .active).map(\.name) == [name])

            try pool.destroy()
            #expect(try pool.isActive == false)

            try pool.undefine()
            #expect(try connection.allStoragePools().isEmpty)
            let error = expectLibvirtError { _ = try connection.storagePool(named: name) }
            #expect(error?.code == .noStoragePool)
        }
    }

    /// A volume created in a running pool is listed and can be looked up by name.
    @Test("storage volume in a new pool")
    func volume() throws {
        try withTestNode { connection, directory in
            let path = directory.appendingPathComponent("vols").path
            let pool = try connection.defineStoragePool(xml: storagePoolXML(name: uniqueName("vols"), path: path))
            try pool.start()
            let volumeXML = "<volume><name>disk.img</name><capacity unit='MiB'>1</capacity></volume>"
            let volume = try pool.createVolume(xml: volumeXML)
            #expect(volume.name == "disk.img")
            #expect(try pool.volumeNames == ["disk.img"])
            #expect(try pool.volume(named: "disk.img").name == "disk.img")
            #expect(try pool.allVolumes().map(\.name) == ["disk.img"])
            #expect(try volume.info().capacity == 1024 * 1024)
            #expect(try volume.path == path + "/disk.img")
        }
    }
}
