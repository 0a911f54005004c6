import Foundation
import Libvirt
import Testing

/// Failures surface as ``LibvirtError`` values with the right code, never as crashes.
@Suite("Error paths")
struct ErrorPathTests {
    /// Looking up a domain that does not exist throws `.noDomain` from the domain subsystem.
    @Test("missing domain lookup throws noDomain")
    func missingDomain() throws {
        let connection = try Connection(uri: defaultTestURI)
        let name = uniqueName("missing")
        let error = expectLibvirtError { _ = try connection.domain(named: name) }
        #expect(error?.code == .noDomain)
        #expect(error?.errorDomain == .test)
        #expect(error?.level == .error)
        #expect(error?.message.isEmpty == false)
        #expect(error?.description == error?.message)
    }

    /// A catch clause matches a code; errors compare equal field by field; `localizedDescription`
    /// is libvirt's message.
    @Test("catch by code, equality and localized description")
    func matchingAndEquality() throws {
        let connection = try Connection(uri: defaultTestURI)
        let name = uniqueName("missing")
        var matched = false
        do {
            _ = try connection.domain(named: name)
        } catch LibvirtError.code(.noNetwork) {
            Issue.record("a missing domain matched .noNetwork")
        } catch LibvirtError.code(.noDomain) {
            matched = true
        }
        #expect(matched)
        let first = expectLibvirtError { _ = try connection.domain(named: name) }
        let second = expectLibvirtError { _ = try connection.domain(named: name) }
        #expect(first == second)
        #expect(first != expectLibvirtError { _ = try connection.network(named: name) })
        #expect((first as (any Error)?)?.localizedDescription == first?.message)
    }

    /// Every code has a pattern named like it: `catch LibvirtError.noDomain` matches a missing
    /// domain, `LibvirtError.noNetwork` does not; `switch` cases match the same way.
    @Test("catch by code pattern")
    func matchingByCodePattern() throws {
        let connection = try Connection(uri: defaultTestURI)
        let name = uniqueName("missing")
        var matched = false
        do {
            _ = try connection.domain(named: name)
        } catch LibvirtError.noNetwork {
            Issue.record("a missing domain matched LibvirtError.noNetwork")
        } catch LibvirtError.noDomain {
            matched = true
        }
        #expect(matched)
        let error: any Error = try #require(expectLibvirtError { _ = try connection.domain(named: name) })
        switch error {
        case LibvirtError.noNetwork: Issue.record("a missing domain matched LibvirtError.noNetwork")
        case LibvirtError.noDomain: break
        default: Issue.record("a missing domain matched no pattern: \(error)")
        }
    }

    /// Lookups by id and UUID that match nothing also throw `.noDomain`.
    @Test("missing domain by id and UUID throws noDomain")
    func missingDomainByIDAndUUID() throws {
        let connection = try Connection(uri: defaultTestURI)
        let byID = expectLibvirtError { _ = try connection.domain(id: 9999) }
        #expect(byID?.code == .noDomain)
        let byUUID = expectLibvirtError {
            _ = try connection.domain(uuid: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)
        }
        #expect(byUUID?.code == .noDomain)
    }

    /// Missing networks and pools throw their own "no such object" codes.
    @Test("missing network and pool lookups")
    func missingNetworkAndPool() throws {
        let connection = try Connection(uri: defaultTestURI)
        let network = expectLibvirtError { _ = try connection.network(named: uniqueName("nonet")) }
        #expect(network?.code == .noNetwork)
        let pool = expectLibvirtError { _ = try connection.storagePool(named: uniqueName("nopool")) }
        #expect(pool?.code == .noStoragePool)
    }

    /// A domain definition without a name is rejected; nothing gets defined.
    @Test("defining a domain without a name throws")
    func invalidDefinition() throws {
        try withTestNode { connection, _ throws in
            let error = expectLibvirtError {
                _ = try connection.defineDomain(xml: "<domain type='test'></domain>")
            }
            #expect(error?.code == .noName)
            #expect(error?.message.isEmpty == false)
            #expect(try connection.allDomains().isEmpty)
        }
    }

    /// Text that is not XML at all is rejected as an XML error, whose extra information holds the
    /// parser's detail.
    @Test("defining malformed XML throws")
    func malformedXML() throws {
        try withTestNode { connection, _ throws in
            let error = expectLibvirtError { _ = try connection.defineDomain(xml: "<domain") }
            #expect(error?.code == .xmlDetail)
            // libvirt's extra information: the message's format and the parser's detail filling it.
            #expect(error?.extraStrings.count == 3)
            #expect(error?.extraStrings.first == "%s")
            let detail = try #require(error?.extraStrings[1])
            #expect(error?.message.contains(detail) == true && detail.contains("domain"), "\(detail)")
            #expect(error?.extraNumbers == [-1, -1])
        }
    }

    /// Defining a second domain under an existing name with another UUID is refused.
    @Test("defining a duplicate name throws")
    func duplicateName() throws {
        let name = uniqueName("dup")
        try withTestNode([domainXML(name: name)]) { connection, _ throws in
            let xml = domainXML(name: name).replacingOccurrences(
                of: "<name>", with: "<uuid>\(UUID().uuidString.lowercased())</uuid><name>")
            let error = expectLibvirtError { _ = try connection.defineDomain(xml: xml) }
            #expect(error?.code == .operationFailed)
            #expect(try connection.allDomains().count == 1)
        }
    }

    /// A handle kept after undefine throws `.noDomain` for start and info, and does not crash.
    @Test("operations on an undefined domain throw")
    func staleHandle() throws {
        try withTestNode { connection, _ in
            let domain = try connection.defineDomain(xml: domainXML(name: uniqueName("stale")))
            try domain.undefine()
            // Name and UUID are cached in the handle and stay readable.
            #expect(!domain.name.isEmpty)
            let start = expectLibvirtError { try domain.start() }
            #expect(start?.code == .noDomain)
            let info = expectLibvirtError { _ = try domain.info() }
            #expect(info?.code == .noDomain)
            let active = expectLibvirtError { _ = try domain.isActive }
            #expect(active?.code == .noDomain)
            let undefine = expectLibvirtError { try domain.undefine() }
            #expect(undefine?.code == .noDomain)
        }
    }

    /// State changes that do not fit the current state are refused and change nothing.
    ///
    /// The codes are the test driver's own (the C API reports the same ones): it flags
    /// suspend/resume/start in the wrong state as `.internalError`, destroy of an inactive
    /// domain as `.operationInvalid`.
    @Test("invalid state transitions throw and leave the state alone")
    func invalidTransitions() throws {
        try withTestNode { connection, _ in
            let domain = try connection.defineDomain(xml: domainXML(name: uniqueName("idle")))
            let suspend = expectLibvirtError { try domain.suspend() }
            #expect(suspend?.code == .internalError)
            let destroy = expectLibvirtError { try domain.destroy() }
            #expect(destroy?.code == .operationInvalid)
            #expect(try domain.info().state == .shutoff)

            try domain.start()
            let resume = expectLibvirtError { try domain.resume() }
            #expect(resume?.code == .internalError)
            let start = expectLibvirtError { try domain.start() }
            #expect(start?.code == .internalError)
            #expect(try domain.info().state == .running)
        }
    }

    /// The outcome of one lookup in a batch running on many threads at once.
    enum LookupOutcome: Equatable, Sendable {
        /// The lookup found an object with this name.
        case found(String)
        /// The lookup threw this code.
        case failed(LibvirtError.Code)
    }

    /// Errors are copied from the failing thread in the failing call: when many threads look up
    /// domains and networks at once, each gets the code of its own failure, and successes are
    /// not polluted by other threads' errors.
    @Test("errors are reported per call and per thread")
    func concurrentErrors() async throws {
        let connection = try await Connection(uri: defaultTestURI)
        let outcomes = await withTaskGroup(of: (Int, LookupOutcome).self) { group in
            for index in 0..<48 {
                group.addTask {
                    do {
                        switch index % 3 {
                        case 0: return (index, .found(try connection.domain(named: "test").name))
                        case 1: return (index, .found(try connection.domain(named: uniqueName("nodom")).name))
                        default: return (index, .found(try connection.network(named: uniqueName("nonet")).name))
                        }
                    } catch let error as LibvirtError {
                        return (index, .failed(error.code))
                    } catch {
                        return (index, .failed(.internalError))
                    }
                }
            }
            var collected: [Int: LookupOutcome] = [:]
            for await (index, outcome) in group { collected[index] = outcome }
            return collected
        }
        #expect(outcomes.count == 48)
        for (index, outcome) in outcomes {
            let expected: LookupOutcome = switch index % 3 {
            case 0: .found("test")
            case 1: .failed(.noDomain)
            default: .failed(.noNetwork)
            }
            #expect(outcome == expected, "lookup \(index)")
        }
    }
}
