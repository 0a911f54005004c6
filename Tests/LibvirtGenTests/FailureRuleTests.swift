@testable import LibvirtGenCore
import LibvirtGenModel
import Testing

/// The failure-detection rule the lowering records for each bound function (issue 15): the one
/// that made it throwing or not, as `coverage` reports it.
@Suite("Failure rules")
struct FailureRuleTests {
    /// C function of 9.0.0, its call shape, the rule that must be recorded: one or more per
    /// branch of the lowering that decides whether a declaration throws.
    static let cases: [(String, CallShape, FailureRule)] = [
        ("virDomainGetInfo", .status, .negativeStatus),
        ("virDomainSuspend", .status, .negativeStatus),
        ("virConnectListAllDomains", .count, .negativeCount),
        ("virConnectListDefinedDomains", .nameList, .negativeCount),
        ("virConnectListDomains", .idList, .negativeCount),
        ("virDomainGetBlockIoTune", .typedParameters, .negativeCount),
        ("virNodeGetCPUStats", .structArray, .negativeCount),
        ("virDomainMemoryStats", .structBuffer, .negativeCount),
        ("virDomainIsActive", .boolean, .negativeBoolean),
        ("virDomainGetMaxVcpus", .value, .statedValue(value: .minusOne)),
        ("virDomainGetMaxMemory", .value, .statedValue(value: .zero)),
        ("virAdmClientGetID", .value, .statedValue(value: .maximum(of: "UInt64"))),
        ("virConnectNumOfSecrets", .value, .signedDefaultMinusOne),
        ("virConnectCompareCPU", .value, .signedDefaultMinusOne),
        ("virDomainLookupByName", .ownedHandle, .nullPointer),
        ("virDomainGetConnect", .borrowedHandle, .nullPointer),
        ("virAdmConnectOpen", .initializer, .nullPointer),
        ("virDomainGetXMLDesc", .ownedString, .nullPointer),
        ("virConnectGetType", .borrowedString, .nullConnectionString),
        ("virDomainGetName", .borrowedString, .objectString),
        ("virStorageVolGetKey", .borrowedString, .objectString),
        ("virDomainGetID", .plainValue, .failureIsNil(value: .maximum(of: "UInt32"))),
        ("virNodeDeviceGetParent", .borrowedString, .failureIsNil(value: .null)),
    ]

    /// The bound function and its coverage entry carry the expected rule, and the declaration
    /// throws exactly when the rule says the result can fail.
    @Test(arguments: cases)
    func recordedRule(cName: String, shape: CallShape, rule: FailureRule) throws {
        let function = try Reference.function(cName)
        #expect(function.shape == shape)
        #expect(function.failureRule == rule)
        #expect(try Reference.symbol(cName).failureRule == rule)
        #expect(function.throwing == rule.canFail)
    }

    /// The rules 9.0.0 uses are the ones the cases above show; `unsignedWithoutFailureValue` is
    /// unused there (every unsigned result of 9.0.0 names its failure value) and tested apart.
    @Test func everyUsedRuleHasACase() throws {
        let used = Set(try Reference.package().symbols.compactMap(\.failureRule?.name))
        #expect(used == Set(Self.cases.map(\.2.name)))
    }

    /// Every bound function's coverage entry has its rule, and the rule agrees with the code its
    /// shape renders: every template throws but the failure-free one (`plainValue`, shared by
    /// borrowed strings, which throw only through `checkPointer`), and only the `value`
    /// template compares with a failure value.
    @Test func rulesAgreeWithRenderedCode() throws {
        let package = try Reference.package()
        let symbols = Dictionary(package.symbols.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for function in package.modules.flatMap(\.files).flatMap(\.functions) {
            #expect(symbols[function.cName]?.failureRule == function.failureRule, "\(function.cName)")
            let checksPointer = function.result == .borrowedString(reading: .checked)
            let rendersThrowing = ![.plainValue, .borrowedString].contains(function.shape) || checksPointer
            #expect(function.failureRule.canFail == rendersThrowing, "\(function.cName)")
            #expect((function.failureValue != nil) == (function.shape == .value), "\(function.cName)")
        }
    }

    /// A number's rule from its description: the stated value (unsigned -1 as the type's
    /// maximum), else -1 when signed, else none.
    @Test(arguments: [
        ("-1 in case of error", "Int32", FailureRule.statedValue(value: .minusOne)),
        ("the ID, or -1 on error", "UInt32", .statedValue(value: .maximum(of: "UInt32"))),
        ("the memory size, or 0 in case of error", "UInt", .statedValue(value: .zero)),
        ("the number of defined secrets", "Int32", .signedDefaultMinusOne),
        ("the number of defined secrets", "UInt32", .unsignedWithoutFailureValue),
    ])
    func numberRule(text: String, swift: String, rule: FailureRule) {
        #expect(FunctionLowering.failureRule(ofNumber: text, swift: swift) == rule)
    }

    /// Functions whose wrapper is hand-written runtime code have no rule: that code decides.
    @Test(arguments: ["virConnectOpen", "virStreamSend", "virConnectDomainEventRegisterAny"])
    func runtimeCodeHasNoRule(cName: String) throws {
        let symbol = try Reference.symbol(cName)
        #expect([.generated, .override].contains(symbol.status))
        #expect(symbol.failureRule == nil)
    }
}
