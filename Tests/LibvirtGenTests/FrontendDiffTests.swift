import Foundation
import LibvirtGenCore
import LibvirtGenReports
import LibvirtGenModel
import LibvirtGenXML
import Testing

/// `FrontendDiff`: what counts as a difference between the two frontends' models.
@Suite("Comparing the two frontends' models")
struct FrontendDiffTests {
    /// The fixture's model as the XML frontend reads it.
    private func model() throws -> [CAPI] { try XMLFrontend().read(folder: HeaderFixtures.api) }

    /// Equal models have no differences.
    @Test func equal() throws {
        let diff = FrontendDiff(xml: try model(), headers: try model())
        #expect(diff.differences == [])
        #expect(diff.symbolCount == 29)
    }

    /// Types, values, fields, versions and missing symbols are differences; documentation is not.
    @Test func differences() throws {
        var headers = try model()
        headers[0].functions[0].args[0].type = "virConnectPtr"
        headers[0].functions[0].args[0].name = "renamed"
        headers[0].functions[0].info = "other documentation"
        headers[0].enumValues[0].value = 4
        headers[0].structs[2].fields[2].unionMembers![0].type = "long long"
        headers[0].typedefs[0].version = nil
        headers[0].macros.removeFirst()
        headers[3].functions[0].file = "libvirt-host"
        #expect(FrontendDiff(xml: try model(), headers: headers).differences == [
            "enum VIR_DOMAIN_COPY_REUSE: value: API XML '2', headers '4'",
            "function virAdmConnectOpen: file: API XML 'libvirt-admin', headers 'libvirt-host'",
            "function virDomainGetName: argument types: API XML 'virDomainPtr', headers 'virConnectPtr'",
            "macro LIBVIR_CHECK_VERSION: only in the API XML",
            "struct virDomainStat: fields: API XML 'field: char field[VIR_DOMAIN_FIELD_LENGTH]; type: int; "
                + "value: union { l: long long int; s: char * }; names: unsigned char **', headers 'field: char "
                + "field[VIR_DOMAIN_FIELD_LENGTH]; type: int; value: union { l: long long; s: char * }; names: unsigned char **'",
            "typedef virConnectPtr: version: API XML '0.0.1', headers '-'",
        ])
    }

    /// A symbol in another library is a difference.
    @Test func library() throws {
        var headers = try model()
        headers[1].functions.append(headers[0].functions.removeFirst())
        #expect(FrontendDiff(xml: try model(), headers: headers).differences == [
            "function virDomainGetName: library: API XML 'libvirt', headers 'libvirt-qemu'",
        ])
    }
}
