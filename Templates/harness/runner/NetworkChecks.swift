// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Network checks on the harness's node.
enum NetworkChecks {
    /// The checks.
    static let all: [Check] = [
        Check("networks") { f in
            let connection = try f.connection()
            try expect(try connection.allNetworks().map(\.name).sorted(), ["harness-isolated", "harness-net"],
                       "Connection.allNetworks(options:)")
            try expect(try connection.numberOfNetworks, 2, "Connection.numberOfNetworks")
            let network = try f.network()
            try expect(try network.bridgeName, "virbr10", "Network.bridgeName")
            try expect(try network.uuid.uuidString.lowercased(), "2f6a2b3c-0000-4000-8000-000000000001", "Network.uuid")
            try expect(try connection.network(uuid: network.uuid).name, "harness-net", "Connection.network(uuid:)")
            try expect(try network.isActive, true, "Network.isActive")
            try expect(try network.isPersistent, true, "Network.isPersistent")
            try expect(try network.xmlDescription().contains("192.168.10.1"), true, "Network.xmlDescription(options:)")
            try network.setAutostart(true)
            try expect(try network.isAutostartEnabled, true, "Network.isAutostartEnabled")

            let xml = "<network><name>harness-new-net</name><bridge name='virbr12'/>"
                + "<ip address='192.168.12.1' netmask='255.255.255.0'/></network>"
            let defined = try connection.defineNetwork(xml: xml)
            try expect(defined.name, "harness-new-net", "Network.name")
            try expect(try defined.isActive, false, "Network.isActive")
            try expect(try defined.isPersistent, true, "Network.isPersistent")
            try expect(try connection.definedNetworkNames, ["harness-new-net"], "Connection.definedNetworkNames")
            try expect(try connection.allNetworks(options: .inactive).map(\.name), ["harness-new-net"],
                       "Connection.allNetworks(options:)")
            try defined.start()
            try expect(try defined.isActive, true, "Network.isActive")
            try expect(try defined.bridgeName, "virbr12", "Network.bridgeName")
            try expect(try connection.allNetworks(options: .active).map(\.name).sorted(), ["harness-isolated", "harness-net", "harness-new-net"],
                       "Connection.allNetworks(options:)")
            try defined.destroy()
            try expect(try defined.isActive, false, "Network.isActive")
            try defined.undefine()
            try expect(try connection.numberOfNetworks + connection.numberOfDefinedNetworks, 2,
                       "Connection.numberOfDefinedNetworks")
            try expectFailure(LibvirtError.Code.noNetwork.rawValue, "Connection.network(named:)") {
                _ = try connection.network(named: "harness-new-net")
            }
        },
    ]
}
