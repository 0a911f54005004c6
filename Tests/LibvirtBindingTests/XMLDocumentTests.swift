import Foundation
import Libvirt
import LibvirtTypedXML
import LibvirtXML
import Testing

/// The typed XML documents: lossless reading and writing, errors with line and element path,
/// typed properties that edit the document, and the typed functions against the test driver.
@Suite("Typed XML documents")
struct XMLDocumentTests {
    /// A domain document with what no property models: an extension namespace, an unknown
    /// element and attribute, a comment and CDATA.
    static let extendedDomain = """
        <?xml version="1.0"?>
        <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0' future='yes'>
          <name>typed</name>
          <!-- kept -->
          <memory unit='KiB'>524288</memory>
          <description><![CDATA[a <raw> description]]></description>
          <devices>
            <disk type='file' device='cdrom'>
              <source file='/tmp/a &amp; b.iso'/>
              <target dev='hdc' bus='ide'/>
            </disk>
            <hologram model='next'/>
          </devices>
          <qemu:commandline>
            <qemu:arg value='-S'/>
          </qemu:commandline>
        </domain>
        """

    /// Reading and writing keeps every element, attribute, comment and text, and the writer's
    /// output reads back to the same tree.
    @Test("parse and write lose nothing")
    func lossless() throws {
        let domain = try DomainDescription(xml: Self.extendedDomain)
        let written = domain.xmlString()
        #expect(written.contains("<qemu:arg value='-S'/>"))
        #expect(written.contains("<hologram model='next'/>"))
        #expect(written.contains("future='yes'"))
        #expect(written.contains("<!-- kept -->"))
        #expect(written.contains("<![CDATA[a <raw> description]]>"))
        #expect(written.contains("file='/tmp/a &amp; b.iso'"))
        #expect(try DomainDescription(xml: written) == domain)
    }

    /// Typed properties read the document: attributes, texts, named values, nested views, arrays.
    @Test("typed properties read the document")
    func typedReading() throws {
        let domain = try DomainDescription(xml: Self.extendedDomain)
        #expect(domain.type == .kvm)
        #expect(domain.name == "typed")
        #expect(domain.memory?.value == 524_288)
        #expect(domain.memory?.unit == "KiB")
        let disk = try #require(domain.devices?.disks.first)
        #expect(disk.device == .cdrom)
        #expect(disk.type == .file)
        #expect(disk.target?.device == "hdc")
        #expect(domain.devices?.disks.count == 1)
        #expect(domain.description == "a <raw> description")
        var undashed = domain
        undashed.uuid = UUID(xmlText: "C7A5FDBD-EDAF-9455-926A-D65C16DB1809")
        #expect(undashed.xml.firstElement(named: "uuid")?.text == "c7a5fdbd-edaf-9455-926a-d65c16db1809")
        undashed.xml.replaceElements(named: "uuid", with: [RawXMLElement(name: "uuid", children: [.text("c7a5fdbdedaf9455926ad65c16db1809")])])
        #expect(undashed.uuid == UUID(uuidString: "c7a5fdbd-edaf-9455-926a-d65c16db1809"))
    }

    /// Setting properties edits the element in place; new elements go where the schema puts
    /// them; an unknown named value is kept as it is.
    @Test("typed properties write the document")
    func typedWriting() throws {
        var domain = try DomainDescription(xml: Self.extendedDomain)
        domain.memory?.value = 1_048_576
        domain.devices?.disks[0].device = "future-device"
        domain.title = "A title"
        let reread = try DomainDescription(xml: domain.xmlString())
        #expect(reread.memory?.value == 1_048_576)
        #expect(reread.devices?.disks[0].device?.rawValue == "future-device")
        let names = reread.xml.elements.map(\.name)
        let title = try #require(names.firstIndex(of: "title"))
        let name = try #require(names.firstIndex(of: "name"))
        #expect(title == name + 1)
        #expect(reread.xml.firstElement(named: "qemu:commandline") != nil)

        var network = NetworkDescription()
        network.bridge = NetworkDescription.Bridge()
        network.bridge?.name = "virbr9"
        network.name = "built"
        #expect(network.xml.elements.map(\.name) == ["name", "bridge"])
        #expect(network.xmlString() == "<network>\n  <name>built</name>\n  <bridge name='virbr9'/>\n</network>\n")
    }

    /// Malformed input is an error naming the line and the element path, never a crash; a
    /// document of another kind is refused.
    @Test("variants follow their attribute, read and write")
    func variants() throws {
        var domain = try DomainDescription(xml: """
            <domain type='kvm'><name>v</name><devices>
              <disk type='network' device='disk'>
                <driver name='qemu'/>
                <source protocol='nbd' name='export'><host name='example.org' port='10809'/></source>
                <target dev='vda'/>
              </disk>
              <disk device='cdrom'><source file='/iso/a.iso'/><target dev='hdc'/></disk>
              <disk type='future' device='disk'><source novel='1'/><target dev='vdb'/></disk>
            </devices></domain>
            """)
        var disks = try #require(domain.devices?.disks)
        guard case .network(var network)? = disks[0].variant else { Issue.record("not a network disk"); return }
        #expect(network.source?.protocol == "nbd")
        #expect(network.source?.hosts.first?.name == "example.org")
        guard case .file(let file)? = disks[1].variant else { Issue.record("a disk without type is not a file disk"); return }
        #expect(file.source?.file == "/iso/a.iso")
        #expect(disks[2].variant == nil)
        #expect(disks[2].xml.firstElement(named: "source")?.attribute("novel") == "1")

        // Through the case's view and back: the change lands, the rest stays in place.
        network.source?.name = "other"
        disks[0].variant = .network(network)
        #expect(disks[0].xml.elements.map(\.name) == ["driver", "source", "target"])
        #expect(disks[0].xml.firstElement(named: "source")?.attribute("name") == "other")

        // A new variant replaces the old one's source and writes the attribute.
        var block = DomainDescription.Devices.Disk.Variant.Block()
        block.source = .init()
        block.source?.device = "/dev/sdb"
        disks[0].variant = .block(block)
        #expect(disks[0].type == .block)
        #expect(disks[0].xml.elements.map(\.name) == ["driver", "source", "target"])
        #expect(disks[0].xml.firstElement(named: "source")?.attributes.map(\.name) == ["dev"])
        domain.devices?.disks = disks
        let written = try DomainDescription(xml: domain.xmlString())
        guard case .block(let read)? = written.devices?.disks.first?.variant else { Issue.record("not a block disk"); return }
        #expect(read.source?.device == "/dev/sdb")
        // The variant's source counts as typed; the unknown variant's stays raw.
        #expect(disks[0].typedShare().typed == disks[0].typedShare().total)
        #expect(disks[2].typedShare().total - disks[2].typedShare().typed == 2)

        disks[0].variant = nil
        #expect(disks[0].type == nil && disks[0].xml.firstElement(named: "source") == nil)
    }

    @Test("sizes read and write their unit")
    func sizes() throws {
        var domain = try DomainDescription(xml: Self.extendedDomain)
        #expect(domain.memory?.size == .kibibytes(524_288))
        #expect(domain.memory?.size?.bytes == 536_870_912)
        domain.memory?.size = .gibibytes(1)
        #expect(domain.memory?.xml.attribute("unit") == "GiB" && domain.memory?.xml.text == "1")
        #expect(domain.memory?.size?.bytes == 1 << 30)
        domain.memory?.xml.setAttribute("unit", nil)
        #expect(domain.memory?.size == nil)
        #expect(domain.memory?.size(defaultUnit: "KiB") == .kibibytes(1))
        let scales: [(String, UInt64?)] = [
            ("bytes", 1), ("B", 1), ("k", 1024), ("KiB", 1024), ("KB", 1000), ("m", 1 << 20), ("MB", 1_000_000),
            ("G", 1 << 30), ("TiB", 1 << 40), ("E", 1 << 60), ("x", nil), ("KiBB", nil), ("", nil),
        ]
        for (unit, scale) in scales { #expect(XMLSize.scale(of: unit) == scale, "\(unit)") }
        #expect(XMLSize(UInt64.max, unit: "KiB").bytes == nil)
        #expect(XMLSize(bytes: 7).unit == "bytes")
    }

    @Test("bad input gets the line and element path")
    func errors() {
        let cases: [(String, Int, [String], String)] = [
            ("<domain>\n  <devices>\n</domain>", 3, ["domain", "devices"], "</domain> closes <devices>"),
            ("<domain>\n  <name>x</name>\n", 3, ["domain"], "unexpected end of the document, expected </domain>"),
            ("<domain a='1' a='2'/>", 1, ["domain"], "attribute 'a' given twice"),
            ("<domain>&bogus;</domain>", 1, ["domain"], "unknown reference '&bogus;'"),
            ("", 1, [], "the document holds no element"),
        ]
        for (text, line, path, message) in cases {
            #expect(throws: LibvirtXMLError(line: line, path: path, message: message)) { try DomainDescription(xml: text) }
        }
        #expect(throws: LibvirtXMLError(line: 1, path: ["domain"], message: "expected <network>, found <domain>")) {
            try NetworkDescription(xml: "<domain/>")
        }
        let deep = String(repeating: "<a>", count: 100_000)
        #expect(throws: LibvirtXMLError.self) { try DomainDescription(xml: "<domain>" + deep) }
    }

    /// Every truncation and every single-byte change of a document reads or throws
    /// `LibvirtXMLError`: never a crash, never another error.
    @Test("damaged documents throw, never crash")
    func damagedDocuments() {
        let bytes = Array(Self.extendedDomain.utf8)
        var thrown = 0
        var damaged: [String] = []
        for end in 0..<bytes.count { damaged.append(String(decoding: bytes[..<end], as: UTF8.self)) }
        for (index, replacement) in zip(bytes.indices, [UInt8]("<>&'\"/=!?-x\u{0}".utf8).cycled()) {
            var copy = bytes
            copy[index] = replacement
            damaged.append(String(decoding: copy, as: UTF8.self))
        }
        for text in damaged {
            do {
                _ = try DomainDescription(xml: text).xmlString()
            } catch is LibvirtXMLError {
                thrown += 1
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        #expect(thrown > bytes.count)
    }

    /// The test driver's domain reads typed, changes its memory, is defined under a new name
    /// and reads back with the change; its typed share is reported.
    @Test("the test driver's domain round-trips through the typed API")
    func testDriverDomain() throws {
        let connection = try Connection(uri: defaultTestURI)
        let test = try connection.domain(named: "test")
        var description = try test.description()
        #expect(description.name == "test")
        #expect(description.uuid == (try test.uuid))
        #expect(description.devices != nil)
        let name = uniqueName("typed")
        description.name = name
        description.uuid = nil
        description.memory?.value = 2_097_152
        description.currentMemory?.value = 1_048_576
        let domain = try connection.defineDomain(description)
        defer { try? domain.undefine() }
        let reread = try domain.description()
        #expect(reread.name == name)
        #expect(reread.memory?.value == 2_097_152)
        #expect(reread.currentMemory?.value == 1_048_576)
        let share = reread.typedShare()
        #expect(share.typed == share.total, "typed \(share.typed) of \(share.total)")
    }

    /// The other documents the test driver gives read typed: networks, pools, capabilities.
    @Test("the test driver's other documents read typed")
    func testDriverDocuments() throws {
        let connection = try Connection(uri: defaultTestURI)
        let network = try connection.network(named: "default").description()
        #expect(network.name == "default")
        #expect(network.bridge?.name == "virbr0")
        let pool = try connection.storagePool(named: "default-pool").description()
        #expect(pool.name == "default-pool")
        let capabilities = try connection.capabilitiesDescription()
        #expect(capabilities.host?.cpu?.arch != nil)
        #expect(!capabilities.guests.isEmpty)
    }

    /// The XML documents article's example, as written there, against the test driver.
    @Test("the article's example runs")
    func articleExample() throws {
        do {
            let connection = try Connection(uri: defaultTestURI)
            var description = try connection.domain(named: "test").description()
            #expect(description.memory?.unit == "KiB")
            description.name = uniqueName("copy")
            description.uuid = nil
            description.memory?.size = .gibibytes(2)
            var sources: [String] = []
            for disk in description.devices?.disks ?? [] {
                switch disk.variant {
                case .file(let file)?: sources.append("file \(file.source?.file ?? "") \(disk.target?.device ?? "")")
                case .network(let network)?: sources.append("\(network.source?.protocol ?? "") \(network.source?.hosts.count ?? 0)")
                default: sources.append("\(disk.type ?? "") \(disk.target?.device ?? "")")
                }
            }
            let copy = try connection.defineDomain(description)
            defer { try? copy.undefine() }
            #expect(try copy.description().memory?.size?.bytes == 2 << 30)
            #expect(sources.count == description.devices?.disks.count)

            var network = NetworkDescription()
            network.name = uniqueName("isolated")
            network.bridge = NetworkDescription.Bridge()
            network.bridge?.name = "virbr9"
            let defined = try connection.defineNetwork(network)
            defer { try? defined.undefine() }
            #expect(try defined.description().bridge?.name == "virbr9")
        }
    }
}

extension Array {
    /// The elements repeated without end.
    func cycled() -> UnfoldSequence<Element, Int> {
        sequence(state: 0) { index in
            defer { index = (index + 1) % count }
            return isEmpty ? nil : self[index]
        }
    }
}
