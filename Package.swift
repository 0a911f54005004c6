// swift-tools-version: 6.1
// The libvirt-swiftgen package: reads libvirt's API description and generates idiomatic Swift bindings.

import PackageDescription

let package = Package(
    name: "libvirt-swiftgen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "libvirt-swiftgen", targets: ["libvirt-swiftgen"]),
        .library(name: "LibvirtGenCore", targets: ["LibvirtGenCore"]),
        .plugin(name: "LibvirtGenPlugin", targets: ["LibvirtGenPlugin"]),
        .plugin(name: "RegenerateBindingsPlugin", targets: ["RegenerateBindingsPlugin"]),
        .library(name: "CLibvirtSystem", targets: ["CLibvirtSystem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(path: "Generated"),
    ],
    targets: [
        .target(name: "LibvirtGenModel"),
        .target(name: "LibvirtGenXML", dependencies: ["LibvirtGenModel", "CLibXML2"]),
        .target(name: "LibvirtGenRNG", dependencies: ["LibvirtGenModel", "LibvirtGenXML"]),
        .target(name: "CClang"),
        .target(name: "LibvirtGenClang", dependencies: ["LibvirtGenModel", "CClang"]),
        .target(
            name: "LibvirtGenOverridesData",
            path: "api-xml/overrides",
            sources: ["OverridesResource.swift"],
            resources: [.copy("overrides.json")]
        ),
        .target(
            name: "LibvirtGenTemplates",
            path: "Templates",
            sources: ["TemplatesResource.swift"],
            resources: [
                .copy("swift"), .copy("runtime"), .copy("runtime-direct"), .copy("runtime-dynamic"), .copy("docs"),
                .copy("harness"),
            ]
        ),
        .target(
            name: "LibvirtGenCore",
            dependencies: ["LibvirtGenModel", "LibvirtGenOverridesData"]
        ),
        .target(
            name: "LibvirtGenReports",
            dependencies: ["LibvirtGenCore", "LibvirtGenModel", "LibvirtGenRNG", "LibvirtGenSwift"]
        ),
        .target(
            name: "LibvirtGenTemplating",
            dependencies: ["LibvirtGenModel"]
        ),
        .target(
            name: "LibvirtGenSwift",
            dependencies: ["LibvirtGenModel", "LibvirtGenTemplating", "LibvirtGenTemplates"]
        ),
        .target(
            name: "LibvirtGenDocs",
            dependencies: ["LibvirtGenModel", "LibvirtGenSwift", "LibvirtGenTemplating", "LibvirtGenTemplates"]
        ),
        .target(
            name: "LibvirtGenerator",
            dependencies: [
                "LibvirtGenCore", "LibvirtGenXML", "LibvirtGenRNG", "LibvirtGenClang", "LibvirtGenSwift", "LibvirtGenDocs",
            ]
        ),
        .target(
            name: "LibvirtGenHarness",
            dependencies: ["LibvirtGenerator", "LibvirtGenSwift", "LibvirtGenTemplating", "LibvirtGenTemplates"]
        ),
        .executableTarget(
            name: "libvirt-swiftgen",
            dependencies: [
                "LibvirtGenerator", "LibvirtGenCore", "LibvirtGenReports", "LibvirtGenXML", "LibvirtGenRNG",
                "LibvirtGenClang", "LibvirtGenSwift", "LibvirtGenDocs", "LibvirtGenHarness",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "LibvirtGenPlugin",
            capability: .buildTool(),
            dependencies: ["libvirt-swiftgen"],
            path: "Sources/LibvirtGenPlugin"
        ),
        .plugin(
            name: "RegenerateBindingsPlugin",
            capability: .command(
                intent: .custom(verb: "regenerate-bindings", description: "Rewrite Generated/ from api-xml/"),
                permissions: [.writeToPackageDirectory(reason: "Generated/ is the generator's output")]
            ),
            dependencies: ["libvirt-swiftgen"],
            path: "Sources/RegenerateBindingsPlugin"
        ),
        // libxml2, whose SAX2 parser the generator's XML reader drives directly.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibvirtSystem",
            path: "Sources/CLibvirtSystem",
            pkgConfig: "libvirt",
            providers: [.apt(["libvirt-dev"])]
        ),
        .testTarget(
            name: "LibvirtGenTests",
            dependencies: [
                "LibvirtGenerator", "LibvirtGenCore", "LibvirtGenReports", "LibvirtGenSwift", "LibvirtGenTemplating",
                "LibvirtGenXML", "LibvirtGenRNG", "LibvirtGenDocs", "LibvirtGenHarness", "libvirt-swiftgen",
                "LibvirtGenClang",
                // The reference the template engine's output is compared with (TemplateEngineTests).
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .target(name: "CExercise", path: "Tests/CExerciseStandIn"),
        // The binding tests, and the harness's scenarios (HarnessScenarios/runner links the harness's
        // runner folder; its entry point and generated probes stay out).
        .testTarget(
            name: "LibvirtBindingTests",
            dependencies: [
                "LibvirtGenHarness", "CExercise",
                .product(name: "Libvirt", package: "Generated"),
                .product(name: "LibvirtQemu", package: "Generated"),
                .product(name: "LibvirtLXC", package: "Generated"),
                .product(name: "LibvirtAdmin", package: "Generated"),
                .product(name: "LibvirtXML", package: "Generated"),
                .product(name: "LibvirtTypedXML", package: "Generated"),
            ],
            exclude: ["HarnessScenarios/runner/main.swift", "HarnessScenarios/runner/ProbeChecks.swift"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
