@testable import LibvirtGenCore
import LibvirtGenModel
@testable import LibvirtGenSwift
import Testing

/// What makes two handles equal: the overrides data's `handleIdentity` entries become
/// `HandleIdentity` values, scoped to the object's connection where the object has one, and the
/// Swift renderer spells each as the expression `Hashable` compares.
@Suite("Handle identity")
struct HandleIdentityTests {
    @Test("override entries name the identity; anything else is the address", arguments: [
        ("uuid:virDomainGetUUIDString", HandleIdentity.uuid(getter: "virDomainGetUUIDString")),
        ("string:virStorageVolGetKey", .string(getter: "virStorageVolGetKey")),
        ("id:virAdmClientGetID", .number(getter: "virAdmClientGetID")),
        ("child:virDomainSnapshotGetDomain:virDomainGetUUIDString:virDomainSnapshotGetName",
         .child(parentGetter: "virDomainSnapshotGetDomain", parentUUIDGetter: "virDomainGetUUIDString",
                nameGetter: "virDomainSnapshotGetName")),
        ("uuid", .address),
    ])
    func entries(entry: String, identity: HandleIdentity) {
        #expect(PackageBuilder.identity(entry) == identity)
    }

    @Test("no entry: the address")
    func noEntry() {
        #expect(PackageBuilder.identity(nil) == .address)
    }

    @Test("the lowering scopes identities to the connection, except the address")
    func lowered() throws {
        let handles = try Reference.package().modules.flatMap(\.files).compactMap(\.handle)
        let byName = Dictionary(uniqueKeysWithValues: handles.map { ($0.name, $0) })
        let domain = try #require(byName["Domain"])
        #expect(domain.identity == .uuid(getter: "virDomainGetUUIDString"))
        #expect(domain.identityConnectionGetter == "virDomainGetConnect")
        let connection = try #require(byName["Connection"])
        #expect(connection.identity == .address)
        #expect(connection.identityConnectionGetter == nil)
    }

    @Test("each identity's Swift expression", arguments: [
        (HandleIdentity.uuid(getter: "virDomainGetUUIDString"), "uuidIdentity(pointer, virDomainGetUUIDString)"),
        (.string(getter: "virStorageVolGetKey"), "virStorageVolGetKey(pointer).map { String(cString: $0) } ?? \"\""),
        (.number(getter: "virAdmClientGetID"), "String(virAdmClientGetID(pointer))"),
        (.child(parentGetter: "p", parentUUIDGetter: "u", nameGetter: "n"),
         "(p(pointer).map { uuidIdentity($0, u) } ?? \"\") + \"/\" + (n(pointer).map { String(cString: $0) } ?? \"\")"),
        (.address, "String(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(pointer))))"),
    ])
    func spelling(identity: HandleIdentity, expression: String) {
        #expect(HandleView.expression(identity) == expression)
    }

    @Test("a connection-scoped identity prefixes the connection's address")
    func scoped() throws {
        let domain = try #require(try Reference.package().modules.flatMap(\.files).compactMap(\.handle).first { $0.name == "Domain" })
        #expect(HandleView(domain).identityExpression
            == "String(UInt(bitPattern: virDomainGetConnect(pointer))) + \"/\" + (uuidIdentity(pointer, virDomainGetUUIDString))")
    }
}
