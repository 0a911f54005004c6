@testable import LibvirtGenCore
import LibvirtGenModel
import Testing

/// Which bound functions get an `async` counterpart (issue 16), and what cancelling it does:
/// `AsyncRule` on the checked-in 9.0.0 description and on hand-made functions.
@Suite("Async counterparts")
struct AsyncRuleTests {
    /// C function of 9.0.0 and the abort function its counterpart calls when cancelled (nil: a
    /// counterpart that cannot abort): methods, properties and the admin initializer.
    static let withCounterpart: [(String, String?)] = [
        ("virDomainGetInfo", nil),
        ("virDomainIsActive", nil),
        ("virConnectGetCapabilities", nil),
        ("virNodeGetFreeMemory", nil),
        ("virAdmConnectOpen", nil),
        ("virDomainSave", "virDomainAbortJob"),
        ("virDomainSaveFlags", "virDomainAbortJob"),
        ("virDomainManagedSave", "virDomainAbortJob"),
        ("virDomainCoreDumpWithFormat", "virDomainAbortJob"),
        ("virDomainMigrateToURI3", "virDomainAbortJob"),
        ("virDomainSnapshotCreateXML", "virDomainAbortJob"),
    ]

    /// Functions without one: those that cannot fail read what the process holds, static
    /// functions ask no connection.
    static let withoutCounterpart = ["virDomainGetName", "virDomainGetID", "virGetVersion", "virAdmGetVersion"]

    /// The listed functions have the expected counterpart.
    @Test(arguments: withCounterpart)
    func counterpart(cName: String, abortFunction: String?) throws {
        let function = try Reference.function(cName)
        let counterpart = try #require(function.asyncCounterpart, "\(cName) has no async counterpart")
        #expect(counterpart.abortFunction == abortFunction)
    }

    /// The listed functions have none.
    @Test(arguments: withoutCounterpart)
    func noCounterpart(cName: String) throws {
        #expect(try Reference.function(cName).asyncCounterpart == nil)
    }

    /// Every throwing function that is not static has one, and no other function does.
    @Test func ruleCoversThePackage() throws {
        let functions = try Reference.package().modules.flatMap(\.files).flatMap(\.functions)
        for function in functions {
            #expect((function.asyncCounterpart != nil) == (function.throwing && function.kind != .staticMethod),
                    "\(function.cName)")
        }
    }

    /// An abort function the API lacks is not used: the counterpart cannot abort.
    @Test func missingAbortFunction() {
        let function = Self.function(kind: .method, rule: .negativeStatus)
        let counterpart = AsyncRule.counterpart(
            of: function, abortOnCancel: ["virThingSave": "virThingAbort"], functionNames: ["virThingSave"])
        #expect(counterpart?.abortFunction == nil)
        let aborting = AsyncRule.counterpart(
            of: function, abortOnCancel: ["virThingSave": "virThingAbort"], functionNames: ["virThingSave", "virThingAbort"])
        #expect(aborting?.abortFunction == "virThingAbort")
    }

    /// A function that cannot fail and a static function get none, whatever the overrides say.
    @Test func localFunctions() {
        let abort = ["virThingSave": "virThingAbort"]
        let names: Set<String> = ["virThingSave", "virThingAbort"]
        #expect(AsyncRule.counterpart(
            of: Self.function(kind: .method, rule: .objectString), abortOnCancel: abort, functionNames: names) == nil)
        #expect(AsyncRule.counterpart(
            of: Self.function(kind: .staticMethod, rule: .negativeStatus), abortOnCancel: abort, functionNames: names) == nil)
    }

    /// The documentation gains the pool paragraph after the description (before the callouts) and
    /// `CancellationError` in what it throws; without callouts, the paragraph goes before the C
    /// symbol line.
    @Test func documentation() {
        let doc = Documentation(
            body: ["Saves the thing."], throwing: "`LibvirtError` when libvirt reports a failure.", symbols: ["virThingSave"])
        let lines = AsyncRule.documentation(doc, abortFunction: "virThingAbort").lines
        #expect(lines[0] == "Saves the thing.")
        #expect(lines[1] == "")
        #expect(lines[2].hasPrefix("Runs the call on a thread of the blocking pool"))
        #expect(lines.contains { $0.contains("(`virThingAbort`)") })
        #expect(lines.contains("- Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when "
            + "the task is cancelled before the call starts."))
        let plain = AsyncRule.documentation(
            Documentation(body: ["Saves the thing."], symbols: ["virThingSave"]), abortFunction: nil).lines
        #expect(plain.first == "Saves the thing.")
        #expect(plain.suffix(2) == ["", "C symbol: `virThingSave`."])
        #expect(plain.contains { $0.contains("libvirt cannot interrupt it") })
        #expect(!plain.contains { $0.contains("aborts") })
    }

    /// A description ending in a list keeps it whole: the paragraph follows the list.
    @Test func documentationAfterAList() {
        let doc = Documentation(body: ["Steps:", "", "- one", "- two"], symbols: ["virThingSave"])
        let lines = AsyncRule.documentation(doc, abortFunction: nil).lines
        #expect(Array(lines.prefix(5)) == ["Steps:", "", "- one", "- two", ""])
        #expect(lines[5].hasPrefix("Runs the call on a thread of the blocking pool"))
    }

    /// A hand-made function of `kind` decided by `rule`.
    static func function(kind: DeclarationKind, rule: FailureRule) -> BoundFunction {
        BoundFunction(
            cName: "virThingSave", shape: .status, kind: kind, name: "save", parameters: [], returnType: nil,
            failureRule: rule, arguments: [.receiver], result: .outValues, doc: Documentation(body: ["Saves."]),
            swiftSymbol: "Thing.save()")
    }
}
