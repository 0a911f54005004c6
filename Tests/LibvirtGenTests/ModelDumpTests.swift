import Foundation
import LibvirtGenerator
import LibvirtGenModel
import Testing

/// `generate --dump-model`: the binding model as JSON, complete enough to read back.
@Suite("Model dump")
struct ModelDumpTests {
    /// The JSON decodes into a model that encodes to the same bytes (nothing is lost), and it holds
    /// the lowering's decisions for a known function.
    @Test func roundTripsAndHoldsDecisions() throws {
        let package = try Reference.package()
        let json = try ModelDump.json(package)
        let decoded = try JSONDecoder().decode(BindingPackage.self, from: json)
        #expect(try ModelDump.json(decoded) == json)
        let info = try #require(decoded.modules.flatMap(\.files).flatMap(\.functions).first { $0.cName == "virDomainGetInfo" })
        #expect(info.name == "info")
        #expect(info.failureRule == .negativeStatus)
        #expect(info.returnType == "Domain.Info")
        #expect(decoded.symbols.count == package.symbols.count)
    }

    /// Every value is named: no enum case of the model has an unlabelled associated value, which
    /// the JSON would show as `_0`; the call plan reads as its meaning.
    @Test func everyValueIsNamed() throws {
        let json = String(decoding: try ModelDump.json(try Reference.package()), as: UTF8.self)
        #expect(!json.contains("\"_0\""))
        #expect(json.contains(#""structValue" : {"#))
        #expect(json.contains(#""cField" : "nrVirtCpu""#))
    }

    /// The CLI writes the same JSON beside the package it generates.
    @Test func cliWritesTheDump() throws {
        try withTemporaryFolder { folder in
            let dump = folder.appendingPathComponent("review/model.json")
            let run = try CLI.run([
                "generate", "--api-xml", Reference.apiFolder.path, "--output", folder.appendingPathComponent("out").path,
                "--dump-model", dump.path,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try Data(contentsOf: dump) == ModelDump.json(try Reference.package()))
        }
    }

    /// A dump that cannot be written is a one-line error naming the file, with a nonzero status.
    @Test func unwritableDumpIsAnError() throws {
        try withTemporaryFolder { folder in
            let blocker = folder.appendingPathComponent("file")
            try Data("x".utf8).write(to: blocker)
            let run = try CLI.run([
                "generate", "--api-xml", Reference.apiFolder.path, "--output", folder.appendingPathComponent("out").path,
                "--dump-model", blocker.appendingPathComponent("model.json").path,
            ])
            #expect(run.status == 1)
            #expect(run.stderr.contains("\(blocker.path)/model.json") && run.stderr.contains("cannot write the model"), "\(run.stderr)")
        }
    }
}
