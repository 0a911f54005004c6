// Functions the loaded libvirt has work; one it lacks throws `.noSupport` naming itself and the
// version that added it.
import Libvirt

let connection = try Connection(uri: "test:///default")
for domain in try connection.allDomains() {
    print("\(domain.name): \(try domain.info().state)")
}
let domain = try connection.domain(named: "test")
do {
    try domain.graphicsReload(type: .any)
    print("graphicsReload: succeeded")
} catch let error as LibvirtError {
    print("graphicsReload: \(error.code): \(error.message)")
}
