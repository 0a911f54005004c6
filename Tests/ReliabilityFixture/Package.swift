// swift-tools-version: 6.1
// Reliability checks of the generated bindings (issue 9, parts 3 to 5): concurrency on one shared
// connection under the thread sanitizer, SIGKILL faults of a private libvirtd, and events under
// load. `.ci/reliability-check` builds this package with `--sanitize=thread` and runs each check.

import PackageDescription

let package = Package(
    name: "ReliabilityFixture",
    dependencies: [.package(path: "../../Generated")],
    targets: [
        .executableTarget(
            name: "ReliabilityCheck",
            dependencies: [
                .product(name: "Libvirt", package: "Generated"),
                .product(name: "LibvirtAdmin", package: "Generated"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
