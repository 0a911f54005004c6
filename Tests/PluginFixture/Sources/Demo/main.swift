// Lists the test driver's domains with the bindings the plugin generated into this target.

let connection = try Connection(uri: "test:///default")
let domains = try connection.allDomains()
for domain in domains {
    print("\(domain.name): \(try domain.info().state)")
}
guard domains.contains(where: { $0.name == "test" }) else {
    fatalError("the test driver's domain 'test' is missing")
}
