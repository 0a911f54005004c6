@testable import LibvirtGenCore
import LibvirtGenModel
@testable import LibvirtGenSwift
import Testing

/// The call shapes real libvirt functions are sorted into (DESIGN §3): each shape has one template,
/// so the shape decides how the C contract (status, ownership, counts) is honoured.
@Suite("Call shapes")
struct CallShapeTests {
    /// C function, expected shape, expected Swift result type (nil for `Void`).
    static let cases: [(String, CallShape, String?)] = [
        ("virDomainSuspend", .status, nil),
        ("virDomainGetInfo", .status, "Domain.Info"),
        ("virDomainIsActive", .boolean, "Bool"),
        ("virConnectIsAlive", .boolean, "Bool"),
        ("virDomainGetMaxVcpus", .value, "Int"),
        ("virConnectNumOfDomains", .value, "Int"),
        ("virDomainLookupByName", .ownedHandle, "Domain"),
        ("virDomainDefineXML", .ownedHandle, "Domain"),
        ("virDomainGetConnect", .borrowedHandle, "Connection"),
        ("virStorageVolGetConnect", .borrowedHandle, "Connection"),
        ("virDomainGetXMLDesc", .ownedString, "String"),
        ("virConnectGetHostname", .ownedString, "String"),
        ("virDomainGetName", .borrowedString, "String"),
        ("virConnectListAllDomains", .count, "[Domain]"),
        ("virStoragePoolListAllVolumes", .count, "[StorageVolume]"),
        ("virConnectListDefinedDomains", .nameList, "[String]"),
        ("virConnectListNetworks", .nameList, "[String]"),
        ("virConnectListDomains", .idList, "[Int32]"),
        ("virAdmConnectOpen", .initializer, "AdminConnection"),
        ("virDomainOpenGraphicsFD", .value, "Int32"),
        ("virConnectNumOfSecrets", .value, "Int"),
        ("virConnectCompareCPU", .value, "CPUCompareResult"),
        ("virStorageVolUpload", .status, nil),
        ("virAdmClientClose", .status, nil),
    ]

    /// Each function is sorted into the expected shape with the expected Swift result.
    @Test(arguments: cases)
    func shape(cName: String, shape: CallShape, returnType: String?) throws {
        let function = try Reference.function(cName)
        #expect(function.shape == shape)
        #expect(function.returnType?.spelling == returnType)
    }

    /// String arguments are borrowed as C strings through `withCString` (no heap copy per call),
    /// optional ones through the runtime's `withOptionalCString`; a call with more strings than
    /// the limit keeps Swift's implicit conversion rather than nesting closures.
    @Test(arguments: [
        ("virDomainLookupByName", [CStringArgument(name: "name", optional: false)]),
        ("virConnectGetMaxVcpus", [CStringArgument(name: "type", optional: true)]),
        ("virConnectDomainXMLToNative", [
            CStringArgument(name: "nativeFormat", optional: false), CStringArgument(name: "xml", optional: false),
        ]),
        ("virConnectGetDomainCapabilities", []),
        ("virDomainGetInfo", []),
    ])
    func borrowedCStrings(cName: String, strings: [CStringArgument]) throws {
        #expect(try Reference.function(cName).cStrings == strings)
    }

    /// Shapes decide whether a declaration throws: only borrowed strings and failure-free numbers do not.
    @Test(arguments: cases)
    func throwing(cName: String, shape: CallShape, returnType: String?) throws {
        let function = try Reference.function(cName)
        #expect(function.throwing == !(shape == .borrowedString || shape == .plainValue))
    }

    /// Declaration kinds: zero-parameter getters are properties, opening is an initializer.
    @Test(arguments: [
        ("virDomainGetName", DeclarationKind.property),
        ("virDomainIsActive", .property),
        ("virConnectGetURI", .property),
        ("virDomainGetInfo", .method),
        ("virDomainSuspend", .method),
        ("virDomainLookupByName", .method),
        ("virAdmConnectOpen", .initializer),
        ("virGetVersion", .staticMethod),
    ])
    func declarationKind(cName: String, kind: DeclarationKind) throws {
        #expect(try Reference.function(cName).kind == kind)
    }

    /// A `value` shape knows its failure value; `virDomainGetMaxVcpus` fails with -1.
    @Test func valueShapeFailureValue() throws {
        #expect(try Reference.function("virDomainGetMaxVcpus").failureValue == .minusOne)
    }

    /// Handle results wrap the pointer: owned ones take over the reference, borrowed ones retain.
    @Test func handleOwnership() throws {
        #expect(try Reference.function("virDomainLookupByName").result == .handle(type: "Domain", retaining: false))
        #expect(try Reference.function("virDomainGetConnect").result == .handle(type: "Connection", retaining: true))
    }

    /// Flags become a defaulted `options:` parameter of the enum libvirt names; unused flags disappear.
    @Test func flagsParameters() throws {
        let xml = try #require(try Reference.function("virDomainGetXMLDesc").parameters.last)
        #expect(xml.declaration == "options: Domain.XMLOptions = []")
        #expect(try Reference.function("virDomainSuspend").parameters.isEmpty)
        let listAll = try #require(try Reference.function("virConnectListAllDomains").parameters.last)
        #expect(listAll.declaration == "options: Connection.ListAllDomainsOptions = []")
        let lookup = try #require(try Reference.function("virDomainLookupByName").parameters.first)
        #expect(lookup.declaration == "named name: String")
    }

    /// Every shape the model defines is used by some bound function of 9.0.0.
    @Test func everyShapeIsUsed() throws {
        let used = Set(try Reference.package().modules.flatMap(\.files).flatMap(\.functions).map(\.shape))
        #expect(used == Set(CallShape.allCases))
    }
}

/// String-list arguments: an empty list is passed as NULL (the runtime's `CStringArray`), and
/// where libvirt's documentation gives NULL a meaning the list defaults to empty.
@Suite("String-list arguments")
struct StringListArgumentTests {
    /// `virDomainFSFreeze` documents "If @mountpoints is NULL and @nmountpoints is 0, every
    /// mounted filesystem on the guest is frozen": `fsFreeze()` freezes them all.
    @Test(arguments: ["virDomainFSFreeze", "virDomainFSThaw"])
    func nullMeansAllDefaultsToEmpty(cName: String) throws {
        let parameter = try #require(try Reference.function(cName).parameters.first { $0.name == "mountPoints" })
        #expect(parameter.type == .array(.named("String")))
        #expect(parameter.defaultValue == .empty)
    }

    /// A list whose documentation gives NULL no meaning stays a required parameter.
    @Test func requiredWhenNullHasNoMeaning() throws {
        let parameter = try #require(try Reference.function("virConnectBaselineCPU").parameters.first {
            $0.type == .array(.named("String"))
        })
        #expect(parameter.defaultValue == nil)
    }
}

/// Borrowed strings: an object's own strings are non-throwing properties (NULL only for an
/// invalid object, which a Swift handle never is); a connection's can come from the driver and
/// throw when libvirt returns NULL.
@Suite("Borrowed strings")
struct BorrowedStringTests {
    /// `virConnectGetType` asks the driver (an RPC for a remote connection): `get throws`.
    @Test func connectionStringsThrow() throws {
        let function = try Reference.function("virConnectGetType")
        #expect(function.shape == .borrowedString)
        #expect(function.throwing)
    }

    /// `virDomainGetName`, `virInterfaceGetMACString`, `virStorageVolGetKey`: plain properties.
    @Test(arguments: ["virDomainGetName", "virInterfaceGetMACString", "virStorageVolGetKey"])
    func objectStringsDoNotThrow(cName: String) throws {
        let function = try Reference.function(cName)
        #expect(function.shape == .borrowedString)
        #expect(!function.throwing)
    }
}

/// Arguments typed by what their text says: an on/off switch is a `Bool`, and an argument whose
/// text names two or more constants of one enum takes that enum (one constant is often a special
/// value of a number, such as `VIR_NODE_CPU_STATS_ALL_CPUS`).
@Suite("Argument types from the text")
struct ArgumentTextTypeTests {
    /// "0 to disable/1 to enable cpus described by @vcpumap".
    @Test(arguments: ["virDomainSetVcpu", "virDomainSetGuestVcpus"])
    func switches(cName: String) throws {
        #expect(try Reference.function(cName).parameters.first { $0.name == "state" }?.type == .named("Bool"))
    }

    /// `virNodeSuspendForDuration`'s target names VIR_NODE_SUSPEND_TARGET_MEM, _DISK and _HYBRID;
    /// `virNodeGetCPUStats`'s cpu names only VIR_NODE_CPU_STATS_ALL_CPUS and stays a number.
    @Test func constantsNameTheEnum() throws {
        #expect(try Reference.function("virNodeSuspendForDuration").parameters.first?.type == .named("NodeSuspendTarget"))
        #expect(try Reference.function("virNodeGetCPUStats").parameters.first?.type == .named("Int32"))
    }
}

/// Numbers typed by another value: a state's reason by the state, as an event's detail by the event.
@Suite("Typed state reasons")
struct StateReasonTests {
    /// `virDomainGetState`'s reason is "one of virDomain*Reason corresponding to the current state".
    @Test func domainState() throws {
        #expect(try Reference.function("virDomainGetState").returnType == .tuple([
            TupleElement(label: "state", type: .named("Domain.State")),
            TupleElement(label: "reason", type: .named("Domain.StateReason")),
        ]))
        let reasons = try #require(try Reference.package().modules.flatMap(\.files).flatMap(\.detailEnums).first {
            $0.name == "StateReason"
        })
        #expect(reasons.selectorType == "Domain.State")
        #expect(reasons.cases.map(\.detailType).contains("Domain.ShutoffReason"))
        #expect(reasons.cases.map(\.name).contains("pmsuspended"))
    }

    /// The `@` name a text uses for another argument.
    @Test func mentionedArgument() throws {
        let function = try #require(try Reference.result().apis.flatMap(\.functions).first { $0.name == "virDomainGetState" })
        #expect(ArgumentLowering.mentionedArgument(in: "the reason which led to @state (one of ...)", of: function) == "state")
        #expect(ArgumentLowering.mentionedArgument(in: "no @such argument", of: function) == nil)
    }
}

/// `@available(*, deprecated, message:)` where libvirt documents a deprecation.
@Suite("Deprecations")
struct DeprecationTests {
    /// `virDomainCreateLinux` says "Deprecated after 0.4.6. Renamed to virDomainCreateXML()…".
    @Test func documentedDeprecation() throws {
        let message = try #require(try Reference.function("virDomainCreateLinux").deprecation)
        #expect(message.hasPrefix("Deprecated after 0.4.6. Renamed to `Connection.createDomain(xml:options:)`"))
        #expect(try Reference.function("virDomainCreateXML").deprecation == nil)
    }

    /// The model keeps libvirt's paragraph; the renderer escapes it for the string literal.
    @Test func escaping() {
        let message = FunctionLowering.deprecationMessage(["Deprecated: use \"x\\y\".", "More.", "", "Other"])
        #expect(message == "Deprecated: use \"x\\y\". More.")
        #expect(message.map(SwiftStringLiteral.contents) == "Deprecated: use \\\"x\\\\y\\\". More.")
    }
}
