import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import LibvirtGenSwift
import Testing

/// One rule or shape per case: a small API XML fragment (`Fixtures/Snippets/<name>.xml`), inserted
/// into the smallest description that has a connection and a domain, is lowered and rendered, and
/// the model's decisions (kind, shape, failure rule, call plan) and the Swift members must equal
/// `<name>.swift`. A rule branch that no libvirt release reaches is tested here. Set
/// UPDATE_GOLDEN=1 to rewrite the expected files after reviewing a deliberate change.
@Suite("Snippets")
struct SnippetTests {
    /// The snippets' folder in the source tree (written when updating).
    static let sourceFolder = Reference.root.appendingPathComponent("Tests/LibvirtGenTests/Fixtures/Snippets")

    /// The snippet names: every `.xml` file except the base.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: sourceFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".xml") && $0 != "base-api.xml" }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// The folder holds snippets (an empty list would make the parameterized test vacuous).
    @Test func snippetsExist() {
        #expect(Self.names.count >= 10)
    }

    /// The snippet's model decisions and Swift equal its expected file.
    @Test(arguments: names)
    func snippet(_ name: String) throws {
        let fragment = try String(contentsOf: Self.sourceFolder.appendingPathComponent("\(name).xml"), encoding: .utf8)
        let actual = try Self.render(fragment)
        let expectedFile = Self.sourceFolder.appendingPathComponent("\(name).swift")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: expectedFile)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected, "\(name).swift differs; rerun with UPDATE_GOLDEN=1 and review the diff")
    }

    /// Lowers the base description with `fragment` inserted and renders what it adds: per bound
    /// function a comment with its kind, shape and failure rule, then every generated event
    /// family, member and typed key.
    static func render(_ fragment: String) throws -> String {
        try withTemporaryFolder { folder in
            let base = try String(contentsOf: sourceFolder.appendingPathComponent("base-api.xml"), encoding: .utf8)
            try Data(base.replacingOccurrences(of: "<!-- SNIPPET -->\n", with: fragment).utf8)
                .write(to: folder.appendingPathComponent("libvirt-api.xml"))
            for module in ["qemu", "lxc", "admin"] {
                let empty = "<?xml version=\"1.0\"?>\n<api name='libvirt-\(module)'>\n  <files>\n  </files>\n  <symbols>\n  </symbols>\n</api>\n"
                try Data(empty.utf8).write(to: folder.appendingPathComponent("libvirt-\(module)-api.xml"))
            }
            let package = try Pipeline().run(apiXML: folder).package
            let renderer = try SwiftRenderer()
            var lines: [String] = []
            for module in package.modules {
                for file in module.files {
                    let members = try renderer.eventDeclarations(of: file) + renderer.members(of: file)
                        + renderer.typedKeys(of: file)
                    guard !members.isEmpty else { continue }
                    lines.append("// MARK: \(module.name)/\(file.name)\(file.owner.map { " (extension \($0))" } ?? "")")
                    for function in file.functions {
                        lines.append("// \(function.cName): \(function.kind) \(function.shape), failure rule \(function.failureRule)")
                        lines.append("// call plan: \(try callPlan(function))")
                    }
                    lines += members.flatMap { [$0, ""] }
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// A bound function's call plan as one line of JSON: how each C argument is passed, which
    /// out-values come back, how the result is made.
    static func callPlan(_ function: BoundFunction) throws -> String {
        struct Plan: Encodable {
            let arguments: [ArgumentPassing]
            let outValues: [OutValue]
            let result: CallResult
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let plan = Plan(arguments: function.arguments, outValues: function.outValues, result: function.result)
        return String(decoding: try encoder.encode(plan), as: UTF8.self)
    }
}
