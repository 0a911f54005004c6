import LibvirtGenCore
import LibvirtGenModel
import Testing

/// The event methods the lowering gives each family: on the connection, one event kind, several,
/// and the form that throws when the connection closes; on the object, where its class has a
/// property giving its connection, the last two filtered to it; a buffering policy everywhere.
@Suite("Event methods")
struct EventMethodTests {
    /// The event families of the main module by object type.
    static func families() throws -> [String: EventFamily] {
        let package = try Reference.package()
        let families = package.modules.flatMap(\.files).compactMap(\.events)
        return Dictionary(uniqueKeysWithValues: families.map { ($0.objectType, $0) })
    }

    @Test("the connection has one-kind, several-kind and throwing methods")
    func connectionMethods() throws {
        let domain = try #require(try Self.families()["Domain"])
        #expect(domain.connectionMethods.map(\.declaration) == [
            "func domainEvents(_ id: Domain.EventID, domain: Domain? = nil, "
                + "bufferingPolicy: AsyncStream<Domain.Event>.Continuation.BufferingPolicy = .unbounded) "
                + "throws -> AsyncStream<Domain.Event>",
            "func domainEvents(_ ids: [Domain.EventID], domain: Domain? = nil, "
                + "bufferingPolicy: AsyncStream<Domain.Event>.Continuation.BufferingPolicy = .unbounded) "
                + "throws -> AsyncStream<Domain.Event>",
            "func domainEventsThrowingOnClose(_ ids: [Domain.EventID], domain: Domain? = nil, "
                + "bufferingPolicy: AsyncThrowingStream<Domain.Event, any Error>.Continuation.BufferingPolicy = .unbounded) "
                + "throws -> AsyncThrowingStream<Domain.Event, any Error>",
        ])
        #expect(domain.symbol == "Connection.domainEvents(_:domain:bufferingPolicy:)")
        #expect(domain.connectionMethods.map(\.body) == [.oneKind, .subscribe(throwing: false), .subscribe(throwing: true)])
    }

    /// Objects whose class has a `connection` property (from `vir<Object>GetConnect`) get
    /// `events` and `eventsThrowingOnClose`; a node device, which cannot tell its connection, none.
    @Test("objects that can tell their connection have their own methods")
    func objectMethods() throws {
        let families = try Self.families()
        for object in ["Domain", "Network", "StoragePool", "Secret"] {
            let family = try #require(families[object])
            #expect(family.objectMethods.map(\.symbol) == [
                "\(object).events(_:bufferingPolicy:)", "\(object).eventsThrowingOnClose(_:bufferingPolicy:)",
            ])
            #expect(family.objectMethods.map(\.body) == [
                .forward(connection: "connection", method: family.methodName),
                .forward(connection: "connection", method: family.methodName + "ThrowingOnClose"),
            ])
        }
        #expect(try #require(families["NodeDevice"]).objectMethods.isEmpty)
    }

    @Test("every method takes a buffering policy, unbounded by default, and documents it")
    func bufferingPolicy() throws {
        for family in try Self.families().values {
            for method in family.methods {
                let parameter = try #require(method.parameters.last)
                #expect(parameter.label == "bufferingPolicy" && parameter.defaultValue == .unbounded, "\(method.symbol)")
                #expect(method.doc.parameters.contains { $0.name == "bufferingPolicy" && $0.text.contains("none is lost") })
            }
        }
    }

    @Test("coverage names the family's connection methods for its C functions")
    func coverageSymbols() throws {
        let symbols = try Reference.package().symbols
        let register = try #require(symbols.first { $0.name == "virConnectDomainEventRegisterAny" })
        #expect(register.swift == "Connection.domainEvents(_:domain:bufferingPolicy:)")
        let deregister = try #require(symbols.first { $0.name == "virConnectNetworkEventDeregisterAny" })
        #expect(deregister.swift == "Connection.networkEvents(_:network:bufferingPolicy:)")
    }
}
