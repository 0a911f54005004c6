import Foundation
@testable import LibvirtGenClang
import LibvirtGenCore
import LibvirtGenReports
import LibvirtGenerator
import LibvirtGenDocs
import LibvirtGenModel
import LibvirtGenXML
import Testing

/// The header fixtures and the installed headers the libclang frontend is checked against.
enum HeaderFixtures {
    /// Whether libclang can be loaded; the tests that parse headers need it (CI installs `libclang1-14`).
    static let libclangAvailable = (try? ClangLibrary()) != nil

    /// Miniature libvirt headers exercising every kind of declaration.
    static let headers = Reference.root.appendingPathComponent("Tests/LibvirtGenTests/Fixtures/clang/headers")

    /// The API XML libvirt's builder writes for ``headers`` (documentation aside).
    static let api = Reference.root.appendingPathComponent("Tests/LibvirtGenTests/Fixtures/clang/api")

    /// The installed headers, when they are libvirt 9.0.0's (the version of `api-xml/9.0.0`).
    static let installed: URL? = {
        let folder = URL(fileURLWithPath: "/usr/include/libvirt")
        let common = (try? String(contentsOf: folder.appendingPathComponent("libvirt-common.h"), encoding: .utf8)) ?? ""
        return common.contains("# define LIBVIR_VERSION_NUMBER 9000000") ? folder : nil
    }()

    /// Copies ``headers`` to `folder`.
    static func copy(to folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: headers.path) {
            try FileManager.default.copyItem(
                at: headers.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }
}

/// Without libclang, reading headers fails with one line saying how to install it.
@Test func missingLibclang() throws {
    let error = #expect(throws: DiagnosticError.self) { try ClangLibrary(candidates: ["libclang-missing.so.1"]) }
    #expect(error?.description.contains("apt-get install libclang1-14") == true)
    #expect(error?.description.contains("\n") == false)
}

/// The libclang frontend: header fixtures against the API XML they should give, the installed
/// headers against `api-xml/9.0.0`, and broken input. Skipped, with the reason, without libclang.
@Suite(
    "The libclang frontend",
    .enabled(if: HeaderFixtures.libclangAvailable, "libclang is not installed (apt-get install libclang1-14)"))
struct HeaderFrontendTests {
    /// The fixture headers give the model of their API XML.
    @Test func fixtureMatchesItsXML() throws {
        let diff = FrontendDiff(
            xml: try XMLFrontend().read(folder: HeaderFixtures.api),
            headers: try HeaderFrontend().read(folder: HeaderFixtures.headers))
        #expect(diff.differences == [])
        #expect(diff.symbolCount == 29)
    }

    /// Libraries, groups, values, versions and macros as the XML has them.
    @Test func fixtureDetails() throws {
        let apis = try HeaderFrontend().read(folder: HeaderFixtures.headers)
        #expect(apis.map(\.name) == ["libvirt", "libvirt-qemu", "libvirt-lxc", "libvirt-admin"])
        let libvirt = apis[0]
        let values = Dictionary(uniqueKeysWithValues: libvirt.enumValues.map { ($0.name, $0) })
        #expect(values["VIR_DOMAIN_COPY_TOP"]?.value == 2_147_483_648, "1U << 31 is 2^31, not a negative int")
        #expect(values["VIR_DOMAIN_COPY_TOP"]?.bitshift == 31)
        #expect(values["VIR_DOMAIN_COPY_REUSE"]?.version == "3.5.0", "the comment before the constant")
        #expect(values["VIR_DOMAIN_LAST"]?.version == "0.9.5", "the comment after a sentinel")
        #expect(values["VIR_DOMAIN_NOSTATE"]?.info == "no state")
        #expect(values["VIR_DOMAIN_NOSTATE"]?.file == "libvirt-domain")
        let macros = Dictionary(uniqueKeysWithValues: libvirt.macros.map { ($0.name, $0) })
        #expect(Set(macros.keys) == [
            "LIBVIR_CHECK_VERSION", "LIBVIR_VERSION_NUMBER", "VIR_DOMAIN_FIELD_LENGTH", "VIR_DOMAIN_SCHED_WEIGHT",
            "VIR_UUID_BUFLEN",
        ], "include guards and reserved names are not API")
        #expect(macros["LIBVIR_CHECK_VERSION"]?.params == ["major", "minor", "micro"])
        #expect(macros["LIBVIR_CHECK_VERSION"]?.rawValue
            == "((major) * 1000000 + (minor) * 1000 + (micro) <= LIBVIR_VERSION_NUMBER)")
        #expect(macros["VIR_DOMAIN_SCHED_WEIGHT"]?.stringValue == "weight")
        #expect(macros["VIR_UUID_BUFLEN"]?.params == nil)
        let recvHole = try #require(libvirt.functions.first { $0.name == "virDomainRecvHole" })
        #expect(recvHole.args.map(\.name) == ["arg1", "length"], "an unnamed parameter gets a placeholder name")
        #expect(recvHole.version == nil && recvHole.info.isEmpty, "the headers carry no function documentation")
    }

    /// The installed 9.0.0 headers give the model of api-xml/9.0.0.
    @Test(.enabled(if: HeaderFixtures.installed != nil,
        "the installed libvirt headers are not 9.0.0's (apt-get install libvirt-dev on Debian 12)"))
    func installedHeadersMatchAPIXML() throws {
        let diff = FrontendDiff(
            xml: try XMLFrontend().read(folder: Reference.apiFolder),
            headers: try HeaderFrontend().read(folder: try #require(HeaderFixtures.installed)))
        #expect(diff.differences == [])
        #expect(diff.symbolCount > 2000)
    }

    /// With the XML's documentation, the installed headers generate the bindings of api-xml/9.0.0, naming
    /// the headers as their source.
    @Test(.enabled(if: HeaderFixtures.installed != nil, "the installed libvirt headers are not 9.0.0's"))
    func bindingsFromHeaders() throws {
        let folder = try #require(HeaderFixtures.installed)
        let input = GeneratorInput.headers(folder, documentation: Reference.apiFolder)
        let fromHeaders = try GeneratedPackageFiles.render(try Pipeline().run(input: input).package)
        let fromXML = try GeneratedPackageFiles.render(try Reference.package())
        #expect(fromHeaders.keys.sorted() == fromXML.keys.sorted())
        #expect(fromHeaders["Sources/Libvirt/Generated/Domain.swift"]?
            .hasPrefix("// Generated by libvirt-swiftgen from libvirt.h (libvirt 9.0.0). DO NOT EDIT.\n") == true)
        // Apart from the file they name as their source, the files are the same.
        let naming = { (text: String?) in
            HeaderFrontend.topHeaders.reduce(text ?? "") { text, header in
                text.replacingOccurrences(of: "from \(header) (", with: "from \(header.dropLast(2))-api.xml (")
            }
        }
        #expect(fromXML.keys.filter { naming(fromHeaders[$0]) != fromXML[$0] }.sorted() == [])

        let alone = try Pipeline().run(HeaderFrontend(), folder: folder).package
        // The statistics keys are listed only in documentation (9.0.0's headers have no key macros).
        let fileNames = { (package: BindingPackage) in
            package.modules.map { $0.files.map(\.name).filter { $0 != "DomainStatsRecord+Libvirt.swift" } }
        }
        #expect(alone.modules.flatMap(\.files).allSatisfy { $0.statsViews.isEmpty })
        #expect(fileNames(alone) == fileNames(try Reference.package()),
                "without documentation, the same files (fewer flags typed, and C parameter names from the prototypes)")
    }

    /// A header that does not parse is an error at its file and line.
    @Test func brokenHeader() throws {
        try withTemporaryFolder { folder in
            try HeaderFixtures.copy(to: folder)
            let domain = folder.appendingPathComponent("libvirt-domain.h")
            var text = try String(contentsOf: domain, encoding: .utf8)
            text = text.replacingOccurrences(
                of: "const char *            virDomainGetName", with: "const char * * ( virDomainGetName")
            try text.write(to: domain, atomically: true, encoding: .utf8)
            let line = text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("( virDomainGetName") }! + 1
            let error = #expect(throws: DiagnosticError.self) { try HeaderFrontend().read(folder: folder) }
            #expect(error?.diagnostic.location == SourceLocation(file: domain.path, line: line))

            let result = try CLI.run(["diff-frontends", "--api-xml", HeaderFixtures.api.path, "--headers", folder.path])
            #expect(result.status == 1)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderrLines.first?.hasPrefix("\(domain.path):\(line): error: ") == true)
            #expect(!result.showsStackTrace)
        }
    }

    /// A folder without libvirt's top-level headers is an error naming the missing one.
    @Test func missingHeader() throws {
        try withTemporaryFolder { folder in
            try HeaderFixtures.copy(to: folder)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("libvirt-admin.h"))
            let result = try CLI.run(
                ["generate", "--headers", folder.path, "--output", folder.appendingPathComponent("out").path])
            #expect(result.status == 1)
            #expect(result.stderrLines == [
                "\(folder.appendingPathComponent("libvirt-admin.h").path): error: missing header (expected libvirt's "
                    + "public headers libvirt.h, libvirt-qemu.h, libvirt-lxc.h, libvirt-admin.h)",
            ])
        }
    }

    /// diff-frontends prints each difference and exits 1.
    @Test func diffFrontendsReportsDifferences() throws {
        try withTemporaryFolder { folder in
            try HeaderFixtures.copy(to: folder)
            let domain = folder.appendingPathComponent("libvirt-domain.h")
            let text = try String(contentsOf: domain, encoding: .utf8)
                .replacingOccurrences(of: "VIR_DOMAIN_PMSUSPENDED = 7", with: "VIR_DOMAIN_PMSUSPENDED = 9")
            try text.write(to: domain, atomically: true, encoding: .utf8)
            let result = try CLI.run(["diff-frontends", "--api-xml", HeaderFixtures.api.path, "--headers", folder.path])
            #expect(result.status == 1)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains("enum VIR_DOMAIN_PMSUSPENDED: value: API XML '7', headers '9'"))
            #expect(lines.contains("enum VIR_DOMAIN_LAST: value: API XML '8', headers '10'"))
            #expect(lines.last?.hasPrefix("2 differences in 29 symbols (API XML read in ") == true)
        }
    }

    /// --headers and --api-xml together are a usage error.
    @Test func exclusiveInputs() throws {
        let result = try CLI.run(
            ["generate", "--api-xml", HeaderFixtures.api.path, "--headers", HeaderFixtures.headers.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("mutually exclusive"))
    }
}
