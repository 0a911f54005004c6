// swift-tools-version: 6.1
// Memory checks of the generated bindings (.ci/memory-check): a synchronous scenario runner for
// valgrind memcheck (valgrind 3.19 crashes on Swift programs that use async/await), the event and
// stream scenarios for AddressSanitizer's leak checker, a handle churn that watches the resident
// set size, and the binding tests with the harness's test-driver scenarios (Tests/LibvirtBindingTests,
// linked here) for a build with AddressSanitizer that does not rebuild the generator.

import PackageDescription

let package = Package(
    name: "MemoryFixture",
    dependencies: [.package(path: "../../Generated")],
    targets: [
        .target(name: "MemoryFixtureSupport", dependencies: [.product(name: "Libvirt", package: "Generated")]),
        .executableTarget(
            name: "SyncScenarios",
            dependencies: ["MemoryFixtureSupport", .product(name: "Libvirt", package: "Generated")]
        ),
        .executableTarget(
            name: "AsyncScenarios",
            dependencies: ["MemoryFixtureSupport", .product(name: "Libvirt", package: "Generated")]
        ),
        .executableTarget(
            name: "HandleChurn",
            dependencies: ["MemoryFixtureSupport", .product(name: "Libvirt", package: "Generated")]
        ),
        // The harness's call recorder, stood in for (the binding tests run the harness's scenarios).
        .target(name: "CExercise"),
        // The QEMU suites need the generator's harness target (its qemu.conf, guest image and
        // clean-up) and real QEMU processes; the harness and `swift test` run them, this sanitizer
        // build does not. Neither does it run the XML corpus test (a thousand documents and xmllint
        // processes).
        .testTarget(
            name: "LibvirtBindingTests",
            dependencies: [
                "CExercise", .product(name: "Libvirt", package: "Generated"),
                .product(name: "LibvirtQemu", package: "Generated"), .product(name: "LibvirtAdmin", package: "Generated"),
                .product(name: "LibvirtXML", package: "Generated"), .product(name: "LibvirtTypedXML", package: "Generated"),
            ],
            exclude: [
                "QemuSupport.swift", "QemuTests.swift", "QemuConsoleWriteTests.swift", "QemuJobAbortTests.swift",
                "XMLCorpusTests.swift", "HarnessScenarios/QemuScenarioTests.swift",
                "HarnessScenarios/runner/main.swift", "HarnessScenarios/runner/ProbeChecks.swift",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
