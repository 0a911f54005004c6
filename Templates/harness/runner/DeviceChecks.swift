// Copied into the harness runner by libvirt-swiftgen harness.
import Libvirt

/// Host interface and node device checks on the harness's node.
enum DeviceChecks {
    /// The checks.
    static let all: [Check] = [
        Check("interfaces") { f in
            let connection = try f.connection()
            try expect(try connection.allInterfaces().map(\.name).sorted(), ["eth-harness0", "eth-harness1"],
                       "Connection.allInterfaces(options:)")
            let interface = try f.interface()
            try expect(interface.macAddress, "52:54:00:bb:00:01", "Interface.macAddress")
            try expect(try connection.interface(macAddress: "52:54:00:bb:00:02").name, "eth-harness1",
                       "Connection.interface(macAddress:)")
            try expect(try interface.isActive, true, "Interface.isActive")
            try expect(try interface.xmlDescription().contains("eth-harness0"), true, "Interface.xmlDescription(options:)")
            try connection.beginInterfaceChange()
            let defined = try connection.defineInterface(
                xml: "<interface type='ethernet' name='eth-harness2'><mac address='52:54:00:bb:00:03'/></interface>")
            try expect(try defined.isActive, false, "Interface.isActive")
            try defined.start()
            try expect(try defined.isActive, true, "Interface.isActive")
            try defined.destroy()
            try defined.undefine()
            try connection.commitInterfaceChange()
            try expectFailure(LibvirtError.Code.noInterface.rawValue, "Connection.interface(named:)") {
                _ = try connection.interface(named: "eth-harness2")
            }
        },
        Check("node devices") { f in
            let connection = try f.connection()
            try expect(try connection.allNodeDevices().map(\.name).sorted(), ["computer", "scsi_host1"],
                       "Connection.allNodeDevices(options:)")
            let device = try f.nodeDevice()
            try expect(device.parent(), "computer", "NodeDevice.parent()")
            try expect(try device.capabilityNames.contains("scsi_host"), true, "NodeDevice.capabilityNames")
            try expect(try connection.nodeDevice(named: "computer").name, "computer", "Connection.nodeDevice(named:)")
        },
    ]
}
