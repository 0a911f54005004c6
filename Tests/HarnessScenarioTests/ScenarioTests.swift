import Foundation
import Testing

/// The harness's test-driver scenarios (`Templates/harness/runner`, linked here as `runner`) under
/// `swift test`: the same scenarios the harness runs against a generated package run here against
/// `Generated/`, each on a fresh connection to the harness's node file, so a scenario is written
/// once for both. The harness adds what only it can: counting the C functions each scenario
/// reaches, probes of every bound function, and sabotaged and newer packages.
@Suite("harness scenarios on the test driver", .serialized, ScratchFolder())
struct ScenarioTests {
    /// The harness's node description, in this repository (found from this file's real path: the
    /// memory checks' fixture package links this folder).
    static let nodeFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates/harness/node.xml").path

    /// Runs one scenario on a fresh fixture, as the harness's runner does.
    @Test("scenario", arguments: Scenarios.testDriver)
    func scenario(_ check: Check) async throws {
        let scratch = ScratchFolder.url.path
        let environment = RunnerEnvironment(
            nodeFile: Self.nodeFile, scratch: scratch, daemonSockets: nil, qemuRoot: nil, guestImage: nil,
            results: scratch + "/results.jsonl")
        do {
            try await check.body(Fixture(environment))
        } catch {
            Issue.record("\(check.name): \(describe(error))")
        }
    }
}

/// The scenarios' scratch folder, shared by all of them as the harness's runner shares its own
/// (the embedded secret driver, opened once per process, keeps its files there), made before the
/// suite runs and removed after.
struct ScratchFolder: SuiteTrait, TestScoping {
    /// The folder, unique to this test process.
    static let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("harness-scenarios-\(ProcessInfo.processInfo.processIdentifier)")

    /// Makes the folder, runs the suite, removes the folder.
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try FileManager.default.createDirectory(at: Self.url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: Self.url) }
        try await function()
    }
}

extension Check: CustomTestStringConvertible {
    /// The scenario's name, as the harness's report shows it.
    var testDescription: String { name }
}
