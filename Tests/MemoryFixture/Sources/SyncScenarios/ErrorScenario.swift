import Libvirt
import MemoryFixtureSupport

/// Failing calls of each shape throw ``LibvirtError`` with the code libvirt set: lookups, bad XML,
/// a rejected typed parameter, a read-only connection, an unknown driver, unsupported APIs and a
/// stream without a driver.
let errorScenario = Scenario("errors") {
    try withTestNode([domainXML(name: "err")]) { node, connection in
        try requireLibvirtError(.noDomain) { _ = try connection.domain(named: "missing") }
        try requireLibvirtError(.noDomain) { _ = try connection.domain(id: 4242) }
        try requireLibvirtError(.noNetwork) { _ = try connection.network(named: "missing") }
        try requireLibvirtError(.xmlDetail) { _ = try connection.defineDomain(xml: "<domain") }
        let domain = try connection.domain(named: "err")
        let rejected = try requireLibvirtError(.argumentUnsupported) {
            try domain.setMemoryParameters(["made_up": .ullong(1)])
        }
        try require(rejected.message.contains("made_up"), "the message names the parameter")
        try requireLibvirtError(.invalidArg) { _ = try domain.blockIOTune(disk: "vdz") }
        try requireLibvirtError(.noSupport) { _ = try domain.securityLabels() }
        try requireLibvirtError(.noSupport) { _ = try connection.defineSecret(xml: "<secret/>") }

        let readOnly = try Connection(uri: node.uri, readOnly: true)
        try requireLibvirtError(.operationDenied) { _ = try readOnly.defineDomain(xml: domainXML(name: "ro")) }
        try requireLibvirtError(.invalidArg) { _ = try Connection(uri: "test://") }

        let stream = try connection.makeStream()
        try stream.abort()
        try requireLibvirtError(.noSupport) { _ = try stream.receive() }
        return 4
    }
}
