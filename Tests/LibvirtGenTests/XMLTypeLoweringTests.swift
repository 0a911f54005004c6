import Foundation
@testable import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenerator
import Testing

/// The lowering of schemas to typed XML views, one rule per test on small schemas.
@Suite("XML type lowering")
struct XMLTypeLoweringTests {
    /// Lowers a one-file schema whose start is `body`'s `doc` element.
    static func lower(_ body: String, embeds: [String: String]? = nil) throws -> XMLDocumentTypes {
        let grammar = try RNGReaderTests.read(["main.rng": body])
        let overrides = try Overrides.builtIn()
        let lowering = XMLTypeLowering(naming: Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms))
        return try lowering.lower(grammar, spec: XMLDocumentSpec(schema: "main.rng", type: "Doc", embeds: embeds))
    }

    /// The properties of the view at `path`, Swift name → (place, value).
    static func properties(_ types: XMLDocumentTypes, _ path: [String]) -> [String: XMLProperty] {
        let view = types.views.first { $0.path == path }
        return Dictionary(uniqueKeysWithValues: (view?.properties ?? []).map { ($0.name, $0) })
    }

    /// XML names split at `-`, `_`, `:` and `.` (ASCII ones as bytes, others as characters: a
    /// separator joined to a combining mark is no separator), then at case changes.
    @Test(arguments: [
        ("current-memory", ["current", "memory"]), ("xmlns:qemu", ["xmlns", "qemu"]), ("a.b_c-dE", ["a", "b", "c", "dE"]),
        ("--x", ["x"]), ("", []), ("café-menu", ["café", "menu"]), ("x-\u{301}y", ["x-\u{301}y"]),
    ] as [(String, [String])])
    func nameWords(name: String, parts: [String]) throws {
        let overrides = try Overrides.builtIn()
        let naming = Naming(abbreviations: overrides.abbreviations, acronyms: overrides.acronyms)
        #expect(XMLTypeLowering(naming: naming).words(name) == naming.expand(parts.flatMap(Naming.camelWords)))
    }

    /// Attribute values: booleans by their two spellings, value lists as named values (`type` is
    /// `Kind`), numeric datatypes as numbers (a decimal-or-`0x` choice too), libvirt's two UUID
    /// spellings as a UUID, the rest strings.
    @Test func attributeValues() throws {
        let types = try Self.lower("""
            <start><element name="doc">
              <attribute name="acpi"><choice><value>yes</value><value>no</value></choice></attribute>
              <attribute name="state"><choice><value>on</value><value>off</value></choice></attribute>
              <attribute name="type"><choice><value>kvm</value><value>qemu-tcg</value><value>x86_64</value></choice></attribute>
              <attribute name="count"><data type="unsignedInt"/></attribute>
              <attribute name="size"><data type="unsignedLong"/></attribute>
              <attribute name="slot"><choice><data type="string"><param name="pattern">0x[0-9a-fA-F]{1,2}</param></data><data type="int"/></choice></attribute>
              <attribute name="ratio"><data type="double"/></attribute>
              <attribute name="mode"><choice><value>auto</value><data type="unsignedInt"/></choice></attribute>
              <attribute name="hex"><data type="string"><param name="pattern">(0x)?[0-9a-f]+</param></data></attribute>
              <attribute name="current-memory"/>
              <attribute name="uuid"><choice>
                <data type="string"><param name="pattern">[a-fA-F0-9]{32}</param></data>
                <data type="string"><param name="pattern">[a-fA-F0-9]{8}\\-([a-fA-F0-9]{4}\\-){3}[a-fA-F0-9]{12}</param></data>
              </choice></attribute>
            </element></start>
            """)
        let properties = Self.properties(types, ["Doc"])
        #expect(properties["acpi"]?.value == .boolean(onOff: false))
        #expect(properties["state"]?.value == .boolean(onOff: true))
        #expect(properties["type"]?.value == .named(path: ["Doc", "Kind"]))
        #expect(properties["count"]?.value == .integer)
        #expect(properties["size"]?.value == .unsignedInteger)
        #expect(properties["slot"]?.value == .integer)
        #expect(properties["ratio"]?.value == .number)
        #expect(properties["mode"]?.value == .string)
        #expect(properties["hex"]?.value == .string)
        #expect(properties["currentMemory"]?.xmlName == "current-memory")
        #expect(properties["uuid"]?.value == .uuid)
        let kind = try #require(types.views.first?.namedValues.first)
        #expect(kind.name == "Kind")
        #expect(kind.values.map(\.name) == ["kvm", "qemuTcg", "x86_64"])
    }

    /// Child elements: text-only ones are values, empty ones flags, repeated ones arrays with a
    /// plural name, others nested views; an element with attributes and text has a `value`.
    @Test func childElements() throws {
        let types = try Self.lower("""
            <start><element name="doc">
              <element name="name"><text/></element>
              <optional><element name="acpi"><empty/></element></optional>
              <zeroOrMore><element name="address"><attribute name="ip"/></element></zeroOrMore>
              <zeroOrMore><element name="alias"><text/></element></zeroOrMore>
              <element name="memory"><attribute name="unit"/><data type="unsignedLong"/></element>
            </element></start>
            """)
        let properties = Self.properties(types, ["Doc"])
        #expect(properties["name"]?.place == .child)
        #expect(properties["name"]?.value == .string)
        #expect(properties["acpi"]?.value == .flag)
        #expect(properties["addresses"]?.place == .children)
        #expect(properties["addresses"]?.value == .view(path: ["Doc", "Address"]))
        #expect(properties["aliases"]?.value == .string)
        #expect(properties["aliases"]?.place == .children)
        #expect(properties["memory"]?.value == .view(path: ["Doc", "Memory"]))
        #expect(Self.properties(types, ["Doc", "Memory"])["value"]?.place == .text)
        #expect(Self.properties(types, ["Doc", "Memory"])["value"]?.value == .unsignedInteger)
        #expect(types.views.map(\.path) == [["Doc"], ["Doc", "Address"], ["Doc", "Memory"]])
        #expect(types.views[1].elementPath == ["doc", "address"])
    }

    /// The branches of a choice merge into one view; a recursive element reuses its view; an
    /// element of any content is a view (raw access), not a flag; an embedded document's root is
    /// that document's type; a child element's name an attribute took gets `Element`.
    @Test func mergingRecursionAndEmbedding() throws {
        let types = try Self.lower("""
            <start><element name="doc">
              <attribute name="type"><choice><value>file</value><value>block</value></choice></attribute>
              <choice>
                <element name="source"><attribute name="file"/></element>
                <element name="source"><attribute name="dev"/></element>
              </choice>
              <ref name="store"/>
              <element name="metadata"><zeroOrMore><element><anyName/><text/></element></zeroOrMore></element>
              <optional><element name="domain"><element name="uuid"><text/></element></element></optional>
              <attribute name="name"/>
              <element name="name"><text/></element>
            </element></start>
            <define name="store"><optional><element name="backingStore"><attribute name="index"/><ref name="store"/></element></optional></define>
            """, embeds: ["domain": "DomainDescription"])
        let properties = Self.properties(types, ["Doc"])
        #expect(properties["type"]?.value == .named(path: ["Doc", "Kind"]))
        #expect(types.views.first?.namedValues.first?.values.map(\.value) == ["file", "block"])
        #expect(Set(Self.properties(types, ["Doc", "Source"]).keys) == ["file", "device"])
        #expect(properties["backingStore"]?.value == .view(path: ["Doc", "BackingStore"]))
        #expect(Self.properties(types, ["Doc", "BackingStore"])["backingStore"]?.value == .view(path: ["Doc", "BackingStore"]))
        #expect(properties["metadata"]?.value == .view(path: ["Doc", "Metadata"]))
        #expect(properties["domain"]?.value == .view(path: ["DomainDescription"]))
        #expect(properties["name"]?.place == .attribute)
        #expect(properties["nameElement"]?.place == .child)
    }

    /// Whether a child repeats is counted through definitions, each counted once per document and
    /// reused; a count cut short by a reference back into a definition being walked (a
    /// recursion without an element between, which RELAX NG forbids but a hostile schema may
    /// hold) is not reused, so that every summary sees what it would see alone: here `<a>`
    /// repeats whether the walk enters the loop at `d` or at `e`.
    @Test func repeatedChildrenCountedThroughDefinitions() {
        let a = RNGPattern.element(.name("a", namespace: ""), .empty)
        let grammar = RNGGrammar(start: nil, defines: [
            "d": .group([a, .ref("e")]), "e": .group([.ref("d"), a]), "twice": .group([.ref("one"), .ref("one")]), "one": a,
        ], locations: [:])
        let entries: [[RNGPattern]] = [[.ref("d")], [.ref("e")], [.ref("twice")], [.ref("one")], [.ref("e"), .ref("one")]]
        let shared = XMLOccurrenceCache()
        for contents in entries {
            let alone = XMLContentSummary(contents, grammar: grammar, occurrences: XMLOccurrenceCache()).children.map { [$0.name: $0.repeated] }
            let reusing = XMLContentSummary(contents, grammar: grammar, occurrences: shared).children.map { [$0.name: $0.repeated] }
            #expect(reusing == alone, "\(contents)")
        }
        #expect(XMLContentSummary([.ref("e")], grammar: grammar, occurrences: shared).children.map(\.repeated) == [true])
        #expect(XMLContentSummary([.ref("one")], grammar: grammar, occurrences: shared).children.map(\.repeated) == [false])
    }

    /// A choice whose branches fix one attribute to their own values is the element's variants:
    /// a case per value (values with the same branch share its view), each case's view holding
    /// what its branch adds; the value whose branch makes the attribute optional is the default;
    /// what every branch holds alike stays the element's; of two selecting attributes the one with
    /// more values wins, the other's choice merging as before.
    @Test func variantsByAttribute() throws {
        let types = try Self.lower("""
            <start><element name="doc">
              <choice>
                <group><optional><attribute name="device"><value>disk</value></attribute></optional><ref name="source"/></group>
                <group><attribute name="device"><value>lun</value></attribute><attribute name="rawio"/><ref name="source"/></group>
              </choice>
              <element name="target"><attribute name="dev"/></element>
            </element></start>
            <define name="source">
              <choice>
                <group>
                  <optional><attribute name="type"><value>file</value></attribute></optional>
                  <element name="source"><attribute name="file"/></element><element name="name"><text/></element>
                </group>
                <group>
                  <attribute name="type"><choice><value>block</value><value>char</value></choice></attribute>
                  <element name="source"><attribute name="dev"/></element><element name="name"><text/></element>
                </group>
                <group>
                  <attribute name="type"><value>network</value></attribute>
                  <element name="source"><attribute name="protocol"/><zeroOrMore><element name="host"><attribute name="name"/></element></zeroOrMore></element>
                  <element name="name"><text/></element>
                </group>
              </choice>
            </define>
            """)
        let root = try #require(types.views.first)
        let variants = try #require(root.variants)
        #expect(variants.name == "Variant")
        #expect(variants.propertyName == "variant")
        #expect(variants.attribute == "type")
        #expect(variants.defaultValue == "file")
        #expect(variants.cases.map(\.name) == ["file", "block", "char", "network"])
        #expect(variants.cases.map { $0.view.last } == ["File", "Block", "Block", "Network"])
        #expect(variants.attributes.isEmpty)
        #expect(variants.children == ["source"])
        #expect(root.childOrder == ["source", "name", "target"])
        let properties = Self.properties(types, ["Doc"])
        #expect(Set(properties.keys) == ["device", "type", "rawio", "name", "target"])
        #expect(properties["device"]?.value == .named(path: ["Doc", "Device"]))
        let file = try #require(types.views.first { $0.path == ["Doc", "Variant", "File"] })
        #expect(file.elementName == "doc")
        #expect(file.selector == XMLVariantSelector(attribute: "type", values: ["file"]))
        #expect(file.childOrder == ["source", "name", "target"])
        #expect(Set(file.properties.map(\.name)) == ["source"])
        #expect(Set(Self.properties(types, ["Doc", "Variant", "File", "Source"]).keys) == ["file"])
        #expect(Set(Self.properties(types, ["Doc", "Variant", "Network", "Source"]).keys) == ["protocol", "hosts"])
    }

    /// A number with a `unit` attribute (libvirt's `scaledInteger`) holds a size; with child
    /// elements, or a unit that is not text, it does not.
    @Test func sizes() throws {
        let types = try Self.lower("""
            <start><element name="doc">
              <element name="memory"><optional><attribute name="unit"><ref name="unit"/></attribute></optional><data type="unsignedLong"/></element>
              <element name="cache"><attribute name="unit"><ref name="unit"/></attribute><element name="level"><text/></element><data type="unsignedLong"/></element>
              <element name="rate"><attribute name="unit"><choice><value>yes</value><value>no</value></choice></attribute><data type="unsignedLong"/></element>
            </element></start>
            <define name="unit"><data type="string"><param name="pattern">[kKmMgG]i?[bB]?</param></data></define>
            """)
        #expect(types.views.first { $0.path == ["Doc", "Memory"] }?.holdsSize == true)
        #expect(types.views.first { $0.path == ["Doc", "Cache"] }?.holdsSize == false)
        #expect(types.views.first { $0.path == ["Doc", "Rate"] }?.holdsSize == false)
    }

    /// A variant's case never takes the name of its enum's own members (`init`, `selection`).
    @Test func variantCasesAvoidTheEnumsMembers() throws {
        let types = try Self.lower("""
            <start><element name="doc"><choice>
              <group><attribute name="type"><value>selection</value></attribute><element name="a"><text/></element></group>
              <group><attribute name="type"><value>init</value></attribute><element name="b"><text/></element></group>
            </choice></element></start>
            """)
        #expect(types.views.first?.variants?.cases.map(\.name) == ["selection2", "init2"])
        #expect(types.views.first?.variants?.cases.map(\.value) == ["selection", "init"])
    }

    /// A choice whose branches fix an attribute and otherwise hold the same is no variants.
    @Test func choiceOfAttributeValuesOnly() throws {
        let types = try Self.lower("""
            <start><element name="doc"><choice>
              <group><attribute name="mode"><value>a</value></attribute><ref name="name"/></group>
              <group><attribute name="mode"><value>b</value></attribute><ref name="name"/></group>
              <group><attribute name="mode"><value>c</value></attribute><ref name="name"/></group>
            </choice></element></start>
            <define name="name"><element name="name"><text/></element></define>
            """)
        #expect(types.views.first?.variants == nil)
        #expect(Self.properties(types, ["Doc"])["mode"]?.value == .named(path: ["Doc", "Mode"]))
        #expect(Self.properties(types, ["Doc"])["name"]?.place == .child)
    }

    /// The 9.0.0 domain lowers to views that reach the elements users edit most.
    @Test func domainDocument() throws {
        let types = try #require(try Reference.package().xmlDocuments.first { $0.spec.type == "DomainDescription" })
        #expect(types.rootElement == "domain")
        let devices = Self.properties(types, ["DomainDescription", "Devices"])
        #expect(devices["disks"]?.value == .view(path: ["DomainDescription", "Devices", "Disk"]))
        #expect(devices["interfaces"]?.place == .children)
        #expect(Self.properties(types, ["DomainDescription"])["memory"]?.value == .view(path: ["DomainDescription", "Memory"]))
        #expect(types.views.count > 250)
        let disk = try #require(types.views.first { $0.path == ["DomainDescription", "Devices", "Disk"] })
        #expect(disk.variants?.attribute == "type")
        #expect(disk.variants?.cases.map(\.value) == ["file", "block", "dir", "network", "volume", "nvme", "vhostuser"])
        let source = Self.properties(types, ["DomainDescription", "Devices", "Disk", "Variant", "Network"])["source"]
        guard case .view(let sourcePath)? = source?.value else { Issue.record("a network disk's source is no view"); return }
        let network = Self.properties(types, sourcePath)
        #expect(network["protocol"] != nil && network["hosts"]?.place == .children)
        #expect(types.views.first { $0.path == ["DomainDescription", "Memory"] }?.holdsSize == true)
        let hostdev = try #require(types.views.first { $0.path == ["DomainDescription", "Devices", "Hostdev"] })
        #expect(hostdev.variants?.cases.map(\.value) == ["pci", "usb", "scsi", "scsi_host", "mdev", "storage", "misc", "net"])
    }

    /// The build-tool plugin's single file is the `Libvirt` module alone: the typed documents and
    /// their functions, which need `LibvirtXML`, stay out even when the input has schemas.
    @Test func singleFileLeavesTheDocumentsOut() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("Libvirt.swift")
            _ = try runGenerator(input: .apiXML(Reference.apiFolder), output: .moduleFiles([file], cModule: "CLibvirtSystem"))
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("public func defineDomain(xml: String)"))
            #expect(!text.contains("LibvirtXML"))
            #expect(!text.contains("DomainDescription"))
        }
    }
}
