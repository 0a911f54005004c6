import Foundation
import Libvirt
import MemoryFixtureSupport

/// Opens event streams without reading them (no async code: the events the library's event-loop
/// thread delivers stay buffered in the streams) and drops them: lifecycle streams sharing one
/// registration, one filtered to a domain, network, pool and close events, and a secret stream
/// the test driver refuses. Dropping a stream deregisters its callback and frees the buffered
/// events with the domain handles they carry.
let eventRegistrationScenario = Scenario("event registrations") {
    try withTestNode([domainXML(name: "watched", running: false)]) { _, connection in
        let watched = try connection.domain(named: "watched")
        let streams = (
            try connection.domainEvents(.lifecycle), try connection.domainEvents(.lifecycle),
            try connection.domainEvents(.lifecycle, domain: watched), try connection.networkEvents(.lifecycle),
            try connection.storagePoolEvents(.lifecycle), try connection.closeEvents()
        )
        try requireLibvirtError(.noSupport) { _ = try connection.secretEvents(.lifecycle) }
        let domain = try connection.defineDomain(xml: domainXML(name: "events"))
        try domain.start()
        try watched.start()
        try domain.destroy()
        try domain.undefine()
        // Gives the event-loop thread time to dispatch the queued events into the streams.
        usleep(50_000)
        withExtendedLifetime(streams) {}
        return 8
    }
}
