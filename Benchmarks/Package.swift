// swift-tools-version: 6.1
// Benchmarks for libvirt-swiftgen: plain release-mode timing executables (see `Benchmarks/run`).

import PackageDescription

/// The benchmark package: the call/event/stream timer and a synchronous call loop for callgrind
/// against the generated bindings, the bare XML parse timer, and the typed XML documents' timer.
let package = Package(
    name: "Benchmarks",
    dependencies: [
        .package(path: "../Generated"),
    ],
    targets: [
        .executableTarget(name: "ParseBench"),
        .executableTarget(
            name: "XMLBench",
            dependencies: [.product(name: "LibvirtXML", package: "Generated")]
        ),
        .executableTarget(
            name: "CallBench",
            dependencies: [.product(name: "Libvirt", package: "Generated")]
        ),
        .executableTarget(
            name: "CallProfile",
            dependencies: [.product(name: "Libvirt", package: "Generated")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
