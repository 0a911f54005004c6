import LibvirtGenCore
import LibvirtGenModel
import Testing

/// Struct fields whose comment libvirt's API description attaches to the field before (a comment
/// written above fields) take their documentation from the overrides data's `fieldDocs`.
@Suite("Field documentation")
struct FieldDocsTests {
    /// The generated field of a C struct, by its Swift name.
    private static func field(_ name: String, of cStruct: String) throws -> StructField {
        let structs = try Reference.package().modules.flatMap(\.files).flatMap(\.structs)
        let owner = try #require(structs.first { $0.cName == cStruct })
        return try #require(owner.fields.first { $0.name == name })
    }

    /// A block job's bandwidth is a speed limit (libvirt's XML gives it the progress paragraph
    /// written above `cur` and `end`), and the cursor fields say what they measure.
    @Test func blockJobInfo() throws {
        let bandwidth = try Self.field("bandwidth", of: "virDomainBlockJobInfo").doc.lines.joined(separator: " ")
        #expect(bandwidth.contains("MiB/s") && bandwidth.contains("bytes/s"), "\(bandwidth)")
        #expect(!bandwidth.contains("progress"), "\(bandwidth)")
        #expect(try Self.field("current", of: "virDomainBlockJobInfo").doc.lines.joined().contains("from 0 up to `end`"))
        #expect(try Self.field("end", of: "virDomainBlockJobInfo").doc.lines.joined().contains("complete"))
    }

    /// A job's type names its enum (libvirt's XML gives it "Time is measured in milliseconds"),
    /// which also types the field; the time and data fields say their units.
    @Test func jobInfo() throws {
        let type = try Self.field("type", of: "virDomainJobInfo")
        #expect(type.doc.lines == ["The kind of job, one of `Domain.JobType`."])
        #expect(type.type == .named("Domain.JobType"))
        #expect(try Self.field("timeElapsed", of: "virDomainJobInfo").doc.lines.joined().contains("milliseconds"))
        let remaining = try Self.field("timeRemaining", of: "virDomainJobInfo").doc.lines.joined(separator: " ")
        #expect(remaining.contains("milliseconds") && !remaining.contains("bytes"), "\(remaining)")
        #expect(try Self.field("dataTotal", of: "virDomainJobInfo").doc.lines.joined().contains("bytes"))
        let memory = try Self.field("memoryRemaining", of: "virDomainJobInfo").doc.lines.joined(separator: " ")
        #expect(memory.contains("memory") && !memory.contains("disk"), "\(memory)")
        #expect(try Self.field("fileTotal", of: "virDomainJobInfo").doc.lines.joined().contains("disk file"))
    }

    /// Every `fieldDocs` key names a field of a struct in the checked-in description.
    @Test func keysNameFields() throws {
        let structs = try Reference.result().apis.flatMap(\.structs)
        let fields = Set(structs.flatMap { s in s.fields.map { "\(s.name).\($0.name)" } })
        for key in try Overrides.builtIn().fieldDocs.keys {
            #expect(fields.contains(key), "\(key)")
        }
    }
}
