@testable import LibvirtGenCore
import LibvirtGenModel
import Testing

/// String arguments whose documentation says they may be NULL are `String? = nil`
/// (`NullableArgument`), with no entry in the overrides data.
@Suite("Nullable arguments")
struct NullableArgumentTests {
    /// Argument texts from libvirt's descriptions (and near misses) and whether they allow NULL.
    @Test(arguments: [
        ("the channel name, or NULL", true),
        ("uri of the daemon to connect to, NULL for default", true),
        ("path to file within backing chain that contains data to be merged, or device shorthand, or NULL to merge all possible data", true),
        ("name of backend driver that will be used for later device assignment to a domain. NULL means \"use the hypervisor default driver\"", true),
        ("ignored; pass NULL", true),
        ("(optional) URI for target libvirtd if @flags includes VIR_MIGRATE_PEER2PEER", true),
        ("Optional ASCII formatted MAC address of an interface", true),
        ("the domain name; may be NULL", true),
        ("the username that will get a new password", false),
        ("must not be NULL", false),
        ("must be non-NULL for a running domain", false),
        ("cannot be NULL", false),
        ("an optionally compressed image", false),
    ])
    func documented(info: String, allowsNull: Bool) {
        #expect(NullableArgument.documented(info) == allowsNull)
    }

    /// `virDomainMigrateToURI3`'s `dconnuri` is documented "(optional)" and must be NULL without
    /// `VIR_MIGRATE_PEER2PEER`: the destination URI is optional.
    @Test func migrateToURI3DestinationIsOptional() throws {
        let destination = try #require(try Reference.function("virDomainMigrateToURI3").parameters.first)
        #expect(destination.name == "destinationURI")
        #expect(destination.type == .optional(.named("String")))
        #expect(destination.defaultValue == .noValue)
    }
}
