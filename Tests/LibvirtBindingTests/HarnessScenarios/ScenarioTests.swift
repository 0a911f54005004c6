import Foundation
import Testing

/// The harness's test-driver scenarios (`Templates/harness/runner`, linked here as `runner`) under
/// `swift test`: the same scenarios the harness runs against a generated package run here against
/// `Generated/`, each on a fresh connection to the harness's node file, so a scenario is written
/// once for both. The harness adds what only it can: counting the C functions each scenario
/// reaches, probes of every bound function, and sabotaged and newer packages.
@Suite("harness scenarios on the test driver", .serialized)
struct ScenarioTests {
    /// Runs one scenario on a fresh fixture, as the harness's runner does.
    @Test("scenario", arguments: Scenarios.testDriver)
    func scenario(_ check: Check) async {
        await ScenarioRun.run(check, in: ScenarioRun.environment())
    }
}

/// What the scenario suites share: the repository's files they read, the scratch folder, and how a
/// scenario runs.
enum ScenarioRun {
    /// The repository this file is in (found from its real path: the memory checks' fixture
    /// package links the test folder).
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The scratch folder of every scenario of this test process, as the harness's runner has one
    /// (the embedded secret driver, opened once per process, keeps its files there); made on first
    /// use, removed when the process exits.
    static let scratch: URL = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("harness-scenarios-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScenarioRun.scratch) }
        return folder
    }()

    /// The environment of a scenario: the harness's node file, and the embedded QEMU driver's
    /// root and the guest image when the scenario runs on QEMU.
    static func environment(qemuRoot: String? = nil, guestImage: String? = nil) -> RunnerEnvironment {
        RunnerEnvironment(
            nodeFile: repository.appendingPathComponent("Templates/harness/node.xml").path, scratch: scratch.path,
            daemonSockets: nil, qemuRoot: qemuRoot, guestImage: guestImage,
            results: scratch.appendingPathComponent("results.jsonl").path)
    }

    /// Runs `check` on a fresh fixture, recording its failure as the harness's report words it.
    static func run(_ check: Check, in environment: RunnerEnvironment) async {
        do {
            try await check.body(Fixture(environment))
        } catch {
            Issue.record("\(check.name): \(describe(error))")
        }
    }
}

extension Check: CustomTestStringConvertible {
    /// The scenario's name, as the harness's report shows it.
    var testDescription: String { name }
}
