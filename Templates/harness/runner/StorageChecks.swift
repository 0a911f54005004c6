// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Storage pool and volume checks on the harness's node.
enum StorageChecks {
    /// The checks.
    static let all: [Check] = [
        Check("storage pools and volumes") { f in
            let connection = try f.connection()
            try expect(try connection.allStoragePools().map(\.name).sorted(), ["harness-empty-pool", "harness-pool"],
                       "Connection.allStoragePools(options:)")
            let pool = try f.storagePool()
            try expect(try pool.uuid.uuidString.lowercased(), "3f6a2b3c-0000-4000-8000-000000000001", "StoragePool.uuid")
            try expect(try connection.storagePool(uuid: pool.uuid).name, "harness-pool", "Connection.storagePool(uuid:)")
            try expect(try pool.info().state, .running, "StoragePool.info()")
            try expect(try pool.volumeNames.sorted(), ["disk-a.img", "disk-b.img"], "StoragePool.volumeNames")
            try expect(try pool.numberOfVolumes, 2, "StoragePool.numberOfVolumes")
            try expect(try pool.allVolumes().count, 2, "StoragePool.allVolumes()")
            let volume = try f.storageVolume()
            try expect(volume.name, "disk-a.img", "StorageVolume.name")
            try expect(try volume.path, "/harness-pool/disk-a.img", "StorageVolume.path")
            try expect(try volume.info().capacity, 64 * 1024 * 1024, "StorageVolume.info()")
            try expect(try volume.info().allocation, 16 * 1024 * 1024, "StorageVolume.info()")
            try expect(try connection.storageVolume(path: "/harness-pool/disk-b.img").name, "disk-b.img",
                       "Connection.storageVolume(path:)")
            try expect(try connection.storageVolume(key: volume.key).name, "disk-a.img", "Connection.storageVolume(key:)")
            try expect(try volume.pool.name, "harness-pool", "StorageVolume.pool")

            let created = try pool.createVolume(
                xml: "<volume><name>disk-c.img</name><capacity unit='MiB'>8</capacity></volume>")
            try expect(created.name, "disk-c.img", "StorageVolume.name")
            try expect(try created.info().capacity, 8 * 1024 * 1024, "StorageVolume.info()")
            try expect(try created.path, "/harness-pool/disk-c.img", "StorageVolume.path")
            try expect(try pool.volume(named: "disk-c.img") == created, "StoragePool.volume(named:) found another volume")
            try expect(try pool.numberOfVolumes, 3, "StoragePool.numberOfVolumes")
            try created.delete()
            try pool.refresh()
            try expect(try pool.numberOfVolumes, 2, "StoragePool.numberOfVolumes")

            let path = f.environment.scratch + "/harness-new-pool"
            let defined = try connection.defineStoragePool(
                xml: "<pool type='dir'><name>harness-new-pool</name><target><path>\(path)</path></target></pool>")
            try expect(defined.name, "harness-new-pool", "StoragePool.name")
            try expect(try defined.info().state, .inactive, "StoragePool.info()")
            try expect(try defined.isActive, false, "StoragePool.isActive")
            try expect(try connection.allStoragePools(options: .inactive).map(\.name), ["harness-new-pool"],
                       "Connection.allStoragePools(options:)")
            try defined.build()
            try defined.start()
            try expect(try defined.isActive, true, "StoragePool.isActive")
            try expect(try defined.info().state, .running, "StoragePool.info()")
            try expect(try connection.allStoragePools(options: .active).map(\.name).sorted(),
                       ["harness-empty-pool", "harness-new-pool", "harness-pool"], "Connection.allStoragePools(options:)")
            try defined.destroy()
            try expect(try defined.isActive, false, "StoragePool.isActive")
            try defined.delete()
            try defined.undefine()
            try expectFailure(LibvirtError.Code.noStoragePool.rawValue, "Connection.storagePool(named:)") {
                _ = try connection.storagePool(named: "harness-new-pool")
            }
        },
    ]
}
