import Foundation
import LibvirtGenModel
import LibvirtGenReports
import LibvirtGenRNG
import Testing

/// libvirt's RELAX NG schemas read into grammars (the input of typed XML documents), and the
/// reader's rules on small schemas.
@Suite("RELAX NG reader")
struct RNGReaderTests {
    /// Every schema of the three releases reads; each document kind of 9.0.0 has its root element.
    @Test(arguments: ["7.0.0", "9.0.0", "11.3.0"])
    func releasesRead(version: String) throws {
        let report = try SchemaReport(folder: Reference.root.appendingPathComponent("api-xml/\(version)/schemas"))
        let roots = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.file, $0.rootElements) })
        #expect(roots["domain.rng"] == ["domain"])
        #expect(roots["basictypes.rng"] == [])
        guard version == "9.0.0" else { return }
        #expect(report.rows.count == 26)
        let documents = Set(report.rows.flatMap(\.rootElements))
        #expect(documents.isSuperset(of: [
            "domain", "network", "pool", "volume", "domainsnapshot", "domaincheckpoint", "secret", "interface",
            "device", "filter", "networkport", "domainbackup", "capabilities", "domainCapabilities",
        ]))
    }

    /// The domain grammar reaches the elements and attributes a domain document holds.
    @Test func domainGrammar() throws {
        let grammar = try RNGReader().read(Reference.root.appendingPathComponent("api-xml/9.0.0/schemas/domain.rng"))
        let (elements, attributes) = grammar.reachableNames()
        #expect(elements.isSuperset(of: ["domain", "devices", "disk", "interface", "memory", "vcpu", "metadata"]))
        #expect(attributes.isSuperset(of: ["type", "unit", "bus", "dev"]))
        #expect(elements.count > 300 && attributes.count > 250)
        #expect(grammar.locations["domain"]?.file.hasSuffix("domaincommon.rng") == true)
    }

    /// Writes schema files into a temporary folder and reads `main.rng`.
    static func read(_ files: [String: String]) throws -> RNGGrammar {
        try withTemporaryFolder { folder in
            for (name, text) in files { try write(name, text, in: folder) }
            return try RNGReader().read(folder.appendingPathComponent("main.rng"))
        }
    }

    /// Writes the schema file `name` of `folder`: a grammar holding `body`.
    static func write(_ name: String, _ body: String, in folder: URL) throws {
        try Data(wrap(body).utf8).write(to: folder.appendingPathComponent(name))
    }

    /// Writes `one.rng` and `two.rng`, whose start is a reference to `doc`, both including `lib.rng`,
    /// a grammar holding `library`.
    static func writeTwoSchemas(including library: String, in folder: URL) throws {
        for name in ["one.rng", "two.rng"] {
            try write(name, "<start><ref name=\"doc\"/></start>\n<include href=\"lib.rng\"/>", in: folder)
        }
        try write("lib.rng", library, in: folder)
    }

    /// A grammar element around `body`, with the RELAX NG namespace.
    static func wrap(_ body: String) -> String {
        "<?xml version=\"1.0\"?>\n<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\" "
            + "xmlns:a=\"http://relaxng.org/ns/compatibility/annotations/1.0\">\n\(body)\n</grammar>\n"
    }

    /// The error a reading of `files` throws.
    static func error(_ files: [String: String]) -> DiagnosticError? {
        do {
            _ = try read(files)
            return nil
        } catch let error as DiagnosticError {
            return error
        } catch {
            return nil
        }
    }

    /// An include's own definitions replace the included ones; `combine` merges; annotations are skipped.
    @Test func includesOverridesAndCombine() throws {
        let grammar = try Self.read([
            "main.rng": """
                <start><ref name="doc"/></start>
                <include href="lib.rng"><define name="size"><data type="unsignedInt"/></define></include>
                <define name="extra" combine="choice"><value>b</value></define>
                <a:documentation>ignored</a:documentation>
                """,
            "lib.rng": """
                <define name="doc"><element name="doc"><attribute name="size"><ref name="size"/></attribute><ref name="extra"/></element></define>
                <define name="size"><text/></define>
                <define name="extra"><value>a</value></define>
                """,
        ])
        #expect(grammar.defines["size"] == .data(type: "unsignedInt", parameters: [], except: nil))
        #expect(grammar.defines["extra"] == .choice([.value(type: "token", "a"), .value(type: "token", "b")]))
        #expect(grammar.rootElements() == ["doc"])
        #expect(grammar.reachableNames().attributes == ["size"])
    }

    /// Readers sharing a cache parse an included file once: a change to it after the first reading
    /// is not seen through the cache, and is seen by a reader with a cache of its own.
    @Test func sharedCacheParsesEachFileOnce() throws {
        try withTemporaryFolder { folder in
            func write(_ name: String, _ body: String) throws { try Self.write(name, body, in: folder) }
            try Self.writeTwoSchemas(including: "<define name=\"doc\"><element name=\"first\"><empty/></element></define>", in: folder)
            let shared = RNGReader(sharing: RNGFileCache())
            #expect(try shared.read(folder.appendingPathComponent("one.rng")).rootElements() == ["first"])
            try write("lib.rng", "<define name=\"doc\"><element name=\"second\"><empty/></element></define>")
            #expect(try shared.read(folder.appendingPathComponent("two.rng")).rootElements() == ["first"])
            #expect(try RNGReader().read(folder.appendingPathComponent("two.rng")).rootElements() == ["second"])
        }
    }

    /// A file is read once for every schema including it: through a shared cache, each of 9.0.0's
    /// domain schemas (which include `domaincommon.rng`, two in a nested grammar) reads as it does
    /// alone, its nested definitions and their locations included, and the domain nested in a
    /// snapshot or checkpoint is there.
    @Test func sharedReadingsMatchReadingsAlone() throws {
        let folder = Reference.root.appendingPathComponent("api-xml/9.0.0/schemas")
        let shared = RNGReader(sharing: RNGFileCache())
        for name in ["domain.rng", "domainsnapshot.rng", "domaincheckpoint.rng", "domainbackup.rng", "domain.rng"] {
            let once = try shared.read(folder.appendingPathComponent(name))
            let alone = try RNGReader().read(folder.appendingPathComponent(name))
            #expect(once.start == alone.start, "\(name)")
            #expect(once.defines == alone.defines, "\(name)")
            #expect(once.locations == alone.locations, "\(name)")
            // The domain a snapshot or checkpoint holds comes from its nested grammar, which includes
            // domain.rng: it is reachable through the nested definitions only.
            if name == "domainsnapshot.rng" || name == "domaincheckpoint.rng" {
                #expect(once.defines.keys.contains { $0.hasPrefix("\(name):") }, "\(name)")
                #expect(once.reachableNames().elements.contains("cputune"), "\(name)")
            }
        }
    }

    /// A reference to no definition in an included file fails every schema that includes it, not
    /// only the first one read: a file's references are kept with its reading.
    @Test func sharedReadingKeepsReferences() throws {
        try withTemporaryFolder { folder in
            try Self.writeTwoSchemas(
                including: "<define name=\"doc\"><element name=\"first\"><ref name=\"missing\"/></element></define>", in: folder)
            let shared = RNGReader(sharing: RNGFileCache())
            for name in ["one.rng", "two.rng"] {
                #expect(throws: DiagnosticError.self, "\(name)") { try shared.read(folder.appendingPathComponent(name)) }
            }
        }
    }

    /// A nested grammar's definitions live in a scope of their own, so they may repeat outer names.
    @Test func nestedGrammarScopes() throws {
        let grammar = try Self.read([
            "main.rng": """
                <start><element name="outer"><ref name="name"/><grammar><start><ref name="name"/></start>
                <define name="name"><element name="inner"><empty/></element></define></grammar></element></start>
                <define name="name"><attribute name="name"/></define>
                """,
        ])
        #expect(grammar.defines.keys.sorted() == ["main.rng:3/name", "name"])
        #expect(grammar.reachableNames().elements == ["outer", "inner"])
    }

    /// Mistakes are one error each, naming the file and line.
    @Test func errorsNameFileAndLine() throws {
        let unresolved = Self.error(["main.rng": "<start><ref name=\"missing\"/></start>"])
        #expect(unresolved?.diagnostic.message == "reference to 'missing', which no definition declares")
        #expect(unresolved?.diagnostic.location?.file.hasSuffix("main.rng") == true && unresolved?.diagnostic.location?.line == 3)
        let twice = Self.error([
            "main.rng": "<start><ref name=\"a\"/></start>\n<define name=\"a\"><text/></define>\n<define name=\"a\"><empty/></define>",
        ])
        #expect(twice?.diagnostic.message.hasPrefix("definition 'a' is declared more than once") == true)
        let unknown = Self.error(["main.rng": "<start><element name=\"x\"><bogus/></element></start>"])
        #expect(unknown?.diagnostic.message == "<bogus> is not a RELAX NG pattern this reader knows")
        let cycle = Self.error(["main.rng": "<include href=\"main.rng\"/>"])
        #expect(cycle?.diagnostic.message.contains("includes itself") == true)
        let missing = Self.error(["main.rng": "<include href=\"nowhere.rng\"/>"])
        #expect(missing?.diagnostic.message == "included schema nowhere.rng does not exist")
        let malformed = try withTemporaryFolder { folder -> DiagnosticError? in
            let file = folder.appendingPathComponent("main.rng")
            try Data("<grammar>\n<start>".utf8).write(to: file)
            do { _ = try RNGReader().read(file); return nil } catch let error as DiagnosticError { return error }
        }
        #expect(malformed?.diagnostic.message.hasPrefix("malformed XML") == true)
    }

    /// The CLI prints the report, and an empty folder is a one-line error with status 1.
    @Test func cli() throws {
        let run = try CLI.run(["schemas", "--schemas", Reference.root.appendingPathComponent("api-xml/9.0.0/schemas").path])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("schema ") && run.stdout.contains("domain.rng") && run.stdout.contains("domainCapabilities"))
        try withTemporaryFolder { folder in
            let empty = try CLI.run(["schemas", "--schemas", folder.path])
            #expect(empty.status == 1)
            #expect(empty.stderrLines == ["\(folder.path): error: no RELAX NG schema (*.rng) in the folder"])
        }
    }
}
