import Foundation
import Libvirt
import Testing

/// Listing domains, looking them up, and walking one through its whole life cycle.
@Suite("Domain life cycle")
struct DomainLifecycleTests {
    /// `test:///default` has exactly one domain, `test`: running, id 1, with its fixed UUID.
    ///
    /// No test in this target changes `test:///default`, so the default set is stable.
    @Test("the default node has one running domain named test")
    func defaultDomains() throws {
        let connection = try Connection(uri: defaultTestURI)
        let domains = try connection.allDomains()
        #expect(domains.count == 1)
        let domain = try #require(domains.first)
        #expect(domain.name == "test")
        #expect(domain.id == 1)
        #expect(try domain.uuid.uuidString.lowercased() == "6695eb01-f6a4-8304-79aa-97f2502e193f")
        #expect(try domain.isActive)
        #expect(try domain.isPersistent)
        let info = try domain.info()
        #expect(info.state == .running)
        #expect(info.maxMemory == 8_388_608)
        #expect(info.memory == 2_097_152)
        #expect(info.virtualCPUCount == 2)
        #expect(try domain.state().state == .running)
    }

    /// The listing filters select running and shut-off domains of a node file separately.
    @Test("allDomains filters by state")
    func listingFilters() throws {
        let running = uniqueName("running")
        let stopped = uniqueName("stopped")
        let elements = [domainXML(name: running), domainXML(name: stopped, running: false)]
        try withTestNode(elements) { connection, _ in
            let all = try connection.allDomains()
            #expect(Set(all.map(\.name)) == [running, stopped])
            #expect(try connection.allDomains(options: .active).map(\.name) == [running])
            #expect(try connection.allDomains(options: .inactive).map(\.name) == [stopped])
            #expect(try connection.allDomains(options: .running).map(\.name) == [running])
            #expect(try connection.allDomains(options: .shutoff).map(\.name) == [stopped])
            #expect(try connection.numberOfActiveDomains == 1)
            #expect(try connection.numberOfDefinedDomains == 1)
            #expect(try connection.definedDomainNames == [stopped])
            #expect(try connection.activeDomainIDs == [1])
            let stoppedDomain = try connection.domain(named: stopped)
            #expect(stoppedDomain.id == nil)
            #expect(try stoppedDomain.info().state == .shutoff)
        }
    }

    /// Looking the same domain up by name, id and UUID gives equal handles.
    @Test("lookup by name, id and UUID agree")
    func lookups() throws {
        let name = uniqueName("lookup")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let byName = try connection.domain(named: name)
            let id = try #require(byName.id)
            let uuid = try byName.uuid
            #expect(uuid.uuidString.count == 36)
            let byID = try connection.domain(id: Int32(id))
            let byUUID = try connection.domain(uuid: uuid)
            #expect(byID.name == name)
            #expect(byUUID.name == name)
            #expect(byName == byID)
            #expect(byName == byUUID)
            #expect(Set([byName, byID, byUUID]).count == 1)
        }
    }

    /// define → start → suspend → resume → destroy → undefine, checking the state after each step.
    @Test("define, start, suspend, resume, destroy, undefine")
    func lifecycle() throws {
        try withTestNode { connection, _ in
            #expect(try connection.allDomains().isEmpty)
            let name = uniqueName("lifecycle")
            let domain = try connection.defineDomain(xml: domainXML(name: name))
            #expect(domain.name == name)
            #expect(try domain.info().state == .shutoff)
            #expect(try domain.isActive == false)
            #expect(try domain.isPersistent)
            #expect(domain.id == nil)

            try domain.start()
            #expect(try domain.info().state == .running)
            #expect(try domain.isActive)
            #expect(domain.id != nil)

            try domain.suspend()
            #expect(try domain.info().state == .paused)
            #expect(try domain.state() == (.paused, .paused(.user)))

            try domain.resume()
            #expect(try domain.info().state == .running)

            try domain.destroy()
            #expect(try domain.info().state == .shutoff)
            #expect(try domain.isActive == false)

            try domain.undefine()
            #expect(try connection.allDomains().isEmpty)
            let error = expectLibvirtError { _ = try connection.domain(named: name) }
            #expect(error?.code == .noDomain)
        }
    }

    /// The defined domain's info reflects its XML: memory in KiB and one virtual CPU.
    @Test("info reflects the domain XML")
    func infoValues() throws {
        try withTestNode { connection, _ in
            let domain = try connection.defineDomain(xml: domainXML(name: uniqueName("info")))
            let info = try domain.info()
            #expect(info.maxMemory == 8192)
            #expect(info.memory == 8192)
            #expect(info.virtualCPUCount == 1)
            #expect(try domain.maxMemory == 8192)
            #expect(try domain.xmlDescription().contains("<name>\(domain.name)</name>"))
        }
    }

    /// A graceful shutdown stops the domain; a reboot leaves it running.
    @Test("shutdown and reboot")
    func shutdownAndReboot() throws {
        let name = uniqueName("shutdown")
        try withTestNode([domainXML(name: name)]) { connection, _ in
            let domain = try connection.domain(named: name)
            #expect(try domain.info().state == .running)
            try domain.reboot()
            #expect(try domain.info().state == .running)
            try domain.shutdown()
            #expect(try domain.info().state == .shutoff)
            #expect(try domain.state().state == .shutoff)
        }
    }

    /// A domain created from XML (not defined) is transient and disappears when destroyed.
    @Test("transient domain vanishes on destroy")
    func transientDomain() throws {
        try withTestNode { connection, _ in
            let name = uniqueName("transient")
            let domain = try connection.createDomain(xml: domainXML(name: name))
            #expect(try domain.info().state == .running)
            #expect(try domain.isPersistent == false)
            try domain.destroy()
            let error = expectLibvirtError { _ = try connection.domain(named: name) }
            #expect(error?.code == .noDomain)
        }
    }
}
