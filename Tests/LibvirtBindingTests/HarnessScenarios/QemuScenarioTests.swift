import Foundation
import LibvirtGenHarness
import Testing

/// The harness's QEMU scenarios (`Templates/harness/runner/qemu`) under `swift test`, on the test
/// process's one embedded QEMU driver (``QemuGround``) with the harness's Linux guest, built once
/// into `.build/qemu-guest` (where the harness keeps it too). The scenarios run one after another,
/// as in the harness; the domains they make have names of their own (`harness-…`), so the other
/// QEMU tests run beside them.
@Suite("harness scenarios on QEMU", .serialized, .tags(.qemu), .qemuAvailable)
struct QemuScenarioTests {
    /// The guest image folder, built on first use (once per process, whatever the outcome).
    static let guestImage: Result<URL, any Error> = Result {
        let folder = ScenarioRun.repository.appendingPathComponent(".build/qemu-guest")
        let builder = ScenarioRun.repository.appendingPathComponent("Templates/harness/qemu-guest/build-image")
        _ = try QemuProvingGround.buildGuestImage(in: folder, builder: builder)
        return folder
    }

    /// Runs one scenario on a fresh fixture on the embedded QEMU driver, as the harness's runner does.
    @Test("scenario", arguments: Scenarios.qemu)
    func scenario(_ check: Check) async throws {
        // The process's one embed root is QemuGround's: opening it first writes its qemu.conf.
        _ = try QemuGround.connection()
        let environment = ScenarioRun.environment(
            qemuRoot: QemuGround.root.path, guestImage: try Self.guestImage.get().path)
        await ScenarioRun.run(check, in: environment)
    }
}
