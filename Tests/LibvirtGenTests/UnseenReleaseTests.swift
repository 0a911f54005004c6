import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import LibvirtGenSwift
import Testing

/// What a release the overrides data has never seen gets without new overrides: a new
/// typed-parameter function and the macros naming its keys, and a string argument documented as
/// accepting NULL, added to a copy of the checked-in description and read through the XML frontend.
@Suite("Unseen release")
struct UnseenReleaseTests {
    /// The symbols a newer release adds: a function taking typed parameters, four macros whose
    /// prefix spells its name, and one macro no family or rule places.
    static let fragment = """
        <function name='virDomainAnnounceInterface' file='libvirt-domain' module='libvirt-domain' version='12.0.0'>
          <info><![CDATA[Announces the guest's network interfaces again.]]></info>
          <return type='int' info='0 in case of success, -1 in case of failure'/>
          <arg name='domain' type='virDomainPtr' info='pointer to domain object'/>
          <arg name='alias' type='const char *' info='the interface alias, or NULL for every interface'/>
          <arg name='params' type='virTypedParameterPtr' info='announcement parameters'/>
          <arg name='nparams' type='int' info='number of parameters'/>
          <arg name='flags' type='unsigned int' info='extra flags; not used yet, so callers should always pass 0'/>
        </function>
        <macro name='VIR_DOMAIN_ANNOUNCE_INTERFACE_INITIAL' file='libvirt-domain' string='initial' version='12.0.0'>
          <info><![CDATA[Initial delay in milliseconds, as a uint.]]></info>
        </macro>
        <macro name='VIR_DOMAIN_ANNOUNCE_INTERFACE_MAX' file='libvirt-domain' string='max' version='12.0.0'>
          <info><![CDATA[Maximum delay in milliseconds, as a uint.]]></info>
        </macro>
        <macro name='VIR_DOMAIN_ANNOUNCE_INTERFACE_ROUNDS' file='libvirt-domain' string='rounds' version='12.0.0'>
          <info><![CDATA[Number of announcements, as a uint.]]></info>
        </macro>
        <macro name='VIR_DOMAIN_ANNOUNCE_INTERFACE_STEP' file='libvirt-domain' string='step' version='12.0.0'>
          <info><![CDATA[Delay increase in milliseconds, as a uint.]]></info>
        </macro>
        <macro name='VIR_DOMAIN_UNHEARD_OF_FIELD' file='libvirt-domain' string='unheard-of' version='12.0.0'>
          <info><![CDATA[A name no function is named after.]]></info>
        </macro>

        """

    /// The pipeline's result for the checked-in description with ``fragment`` added.
    static func result() throws -> Pipeline.Result {
        try withTemporaryFolder { temporary in
            let api = temporary.appendingPathComponent("api")
            try APIFolder.copyReference(to: api)
            let file = api.appendingPathComponent("libvirt-api.xml")
            let text = try String(contentsOf: file, encoding: .utf8)
            let end = try #require(text.range(of: "  </symbols>"))
            try Data(text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: fragment).utf8).write(to: file)
            return try Pipeline().run(apiXML: api)
        }
    }

    /// The new function takes `Domain.AnnounceInterfaceParameter` keys and an optional alias, the
    /// key type holds the four macros, and the macro nothing places stays `unaccounted` with a warning.
    @Test func newFunctionGetsTypedKeysAndOptionalString() throws {
        let result = try Self.result()
        let functions = result.package.modules.flatMap(\.files).flatMap(\.functions)
        let announce = try #require(functions.first { $0.cName == "virDomainAnnounceInterface" })
        let parameters = announce.parameters.map(\.declaration)
        #expect(parameters == [
            "alias: String? = nil", "parameters: TypedParameters<Domain.AnnounceInterfaceParameter>",
        ])

        let families = result.package.modules.flatMap(\.files).flatMap(\.keyFamilies)
        let family = try #require(families.first { $0.name == "AnnounceInterfaceParameter" })
        #expect(family.keys.map(\.name) == ["initial", "max", "rounds", "step"])

        let symbols = Dictionary(result.package.symbols.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(symbols["VIR_DOMAIN_ANNOUNCE_INTERFACE_ROUNDS"]?.status == .generated)
        #expect(symbols["VIR_DOMAIN_ANNOUNCE_INTERFACE_ROUNDS"]?.swift == "Domain.AnnounceInterfaceParameter.rounds")
        #expect(symbols["VIR_DOMAIN_UNHEARD_OF_FIELD"]?.status == .unaccounted)
        #expect(result.diagnostics.warnings.contains { $0.message.hasPrefix("VIR_DOMAIN_UNHEARD_OF_FIELD: ") })
        #expect(!symbols.values.contains { $0.status == .unaccounted && $0.name != "VIR_DOMAIN_UNHEARD_OF_FIELD" })
    }
}
