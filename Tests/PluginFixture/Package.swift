// swift-tools-version: 6.1
// A downstream package that builds the libvirt bindings with LibvirtGenPlugin. It depends on
// libvirt-swiftgen by version, from the URL in LIBVIRT_SWIFTGEN_URL (.ci/plugin-check sets it to a
// tagged clone), as a real user's package would.

import Foundation
import PackageDescription

let url = ProcessInfo.processInfo.environment["LIBVIRT_SWIFTGEN_URL"] ?? "https://github.com/libvirt-swift/libvirt-swiftgen"

let package = Package(
    name: "PluginFixture",
    dependencies: [
        .package(url: url, from: "0.1.0"),
    ],
    targets: [
        .executableTarget(
            name: "Demo",
            dependencies: [.product(name: "CLibvirtSystem", package: "libvirt-swiftgen")],
            plugins: [.plugin(name: "LibvirtGenPlugin", package: "libvirt-swiftgen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
