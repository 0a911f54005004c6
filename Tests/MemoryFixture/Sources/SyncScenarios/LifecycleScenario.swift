import Libvirt
import MemoryFixtureSupport

/// Defines a domain on a private node and walks it through start, suspend, resume, destroy and
/// undefine, checking its state after each step; the undefined domain is then gone.
let lifecycleScenario = Scenario("lifecycle") {
    try withTestNode { _, connection in
        let domain = try connection.defineDomain(xml: domainXML(name: "life"))
        try require(try domain.info().state == .shutoff, "a defined domain is shut off")
        try domain.start()
        try require(try domain.info().state == .running, "start() runs the domain")
        try domain.suspend()
        try require(try domain.info().state == .paused, "suspend() pauses the domain")
        try domain.resume()
        try require(try domain.state().state == .running, "resume() runs the domain again")
        try domain.destroy()
        try require(!(try domain.isActive), "destroy() stops the domain")
        try domain.undefine()
        try requireLibvirtError(.noDomain) { _ = try connection.domain(named: "life") }
        return 2
    }
}
