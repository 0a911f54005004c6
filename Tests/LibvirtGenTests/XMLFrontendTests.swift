import Foundation
import LibvirtGenModel
import LibvirtGenXML
import Synchronization
import Testing

/// The API XML frontend: every element is read with its line, and broken input is an error with a
/// location, never a silent drop (DESIGN §3).
@Suite("XML frontend")
struct XMLFrontendTests {
    /// Writes `text` as an API file in a temporary folder and reads it; `body` gets the file's path too.
    static func read<T>(_ text: String, _ body: (Result<CAPI, any Error>, String) throws -> T) throws -> T {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("libvirt-lxc-api.xml")
            try Data(text.utf8).write(to: file)
            return try body(Result { try XMLFrontend().read(file: file) }, file.path)
        }
    }

    /// Documents parsed from many threads at once, as the parallel tests do, all come out whole
    /// (each parse has a parser context of its own; libxml2 is set up once, before the first).
    @Test func parsesFromManyThreadsAtOnce() throws {
        let data = try Data(contentsOf: Reference.root.appendingPathComponent("api-xml/9.0.0/schemas/domaincommon.rng"))
        let counts = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 32) { _ in
            let children = (try? XMLNode.parse(data: data, displayPath: "domaincommon.rng"))?.children.count ?? -1
            counts.withLock { $0.append(children) }
        }
        let expected = try XMLNode.parse(data: data, displayPath: "domaincommon.rng").children.count
        #expect(counts.withLock { $0 } == Array(repeating: expected, count: 32))
    }

    /// The small fixture file is read completely, with lines.
    @Test func readsMinimalFile() throws {
        let api = try Self.read(try APIFolder.fixture("minimal-api.xml")) { result, _ in try result.get() }
        #expect(api.name == "libvirt-lxc")
        #expect(api.files.first?.exports == [CExport(symbol: "virDomainLxcEnterCGroup", kind: "function")])
        #expect(api.files.first?.summary == "A minimal description for reader tests")
        let function = try #require(api.functions.first)
        #expect(api.functions.count == 1)
        #expect(function.name == "virDomainLxcEnterCGroup")
        #expect(function.version == "2.0.0")
        #expect(function.returnType == "int")
        #expect(function.args.map(\.name) == ["domain", "flags"])
        #expect(function.args.map(\.type) == ["virDomainPtr", "unsigned int"])
        #expect(function.info == "Attaches the process to the control cgroups of @domain.")
        #expect(function.location.line == 11)
        #expect(api.enumValues.map(\.name) == ["VIR_TEST_FIRST", "VIR_TEST_SECOND"])
        #expect(api.enumValues.first?.value == 1)
        #expect(api.enumValues.first?.location.line == 17)
        #expect(api.enumValues.last?.rawValue == "VIR_TEST_FIRST")
        #expect(api.enumValues.last?.version == nil)
        #expect(api.macros.first?.rawValue == "42")
    }

    /// Reading a folder resolves enum values that name another constant.
    @Test func folderResolvesEnumReferences() throws {
        let values = try Reference.result().apis.flatMap(\.enumValues)
        let alias = try #require(values.first { $0.name == "VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE" })
        let target = try #require(values.first { $0.name == "VIR_CONNECT_LIST_DOMAINS_ACTIVE" })
        #expect(alias.rawValue == "VIR_CONNECT_LIST_DOMAINS_ACTIVE")
        #expect(alias.value == target.value)
        #expect(alias.value != 0)
    }

    /// Text that is not well-formed XML.
    static let malformed: [String] = [
        "not xml",
        "<api name='libvirt-lxc'><files></symbols></api>",
        "<api name='libvirt-lxc'>\n  <symbols>\n",
        "<api name='libvirt-lxc'>\n  <symbols>\n    <function name='virX' file='x",
    ]

    /// Malformed XML, unclosed elements included, is an error naming the file and a line.
    @Test(arguments: malformed)
    func malformedXMLIsAnError(text: String) throws {
        try Self.read(text) { result, path in
            #expect(throws: DiagnosticError.self) { try result.get() }
            guard case .failure(let error as DiagnosticError) = result else { return }
            #expect(error.diagnostic.location?.file == path)
            #expect((error.diagnostic.location?.line ?? 0) >= 1)
            #expect(error.diagnostic.message.hasPrefix("malformed XML"))
        }
    }

    /// Well-formed text the reader cannot use, the message it must give, and the line.
    static let invalid: [(String, String, Int)] = [
        ("<notapi/>", "expected an <api> root element, found <notapi>", 1),
        ("<api name='libvirt-lxc'>\n<symbols>\n<gizmo/>\n</symbols>\n</api>", "unexpected element <gizmo> in <symbols>", 3),
        ("<api name='libvirt-lxc'>\n<symbols>\n<function file='x'/>\n</symbols>\n</api>",
         "<function> lacks the 'name' attribute", 3),
        ("<api name='libvirt-lxc'>\n<symbols>\n\n<typedef name='virX' file='x' type='int (*)(void)'/>\n</symbols>\n</api>",
         "invalid C type 'int (*)(void)' in <typedef>", 4),
        ("<api name='libvirt-lxc'>\n<symbols>\n<enum name='VIR_X' value='1' value_bitshift='one' type='virX'/>\n</symbols>\n</api>",
         "invalid value_bitshift 'one'", 3),
    ]

    /// Unknown elements, missing attributes and invalid type strings are errors at their line.
    @Test(arguments: invalid)
    func invalidContentIsAnError(text: String, message: String, line: Int) throws {
        try Self.read(text) { result, path in
            guard case .failure(let error as DiagnosticError) = result else {
                Issue.record("read without error: \(text)")
                return
            }
            #expect(error.diagnostic.message == message)
            #expect(error.diagnostic.location == SourceLocation(file: path, line: line))
            #expect(error.description == "\(path):\(line): error: \(message)")
        }
    }
}
