@testable import LibvirtGenCore
import LibvirtGenModel
import Testing

/// `Connection.close()`: which handles can be closed, how an object reaches its connection to
/// check it, and which calls check.
@Suite("Explicit connection closing")
struct ConnectionClosingTests {
    /// Every handle class of the reference package by C type.
    private func handles() throws -> [String: HandleClass] {
        let all = try Reference.package().modules.flatMap(\.files).compactMap(\.handle)
        return Dictionary(uniqueKeysWithValues: all.map { ($0.cType, $0) })
    }

    /// Connections are closable; only the one whose objects reach it makes them check.
    @Test("connections are closable")
    func closable() throws {
        let handles = try handles()
        #expect(handles["virConnect"]?.closable == true)
        #expect(handles["virConnect"]?.objectsCheckClosing == true)
        #expect(handles["virAdmConnect"]?.closable == true)
        #expect(handles["virAdmConnect"]?.objectsCheckClosing == false)
        #expect(handles["virDomain"]?.closable == false)
    }

    /// An object reaches its connection through its own getter or through its parent's.
    @Test("objects reach their connection through borrowing getters")
    func getters() throws {
        let handles = try handles()
        #expect(handles["virDomain"]?.connectionGetters == ["virDomainGetConnect"])
        #expect(handles["virDomainSnapshot"]?.connectionGetters == ["virDomainSnapshotGetConnect"])
        #expect(handles["virNetworkPort"]?.connectionGetters == ["virNetworkPortGetNetwork", "virNetworkGetConnect"])
        #expect(handles["virStream"]?.connectionGetters == [])
        #expect(handles["virConnect"]?.connectionGetters == [])
    }

    /// The rule on names alone: a parent getter counts only when the parent has a connection getter.
    @Test("a parent without a connection getter gives no path")
    func parentRule() {
        let names: Set<String> = ["virThingGetBox", "virBoxGetConnect", "virOtherGetBox"]
        #expect(PackageBuilder.connectionGetters(of: "virThing", handles: ["virThing", "virBox"], functionNames: names)
            == ["virThingGetBox", "virBoxGetConnect"])
        #expect(PackageBuilder.connectionGetters(of: "virOther", handles: ["virOther"], functionNames: names) == [])
        #expect(PackageBuilder.connectionGetters(of: "virAdmConnect", handles: [], functionNames: names) == [])
    }

    /// Throwing instance members of checking classes check; static functions, initializers and
    /// non-throwing members do not.
    @Test("which calls check")
    func checkingCalls() throws {
        #expect(try Reference.function("virDomainGetInfo").checksClosing)
        #expect(try Reference.function("virConnectListAllDomains").checksClosing)
        #expect(try Reference.function("virNetworkPortDelete").checksClosing)
        #expect(try !Reference.function("virDomainGetName").checksClosing)
        #expect(try !Reference.function("virAdmConnectOpen").checksClosing)
        #expect(try !Reference.function("virNWFilterBindingDelete").checksClosing)
    }
}
