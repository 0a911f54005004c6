// swift-tools-version: 6.1
// Runs bindings generated in the dynamic link mode (from a newer libvirt's API description than
// the installed one) against the installed libvirt; .ci/dynamic-check generates them into
// DYNAMIC_BINDINGS and runs this package.

import Foundation
import PackageDescription

let bindings = ProcessInfo.processInfo.environment["DYNAMIC_BINDINGS"] ?? "../../Generated"
/// A path dependency's identity is its folder's name.
let identity = URL(fileURLWithPath: bindings).lastPathComponent.lowercased()

let package = Package(
    name: "DynamicFixture",
    dependencies: [.package(path: bindings)],
    targets: [
        .executableTarget(name: "DynamicDemo", dependencies: [.product(name: "Libvirt", package: identity)]),
    ],
    swiftLanguageModes: [.v6]
)
