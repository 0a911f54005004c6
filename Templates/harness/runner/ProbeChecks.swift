// Copied into the harness runner by libvirt-swiftgen harness.
import CExercise
import Libvirt

/// One model-driven call (see `Probes.swift`, which the harness writes from the binding model).
struct Probe: Sendable {
    /// What the probe expects.
    enum Kind: Sendable {
        /// Reads a value: must succeed or throw `.noSupport`.
        case getter
        /// Looks up a missing object: must throw this `virErrorNumber` (nil: any) or `.noSupport`.
        case lookupMiss(Int32?)
        /// Any other call with placeholder arguments: must not crash.
        case call
        /// A call the test driver fails for a known reason: must succeed or throw this
        /// `virErrorNumber` (nil: any) or `.noSupport`.
        case knownFailure(Int32?)
    }

    /// The C function.
    let function: String
    /// The Swift declaration.
    let swift: String
    /// The Swift module that declares it.
    let module: String
    /// What it expects.
    let kind: Kind
    /// The call, over a fixture.
    let call: @Sendable (Fixture) throws -> Void
}

/// The three checks made from the probes of one suite.
enum ProbeChecks {
    /// The checks over the probes of `suite`'s modules, less the probes to leave out (they
    /// crashed an earlier run); an admin suite's check names start with `admin API: `. On QEMU
    /// the getters read the Linux guest, whose agent answers what only the guest knows.
    static func all(suite: Suite, skipping skipped: Set<String>, qemu: Bool) -> [Check] {
        let active = probes.filter { !skipped.contains($0.function) && suite.includes(module: $0.module) }
        let prefix = suite == .admin ? "admin API: " : ""
        return [
            Check(prefix + "getters on the node's objects", runsProbes: true) { environment in
                try run(active.filter {
                    switch $0.kind {
                    case .getter, .knownFailure: true
                    case .lookupMiss, .call: false
                    }
                }, qemu ? Fixture(environment.environment, guestDomain: true) : environment)
            },
            Check(prefix + "lookups of missing objects", runsProbes: true) { environment in
                try run(active.filter { if case .lookupMiss = $0.kind { true } else { false } }, environment)
            },
            Check(prefix + "calls with placeholder arguments", runsProbes: true) { environment in
                hx_set_mode(Int32(HX_MODE_PROBE.rawValue))
                defer { hx_set_mode(Int32(HX_MODE_CHECK.rawValue)) }
                try run(active.filter { if case .call = $0.kind { true } else { false } }, environment, freshEach: true)
            },
        ]
    }

    /// Runs `probes` and fails listing every probe whose outcome broke its expectation.
    ///
    /// - Parameter freshEach: Give every probe a fixture of its own (for calls that change state);
    ///   a call refused with an error other than `.noSupport` is tried once more with the
    ///   shut-off domain in place of the running one.
    private static func run(_ probes: [Probe], _ shared: Fixture, freshEach: Bool = false) throws {
        var failures: [String] = []
        for (index, probe) in probes.enumerated() {
            var result = outcome(of: probe, on: freshEach ? Fixture(shared.environment) : shared)
            if freshEach, result.refused {
                result = outcome(of: probe, on: Fixture(shared.environment, stoppedDomain: true))
            }
            if let failure = result.failure { failures.append(failure) }
            if (index + 1) % 100 == 0 { progress("    \(index + 1)/\(probes.count) probes") }
        }
        guard failures.isEmpty else {
            throw CheckFailure("\(failures.count) of \(probes.count) failed: " + failures.joined(separator: "; "))
        }
    }

    /// Records, for the report, that the fixture could not make the object `probe` calls its
    /// function on, and why; the probe does not fail.
    private static func unavailable(_ probe: Probe, _ fixture: Fixture, _ why: String) -> (failure: String?, refused: Bool) {
        Journal(path: fixture.environment.results).write(["event": "unavailable", "function": probe.function, "detail": why])
        return (nil, false)
    }

    /// Makes one probe's call; returns a description when it broke the probe's expectation (a
    /// call that returned although its C function reported an error breaks every expectation),
    /// and whether the probed function refused the call with an error other than `.noSupport`.
    private static func outcome(of probe: Probe, on fixture: Fixture) -> (failure: String?, refused: Bool) {
        hx_clear_failure()
        var expectedCode: Int32?
        switch probe.kind {
        case .lookupMiss(let code), .knownFailure(let code):
            expectedCode = code
            hx_expect(code ?? -1)
        case .getter, .call:
            break
        }
        defer { hx_expect(-1) }
        do {
            try probe.call(fixture)
        } catch let error as LibvirtError {
            let failed = hx_last_failure().map { String(cString: $0) }
            // A failure before the probed function ran: its receiver could not be made.
            guard failed == probe.function else {
                return unavailable(probe, fixture, "\(failed ?? "a libvirt call"): \(error.message)")
            }
            let code = error.code.rawValue
            switch probe.kind {
            case .getter:
                return (code == noSupportCode ? nil : "\(probe.swift) threw \(error.message) (code \(code))", false)
            case .lookupMiss, .knownFailure:
                let expected = code == noSupportCode || expectedCode == nil || code == expectedCode
                return (expected ? nil : "\(probe.swift) threw code \(code) (\(error.message)), expected \(expectedCode ?? 0)", false)
            case .call:
                return (nil, code != noSupportCode)
            }
        } catch {
            return unavailable(probe, fixture, describe(error))  // no daemon, no guest image, ...
        }
        if case .lookupMiss = probe.kind { return ("\(probe.swift) found an object that does not exist", false) }
        // libvirt reported an error, yet the Swift call returned: a failure value became a result.
        if hx_last_failure().map({ String(cString: $0) }) == probe.function {
            return ("\(probe.swift) returned although \(probe.function) failed (its failure value passed as a result)", false)
        }
        return (nil, false)
    }
}
