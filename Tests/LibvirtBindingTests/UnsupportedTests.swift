import Foundation
import Libvirt
import Testing

/// Calls the test driver does not implement throw ``LibvirtError`` with code `.noSupport`.
@Suite("Unsupported calls")
struct UnsupportedTests {
    /// The test driver has no secret driver: defining a secret is not supported, and no
    /// secret gets defined.
    @Test("defining a secret")
    func defineSecret() throws {
        try withTestNode { connection, _ in
            let xml = """
                <secret ephemeral='no' private='yes'><usage type='volume'><volume>/var/lib/x.img</volume>\
                </usage></secret>
                """
            let error = expectLibvirtError { _ = try connection.defineSecret(xml: xml) }
            #expect(error?.code == .noSupport)
            #expect(error?.message.contains("virSecretDefineXML") == true)
        }
    }

    /// Nor a network filter driver.
    @Test("defining a network filter")
    func defineNetworkFilter() throws {
        try withTestNode { connection, _ in
            let xml = """
                <filter name='\(uniqueName("filter"))' chain='root'>\
                <rule action='accept' direction='in'><all/></rule></filter>
                """
            let error = expectLibvirtError { _ = try connection.defineNetworkFilter(xml: xml) }
            #expect(error?.code == .noSupport)
            #expect(error?.message.contains("virNWFilterDefineXML") == true)
        }
    }

    /// Volume upload needs a stream transfer the test driver does not implement; the stream
    /// itself can be created.
    @Test("uploading to a volume")
    func volumeUpload() throws {
        try withTestNode { connection, directory in
            let path = directory.appendingPathComponent("uploads").path
            let pool = try connection.defineStoragePool(xml: storagePoolXML(name: uniqueName("up"), path: path))
            try pool.start()
            let volume = try pool.createVolume(
                xml: "<volume><name>upload.img</name><capacity unit='KiB'>64</capacity></volume>")
            let stream = try connection.makeStream()
            let error = expectLibvirtError { try volume.upload(stream: stream, offset: 0, length: 1024) }
            #expect(error?.code == .noSupport)
            #expect(error?.message.contains("virStorageVolUpload") == true)
            let download = expectLibvirtError { try volume.download(stream: stream, offset: 0, length: 1024) }
            #expect(download?.code == .noSupport)
        }
    }

    /// Without a secret driver there are no secret events either.
    @Test("secret events")
    func secretEvents() throws {
        try withTestNode { connection, _ in
            let error = expectLibvirtError { _ = try connection.secretEvents(.lifecycle) }
            #expect(error?.code == .noSupport)
        }
    }

    /// An event ID these bindings have no callback for is refused by the bindings themselves,
    /// before libvirt is asked.
    @Test("an unknown domain event ID")
    func unknownEventID() throws {
        try withTestNode { connection, _ in
            let error = expectLibvirtError { _ = try connection.domainEvents(.unrecognized(1000)) }
            #expect(error?.code == .noSupport)
            #expect(error?.errorDomain == LibvirtError.ErrorDomain.none)
        }
    }
}
