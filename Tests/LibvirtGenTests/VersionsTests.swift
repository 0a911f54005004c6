import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenSwift
import Testing

/// Every checked-in libvirt release lowers completely with no special casing: 7.0.0 (whose files
/// carry no versions), 9.0.0, and 11.3.0 (which adds access-control checks and new API).
@Suite("libvirt versions")
struct VersionsTests {
    /// No warnings, nothing unaccounted or waiting for a shape, and the Swift files render.
    @Test(arguments: ["7.0.0", "9.0.0", "11.3.0"])
    func lowersCompletely(version: String) throws {
        let result = try Pipeline().run(apiXML: Reference.root.appendingPathComponent("api-xml/\(version)"))
        #expect(result.package.libvirtVersion == version)
        #expect(result.diagnostics.warnings.isEmpty, "\(result.diagnostics.warnings.prefix(3).map(\.description))")
        let open = result.package.symbols.filter { $0.status == .unaccounted || $0.status == .notYetBound }
        #expect(open.isEmpty, "\(open.prefix(5).map(\.name))")
        let files = try SwiftRenderer().render(result.package)
        #expect(files["Sources/Libvirt/Generated/Domain.swift"]?.contains("public final class Domain") == true)
    }

    /// 7.0.0's descriptions carry no versions, so nothing claims one; 11.3.0's carry ACL checks.
    @Test func versionAttributes() throws {
        let old = try Pipeline().run(apiXML: Reference.root.appendingPathComponent("api-xml/7.0.0"))
        #expect(old.package.symbols.allSatisfy { $0.since == nil })
        let new = try Pipeline().run(apiXML: Reference.root.appendingPathComponent("api-xml/11.3.0"))
        #expect(new.apis[0].functions.contains { !$0.acls.isEmpty })
    }
}
