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
        #expect(info.returnType == .named("Domain.Info"))
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

    /// The model holds meaning, not Swift code: apart from prose (documentation, reasons) and
    /// symbol names as users read them (`Domain.info()`), every string is a name, a C spelling
    /// or a number, with none of Swift's type or expression syntax (`[String]`, `String?`,
    /// `AsyncStream<…>`, `= []`); types and defaults are values the Swift renderer spells.
    @Test func holdsNoSwiftCode() throws {
        let prose: Set<String> = [
            "body", "doc", "text", "returns", "throwing", "reason", "deprecation", "initializerDoc", "otherDoc",
            "swift", "swiftSymbol", "symbol", "keyPattern",
        ]
        let code = try Regex<Substring>("[\\[\\]<>?(){}=:\\\\ ,]")
        var offending: [String] = []
        func walk(_ value: Any, key: String) {
            switch value {
            case let object as [String: Any]: for (key, value) in object where !prose.contains(key) { walk(value, key: key) }
            case let array as [Any]: for element in array { walk(element, key: key) }
            case let string as String where string.contains(code): offending.append("\(key): \(string)")
            default: break
            }
        }
        walk(try JSONSerialization.jsonObject(with: try ModelDump.json(try Reference.package())), key: "")
        #expect(offending.isEmpty, "\(offending.prefix(5))")
        let dump = String(decoding: try ModelDump.json(try Reference.package()), as: UTF8.self)
        #expect(dump.contains(#""typedParameters" : "Domain.MemoryParameter""#))
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
