import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import Testing
@testable import LibvirtGenHarness

/// The harness's decisions, tested without building anything: which probe each function gets
/// and with which placeholders, the C wrappers the call counter links in, the counter file's
/// layout, how counts become outcomes and totals, and the CLI's bad-input paths.
@Suite("Harness")
struct HarnessTests {
    /// The probe plan for the 9.0.0 model, with the overrides' known failures.
    static func plan() throws -> ProbePlan {
        let result = try Reference.result()
        let codes = Dictionary(
            result.apis.flatMap(\.enumValues).filter { $0.type == "virErrorNumber" }.map { ($0.name, $0.value) },
            uniquingKeysWith: { a, _ in a })
        let overrides = try Overrides.builtIn()
        return ProbePlan(
            package: result.package, errorCodes: codes,
            knownFailures: overrides.harnessKnownFailures.mapValues(\.code), unsafe: overrides.harnessUnsafeCalls)
    }

    /// The probe of one C function.
    static func probe(_ name: String, in plan: ProbePlan) throws -> ProbePlan.Probe {
        try #require(plan.probes.first { $0.function == name }, "no probe for \(name)")
    }

    @Test("getters, lookups and calls get the probe their shape calls for")
    func probeKinds() throws {
        let plan = try Self.plan()
        let info = try Self.probe("virDomainGetInfo", in: plan)
        #expect(info.kind == .getter)
        #expect(info.statement == "_ = try f.domain().info()")
        #expect(info.module == "Libvirt")
        let lookup = try Self.probe("virDomainLookupByName", in: plan)
        #expect(lookup.kind == .lookupMiss(42))
        #expect(lookup.statement == "_ = try f.connection().domain(named: \"harness-missing\")")
        let byUUID = try Self.probe("virNetworkLookupByUUID", in: plan)
        #expect(byUUID.kind == .lookupMiss(43))
        #expect(byUUID.statement.contains("UUID(uuidString: \"00000000-0000-4000-8000-00000000fffe\")!"))
        let volume = try Self.probe("virStorageVolLookupByName", in: plan)
        #expect(volume.kind == .lookupMiss(50))
        #expect(try Self.probe("virDomainSuspend", in: plan).kind == .call)
        // A property whose C name says LookupBy but takes no key is a getter, not a lookup.
        #expect(try Self.probe("virStoragePoolLookupByVolume", in: plan).kind == .getter)
    }

    @Test("every argument is passed, defaults included, with placeholders by role")
    func placeholders() throws {
        let plan = try Self.plan()
        #expect(try Self.probe("virDomainCreateWithFlags", in: plan).statement == "_ = try f.domain().start(options: [])")
        #expect(try Self.probe("virDomainCreateXML", in: plan).statement
                == "_ = try f.connection().createDomain(xml: f.xml(for: \"virDomainCreateXML\"), options: [])")
        #expect(try Self.probe("virDomainSave", in: plan).statement == "_ = try f.domain().save(to: f.probeText)")
        #expect(try Self.probe("virDomainRename", in: plan).statement
                == "_ = try f.domain().rename(newName: \"harness-probe\")")
        #expect(try Self.probe("virDomainSetMaxMemory", in: plan).statement == "_ = try f.domain().setMaxMemory(1)")
        #expect(try Self.probe("virDomainSetSchedulerParameters", in: plan).statement
                == "_ = try f.domain().setSchedulerParameters([\"harness\": .uint(1)])")
    }

    @Test("known test-driver failures and unsafe calls come from the overrides data")
    func overridesData() throws {
        let plan = try Self.plan()
        #expect(try Self.probe("virDomainGetSchedulerParametersFlags", in: plan).kind == .knownFailure(8))
        #expect(try Self.probe("virNodeGetFreeMemory", in: plan).kind == .knownFailure(1))
        #expect(!plan.probes.contains { $0.function == "virSecretUndefine" })
        #expect(plan.skipped.contains { $0.function == "virSecretUndefine" && $0.reason.contains("NULL function pointer") })
        // Hand-written functions (overrides) are the scenario checks' business: no probe, no skip entry.
        #expect(!plan.probes.contains { $0.function == "virConnectOpen" })
        #expect(!plan.skipped.contains { $0.function == "virConnectOpen" })
    }

    @Test("every generated function has a probe or a reason, and each event family a probe")
    func probeCoverage() throws {
        let plan = try Self.plan()
        let package = try Reference.package()
        let generated = package.modules.flatMap(\.files).flatMap(\.functions).map(\.cName)
        let planned = Set(plan.probes.map(\.function) + plan.skipped.map(\.function))
        #expect(generated.allSatisfy(planned.contains))
        let families = package.modules.flatMap(\.files).compactMap(\.events)
        #expect(families.allSatisfy { family in plan.probes.contains { $0.function == family.registerFunction } })
        #expect(try Self.probe("virConnectNodeDeviceEventRegisterAny", in: plan).statement
                == "_ = try f.connection().nodeDeviceEvents(.lifecycle, nodeDevice: nil)")
    }

    @Test("wrappers pass pointers as void *, enums as int, scalars as C spells them")
    func wrappers() throws {
        let result = try Reference.result()
        let wrappers = try ExerciseWrappers(
            names: ["virDomainGetInfo", "virDomainGetState", "virNodeGetFreeMemory", "virStreamSend"], apis: result.apis)
        let byName = Dictionary(uniqueKeysWithValues: wrappers.functions.map { ($0.name, $0) })
        #expect(byName["virDomainGetInfo"]?.parameterTypes == ["void *", "void *"])
        #expect(byName["virDomainGetInfo"]?.returnType == "int")
        #expect(byName["virNodeGetFreeMemory"]?.returnType == "unsigned long long")
        #expect(byName["virStreamSend"]?.parameterTypes == ["void *", "void *", "size_t"])
        #expect(wrappers.linkerArguments.first == "--wrap=virDomainGetInfo")
        let source = wrappers.source()
        #expect(source.contains("const int hx_function_count = 4;"))
        #expect(source.contains("""
            int __wrap_virDomainGetInfo(void * a0, void * a1) {
                hx_enter(0);
                int result = __real_virDomainGetInfo(a0, a1);
                hx_leave(0);
                return result;
            }
            """))
        #expect(throws: DiagnosticError.self) { try ExerciseWrappers(names: ["virNoSuchFunction"], apis: result.apis) }
    }

    @Test("every bound function of the three described versions can be wrapped")
    func wrapsEveryVersion() throws {
        for version in ["7.0.0", "9.0.0", "11.3.0"] {
            let result = try Pipeline().run(apiXML: Reference.root.appendingPathComponent("api-xml/\(version)"))
            let bound = result.package.symbols.filter { $0.kind == .function && ($0.status == .generated || $0.status == .override) }
            let wrappers = try ExerciseWrappers(names: bound.map(\.name), apis: result.apis)
            #expect(wrappers.functions.count == bound.count)
        }
    }

    @Test("the counter file decodes by slot, with the in-flight function")
    func counters() {
        var bytes = [UInt8](repeating: 0, count: ExerciseCounters.headerSize + 2 * ExerciseCounters.slotSize)
        func put(_ value: UInt64, at offset: Int, size: Int = 8) {
            for i in 0..<size { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        put(1, at: 8, size: 4)  // in flight: slot 1
        let second = ExerciseCounters.headerSize + ExerciseCounters.slotSize
        put(5, at: second)       // calls
        put(2, at: second + 8)   // succeeded
        put(3, at: second + 40)  // unexpected
        put(55, at: second + 56, size: 4)
        for (i, byte) in "not valid".utf8.enumerated() { bytes[second + 64 + i] = byte }
        let counters = ExerciseCounters(data: Data(bytes), count: 2)
        #expect(counters.inFlight == 1)
        #expect(counters.slots[0] == ExerciseCounters.Counts())
        #expect(counters.slots[1].calls == 5 && counters.slots[1].succeeded == 2 && counters.slots[1].unexpected == 3)
        #expect(counters.slots[1].lastError?.code == 55 && counters.slots[1].lastError?.message == "not valid")
        put(UInt64(UInt32.max), at: 8, size: 4)  // -1: nothing in flight
        #expect(ExerciseCounters(data: Data(bytes), count: 2).inFlight == nil)
        #expect(ExerciseCounters(data: Data(), count: 3).slots.count == 3)
    }

    @Test("outcomes: success first, then .noSupport, unexpected, expected, rejected; crashes and absence win")
    func outcomes() {
        typealias Outcome = HarnessReport.Outcome
        var counts = ExerciseCounters.Counts()
        #expect(Outcome.classify(counts, crashed: false, missing: false) == .notCalled)
        counts.rejected = 1
        #expect(Outcome.classify(counts, crashed: false, missing: false) == .rejectedArguments)
        counts.expected = 1
        #expect(Outcome.classify(counts, crashed: false, missing: false) == .expectedError)
        counts.unexpected = 1
        #expect(Outcome.classify(counts, crashed: false, missing: false) == .unexpectedError)
        counts.noSupport = 1
        #expect(Outcome.classify(counts, crashed: false, missing: false) == .expectedNoSupport)
        counts.succeeded = 1
        #expect(Outcome.classify(counts, crashed: false, missing: false) == .succeeded)
        #expect(Outcome.classify(counts, crashed: true, missing: false) == .crashed)
        #expect(Outcome.classify(counts, crashed: true, missing: true) == .missingFromLibvirt)
    }

    @Test("exercisedPercent counts successes and .noSupport over bound functions")
    func totals() {
        let outcomes: [HarnessReport.Outcome] = [.succeeded, .succeeded, .expectedNoSupport, .notCalled, .crashed, .rejectedArguments]
        let functions = outcomes.enumerated().map { index, outcome in
            HarnessReport.FunctionOutcome(name: "f\(index)", swift: "", module: "Libvirt", outcome: outcome, calls: 1, note: nil)
        }
        let exercise = HarnessReport.Exercise(functions: functions, crashes: 1)
        #expect(exercise.bound == 6 && exercise.succeeded == 2 && exercise.expectedNoSupport == 1)
        #expect(exercise.notCalled == 2 && exercise.rejectedArguments == 1 && exercise.crashes == 1)
        #expect(exercise.exercisedPercent == 50)
    }

    @Test("runs on two drivers: a function is proven when it succeeded on either; the others keep a reason per driver")
    func union() {
        func report(_ driver: String, _ outcomes: [(HarnessReport.Outcome, String?)]) -> HarnessReport {
            HarnessReport(
                package: "Generated", driver: driver, libvirtVersion: "9.0.0", link: "direct",
                build: .init(ok: true, seconds: 1, errors: []), checks: [], exercise: .init(),
                functions: outcomes.enumerated().map { index, outcome in
                    HarnessReport.FunctionOutcome(name: "f\(index)", swift: "S.f\(index)", module: "Libvirt",
                                                  outcome: outcome.0, calls: 1, note: outcome.1)
                })
        }
        let test = report("test", [(.succeeded, nil), (.expectedNoSupport, nil), (.expectedNoSupport, nil)])
        let qemu = report("qemu", [(.rejectedArguments, "code 8: bad"), (.succeeded, nil), (.notCalled, "no object")])
        let union = HarnessUnion([test, qemu])
        #expect(union.drivers == ["test", "qemu"])
        #expect(union.bound == 3 && union.succeeded == 2 && union.succeededPercent == 66.7)
        #expect(union.unproven == [.init(name: "f2", swift: "S.f2", reasons: [
            "test": "the driver does not support it", "qemu": "not called (no object)",
        ])])
    }

    @Test("a failure naming a Swift declaration gets its C function")
    func annotation() {
        let functions = [
            HarnessReport.FunctionOutcome(name: "virDomainGetID", swift: "Domain.id", module: "Libvirt", outcome: .succeeded, calls: 1, note: nil),
            HarnessReport.FunctionOutcome(name: "virDomainGetUUID", swift: "Domain.uuidBytes", module: "Libvirt", outcome: .succeeded, calls: 1, note: nil),
        ]
        #expect(CheckDetail.annotate("Domain.id returned 2, expected 1", functions: functions)
                == "Domain.id returned 2, expected 1 [virDomainGetID]")
        #expect(CheckDetail.annotate("Domain.idle is wrong", functions: functions) == "Domain.idle is wrong")
        #expect(CheckDetail.annotate("", functions: functions) == "")
    }

    @Test("the runner's journal: finished checks and the one it was in")
    func journal() {
        let text = """
            {"check":"a","event":"start"}
            {"check":"a","detail":"","event":"end","ok":true,"seconds":0.1}
            {"check":"b","event":"start","probes":true}
            """
        let records = JournalRecords(text: text)
        #expect(records.finished == [.init(name: "a", ok: true, detail: "")])
        #expect(records.unfinished == "b")
        #expect(records.unfinishedRunsProbes)
        #expect(!JournalRecords(text: #"{"check":"c","event":"start","probes":false}"#).unfinishedRunsProbes)
        let unavailable = JournalRecords(text: """
            {"check":"p","event":"start","probes":true}
            {"event":"unavailable","function":"virNWFilterGetName","detail":"no filter"}
            {"event":"unavailable","function":"virNWFilterGetName","detail":"later"}
            """)
        #expect(unavailable.unavailable == ["virNWFilterGetName": "no filter"])
        #expect(unavailable.unfinished == "p" && unavailable.finished.isEmpty)
    }

    @Test("a package's version and link mode come from its manifest's header")
    func packageInfo() throws {
        let info = try GeneratedPackageInfo(folder: Reference.generatedFolder)
        #expect(info == GeneratedPackageInfo(libvirtVersion: "9.0.0", link: .direct))
        let dynamic = try GeneratedPackageInfo(
            manifest: "// swift-tools-version: 6.1\n// Generated by libvirt-swiftgen from libvirt-api.xml (libvirt 11.3.0). DO NOT EDIT.\n// Dynamic link mode: ...\n",
            path: "Package.swift")
        #expect(dynamic.link == .dynamic && dynamic.libvirtVersion == "11.3.0")
        #expect(throws: DiagnosticError.self) { try GeneratedPackageInfo(manifest: "// swift-tools-version: 6.1\n", path: "P") }
    }

    @Test("harness on a folder that is not a generated package: one line naming the file, exit 1")
    func notAPackage() throws {
        try withTemporaryFolder { folder in
            try "// swift-tools-version: 6.1\n".write(
                to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
            let run = try CLI.run(["harness", "--package", folder.path])
            #expect(run.status == 1)
            #expect(run.stderrLines.count == 1, "stderr: \(run.stderr)")
            #expect(run.stderrLines.first?.hasPrefix(folder.appendingPathComponent("Package.swift").path + ":1: error:") == true)
            let missing = try CLI.run(["harness", "--package", folder.appendingPathComponent("none").path])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no Package.swift"))
        }
    }

    @Test("--union-with a file that is not a harness report: one line naming it, exit 1, before anything is built")
    func unionWithBadReport() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("report.json")
            try "{}".write(to: file, atomically: true, encoding: .utf8)
            let run = try CLI.run(["harness", "--union-with", file.path])
            #expect(run.status == 1)
            #expect(run.stderrLines == ["error: --union-with: \(file.path) is not a harness report (harness --json)"],
                    "stderr: \(run.stderr)")
            let missing = try CLI.run(["harness", "--union-with", folder.appendingPathComponent("none.json").path])
            #expect(missing.status == 1 && missing.stderr.contains("cannot read"))
        }
    }

    @Test("the QEMU driver's qemu.conf: QEMU as root, no confinement, console to files; cgroups only where writable")
    func qemuConfiguration() {
        let with = QemuProvingGround.configuration(cgroups: true)
        for line in ["user = \"root\"", "group = \"root\"", "stdio_handler = \"file\"", "security_driver = \"none\"",
                     "namespaces = []"] {
            #expect(with.contains(line + "\n"))
        }
        #expect(!with.contains("cgroup_controllers"))
        #expect(QemuProvingGround.configuration(cgroups: false).contains("cgroup_controllers = []\n"))
    }

    @Test("harness without the package's API description says which to pass")
    func missingAPIDescription() throws {
        let run = try CLI.run(["harness", "--package", Reference.generatedFolder.path])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.contains("no API description for libvirt 9.0.0"))
        #expect(run.stderr.contains("--api-xml"))
    }
}
