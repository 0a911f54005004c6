import Foundation
import Testing

/// What typed keys let through the compiler and what they stop: snippets type-checked by `swiftc`
/// against the `Libvirt` module this test target was built with.
@Suite("Typed keys at compile time")
struct TypedKeyCompileTests {
    /// The built Swift modules, beside the test bundle.
    static let modules = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("Modules")

    /// The C module map of the generated package, three levels up from this file (symbolic links
    /// resolved: the memory fixture reaches this folder through one).
    static let moduleMap = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Generated/Sources/CLibvirt/module.modulemap")

    /// Type-checks `body` after `import Libvirt` and a `TypedParameters<Domain.SchedulerParameter>`
    /// variable `p`: whether it compiles, and the compiler's output.
    static func typecheck(_ body: String) throws -> (compiles: Bool, output: String) {
        try #require(FileManager.default.fileExists(atPath: modules.appendingPathComponent("Libvirt.swiftmodule").path))
        return try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("snippet.swift")
            let source = "import Libvirt\nvar p: TypedParameters<Domain.SchedulerParameter> = [.weight: .uint(50)]\n" + body
            try source.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "swiftc", "-typecheck", "-swift-version", "6", "-I", modules.path,
                "-Xcc", "-fmodule-map-file=\(moduleMap.path)", file.path,
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus == 0, output)
        }
    }

    /// The right type compiles, as does today's untyped form.
    @Test("the documented type compiles")
    func rightType() throws {
        let result = try Self.typecheck("""
            p[.weight] = 50
            let weight: UInt32? = p[.weight]
            p[.weight] = .uint(UInt32(weight ?? 0))
            p[.vcpuQuota] = -1
            """)
        #expect(result.compiles, "\(result.output)")
    }

    /// Another type does not compile: a string, a `UInt64` where the key is a `uint`, or reading
    /// into the wrong type.
    @Test("another type does not compile", arguments: [
        "p[.weight] = \"x\"",
        "p[.weight] = UInt64(5)",
        "let weight: UInt64? = p[.weight]",
        "p[.vcpuQuota] = UInt64(1)",
    ])
    func wrongType(line: String) throws {
        let result = try Self.typecheck(line)
        #expect(!result.compiles)
        #expect(result.output.contains("error:"))
    }
}
