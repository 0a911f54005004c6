import Foundation
@testable import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import Testing

/// Representative cases of the hostile-input corpus (`.ci/corpus-check`), small enough for every
/// `swift test`: names the rules must escape generate valid declarations, and input that would
/// crash, expand entities or name invalid identifiers fails with one diagnostic line.
@Suite("Hostile input")
struct HostileInputTests {
    /// A copy of the checked-in folder in `folder`/api with `file`'s text transformed.
    static func folder(in folder: URL, _ file: String, _ transform: (String) throws -> String) throws -> URL {
        let api = folder.appendingPathComponent("api")
        try APIFolder.copyReference(to: api)
        let url = api.appendingPathComponent(file)
        try Data(transform(String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        return api
    }

    /// `text` with `old` replaced once; the test fails when `old` is not there.
    static func replacing(_ old: String, with new: String, in text: String) throws -> String {
        let range = try #require(text.range(of: old))
        return text.replacingCharacters(in: range, with: new)
    }

    /// A function and an argument named with Swift keywords are declared in backticks.
    @Test func keywordNamesAreEscaped() throws {
        try withTemporaryFolder { temporary in
            let api = try Self.folder(in: temporary, "libvirt-api.xml") { text in
                let renamed = try Self.replacing(
                    "name='virDomainSetAutostart'", with: "name='virDomainFileprivate'", in: text)
                return try Self.replacing(
                    "<arg name='user' type='const char *' info='the username that will get a new password'/>",
                    with: "<arg name='class' type='const char *' info='the username'/>", in: renamed)
            }
            let functions = try Pipeline().run(apiXML: api).package.modules.flatMap(\.files).flatMap(\.functions)
            let renamed = try #require(functions.first { $0.cName == "virDomainFileprivate" })
            #expect(renamed.name == "`fileprivate`")
            let password = try #require(functions.first { $0.cName == "virDomainSetUserPassword" })
            #expect(password.parameters.map(\.name).contains("`class`"), "\(password.parameters.map(\.name))")
        }
    }

    /// Two C fields whose Swift names coincide (`type` and `Type`): the second keeps its C name.
    @Test func collidingFieldNames() throws {
        try withTemporaryFolder { temporary in
            let api = try Self.folder(in: temporary, "libvirt-api.xml") { text in
                try Self.replacing(
                    "<field name='mac' type='char *' info='MAC address'/>",
                    with: "<field name='Type' type='int' info='a second type'/>", in: text)
            }
            let structs = try Pipeline().run(apiXML: api).package.modules.flatMap(\.files).flatMap(\.structs)
            let lease = try #require(structs.first { $0.cName == "virNetworkDHCPLease" })
            let names = lease.fields.map(\.name)
            #expect(names.contains("type") && names.contains("`Type`"), "\(names)")
            #expect(Set(names).count == names.count)
        }
    }

    /// A type whose array bound names a macro nothing defines is a broken reference, reported at its struct.
    @Test func undefinedArrayBound() throws {
        try withTemporaryFolder { temporary in
            let api = try Self.folder(in: temporary, "libvirt-api.xml") { text in
                try Self.replacing(
                    "<macro name='VIR_TYPED_PARAM_FIELD_LENGTH'", with: "<macro name='VIR_TYPED_PARAM_FIELD_0'", in: text)
            }
            let error = try #require(throws: DiagnosticError.self) { try Pipeline().run(apiXML: api) }
            #expect(error.diagnostic.location?.file == api.appendingPathComponent("libvirt-api.xml").path)
            #expect((error.diagnostic.location?.line ?? 0) > 0)
            #expect(error.diagnostic.message.contains(
                "array bound 'VIR_TYPED_PARAM_FIELD_LENGTH' of field 'field'"), "\(error)")
        }
    }

    /// A C type the hand-written runtime relies on, renamed consistently, is reported instead of
    /// generating a package whose runtime names a type that no longer exists.
    @Test func runtimeDependencyRenamed() throws {
        try withTemporaryFolder { temporary in
            let api = try Self.folder(in: temporary, "libvirt-api.xml") {
                $0.replacing(/\bvirConnectCredential\b/, with: "virConnectElse")
            }
            let result = try Pipeline().run(apiXML: api)
            let error = try #require(throws: DiagnosticError.self) {
                try GeneratedPackageFiles.render(result.package, apis: result.apis)
            }
            #expect(error.diagnostic.location?.file == api.appendingPathComponent("libvirt-api.xml").path)
            #expect(error.diagnostic.message.contains("(ConnectionAuth.swift) uses Connection.Credential"), "\(error)")
        }
    }

    /// Without the macro sizing UUID buffers, functions filling one are not bound (rather than bound
    /// with code naming a constant that does not exist).
    @Test func uuidBufferWithoutItsMacro() throws {
        try withTemporaryFolder { temporary in
            let api = try Self.folder(in: temporary, "libvirt-api.xml") {
                try Self.replacing("<macro name='VIR_UUID_BUFLEN'", with: "<macro name='VIR_UUID_SIZE'", in: $0)
            }
            let package = try Pipeline().run(apiXML: api).package
            let functions = package.modules.flatMap(\.files).flatMap(\.functions)
            #expect(!functions.contains { $0.cName == "virDomainGetUUID" })
            #expect(functions.contains { $0.cName == "virDomainGetName" })
            let status = try #require(package.symbols.first { $0.name == "virDomainGetUUID" })
            #expect(status.status == .notYetBound)
            #expect(status.reason?.contains("VIR_UUID_BUFLEN") == true)
        }
    }

    /// Input the generator must refuse, with what the one diagnostic line must say.
    enum Refused: String, CaseIterable, Sendable {
        /// 100,000 nested elements (tearing the tree down used to overflow the stack).
        case deepNesting
        /// An argument whose name is not a C identifier.
        case notAnIdentifier
        /// An argument named with a C keyword.
        case cKeyword
        /// Two arguments of one function with the same name.
        case duplicateArgument
        /// Entities that would expand to gigabytes.
        case billionLaughs
        /// A version that is not numbers and dots (it ends up in C string literals).
        case badVersion
        /// A function returning an array, which C cannot declare.
        case arrayResult
        /// A field whose array type declares another field's name.
        case arrayOfAnotherName
        /// A handle's pointer typedef that does not point to the object.
        case handlePointer

        /// The file the mutation damages.
        var file: String {
            switch self {
            case .arrayOfAnotherName: "libvirt-api.xml"
            case .handlePointer: "libvirt-admin-api.xml"
            default: "libvirt-lxc-api.xml"
            }
        }

        /// The text transformation and the message.
        var mutation: (transform: @Sendable (String) throws -> String, message: String) {
            switch self {
            case .deepNesting:
                return ({ text in
                    try HostileInputTests.replacing(
                        "<info>", with: String(repeating: "<b>", count: 100_000) + String(repeating: "</b>", count: 100_000)
                            + "<info>", in: text)
                }, "nested more than 64 levels")
            case .notAnIdentifier:
                return ({ try HostileInputTests.replacing("<arg name='nfdlist'", with: "<arg name='two words'", in: $0) },
                        "invalid C identifier 'two words'")
            case .cKeyword:
                return ({ try HostileInputTests.replacing("<arg name='nfdlist'", with: "<arg name='default'", in: $0) },
                        "invalid C identifier 'default'")
            case .duplicateArgument:
                return ({ try HostileInputTests.replacing("<arg name='nfdlist'", with: "<arg name='domain'", in: $0) },
                        "duplicate argument 'domain'")
            case .badVersion:
                return ({ try HostileInputTests.replacing("version='2.0.0'", with: "version='2\\\"0'", in: $0) },
                        "invalid version '2\\\"0' of <function>")
            case .arrayResult:
                return ({ try HostileInputTests.replacing("<return type='int'", with: "<return type='char x[4]'", in: $0) },
                        "the result of 'virDomainLxcEnterCGroup' cannot have an array type")
            case .arrayOfAnotherName:
                return ({ try HostileInputTests.replacing("<field name='doi'", with: "<field name='where'", in: $0) },
                        "of field 'where' of 'virSecurityModel' declares 'doi'")
            case .handlePointer:
                return ({
                    try HostileInputTests.replacing(
                        "<typedef name='virAdmClientPtr' file='libvirt-admin' type='virAdmClient *'",
                        with: "<typedef name='virAdmClientPtr' file='libvirt-admin' type='void **'", in: $0)
                }, "'virAdmClientPtr' must be 'virAdmClient *' (the pointer to a libvirt object), not 'void **'")
            case .billionLaughs:
                let entities = (1...9).map { "<!ENTITY l\($0) \"\(String(repeating: "&l\($0 - 1);", count: 10))\">" }
                let doctype = "<!DOCTYPE api [<!ENTITY l0 \"lol\">\(entities.joined())]>\n"
                return ({ text in
                    try HostileInputTests.replacing(
                        "info='a domain object'", with: "info='&l9;'",
                        in: HostileInputTests.replacing("<api name=", with: doctype + "<api name=", in: text))
                }, "malformed XML")
            }
        }
    }

    /// Each refused input exits 1 with one `file:line: error:` line and leaves the output folder alone.
    @Test(arguments: Refused.allCases)
    func refused(input: Refused) throws {
        try withTemporaryFolder { temporary in
            let (transform, message) = input.mutation
            let api = try Self.folder(in: temporary, input.file, transform)
            let output = temporary.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data("kept\n".utf8).write(to: output.appendingPathComponent("sentinel"))
            let run = try CLI.run(["generate", "--api-xml", api.path, "--output", output.path])
            let file = api.appendingPathComponent(input.file).path
            BadInputTests.checkDiagnostic(
                run, BadInput.Expected(apiFolder: api, file: file, lines: 1...20_000, message: message))
            #expect(try FolderContents.names(output) == ["sentinel"])
        }
    }

    /// An external entity naming a local file is never read: its text appears nowhere.
    @Test func externalEntityIsNotRead() throws {
        try withTemporaryFolder { temporary in
            let secret = temporary.appendingPathComponent("secret.txt")
            try Data("HOSTILE-INPUT-CANARY\n".utf8).write(to: secret)
            let api = try Self.folder(in: temporary, "libvirt-lxc-api.xml") { text in
                try Self.replacing(
                    "info='a domain object'", with: "info='&xxe;'",
                    in: Self.replacing(
                        "<api name=", with: "<!DOCTYPE api [<!ENTITY xxe SYSTEM \"\(secret.path)\">]>\n<api name=", in: text))
            }
            let output = temporary.appendingPathComponent("out")
            let run = try CLI.run(["generate", "--api-xml", api.path, "--output", output.path])
            #expect(run.exitedNormally && (run.status == 0 || run.status == 1), "stderr: \(run.stderr)")
            #expect(!run.stderr.contains("HOSTILE-INPUT-CANARY"))
            let files = FileManager.default.fileExists(atPath: output.path) ? try FolderContents.read(output) : [:]
            #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("HOSTILE-INPUT-CANARY") })
        }
    }
}
