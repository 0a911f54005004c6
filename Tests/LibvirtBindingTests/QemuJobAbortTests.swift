import Foundation
import Libvirt
import Testing

extension QEMUTests {
    /// Cancelling the task awaiting `save(to:)` of a running domain aborts libvirt's save job
    /// (`virDomainAbortJob`): the task throws, the domain keeps running, and what was written is
    /// a partial image only.
    ///
    /// A firmware-only domain's image is under a megabyte, written in milliseconds. So the domain
    /// gets a network card whose option ROM is 4 MiB of random bytes (ROMs are migrated like RAM,
    /// and random bytes do not compress), and the save goes to a FIFO nobody reads yet: QEMU
    /// blocks once the FIFO and libvirt's `libvirt_iohelper` (which buffers up to 1 MiB) are
    /// full, long before the image is complete. The test cancels while QEMU transfers memory,
    /// then drains the FIFO slowly, so the abort reaches QEMU first.
    ///
    /// Both ways an `async` call runs: handed to a pool thread from the cooperative pool, and
    /// made right on the pool's thread by a task that prefers the pool as its executor.
    @Test("cancelling an awaited save aborts the job and the domain keeps running",
          arguments: [false, true])
    func cancelledSaveAborts(onPoolExecutor: Bool) async throws {
        try FileManager.default.createDirectory(at: QemuGround.domainsFolder, withIntermediateDirectories: true)
        let rom = QemuGround.domainsFolder.appendingPathComponent("\(uniqueName("rom")).bin")
        let words = (0..<(1 << 19)).map { _ in UInt64.random(in: .min ... .max) }
        try words.withUnsafeBytes { Data($0) }.write(to: rom)
        defer { try? FileManager.default.removeItem(at: rom) }
        let card = "<interface type='user'><model type='virtio'/><rom file='\(rom.path)'/></interface>"
        try await QemuGround.withDomain(onPoolExecutor ? "abort-on-pool" : "abort", devices: card) { _, test in
            let domain = test.domain
            let fifo = test.folder.appendingPathComponent("save.fifo").path
            try #require(mkfifo(fifo, 0o600) == 0)
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            try #require(reader >= 0)
            defer { close(reader) }

            let save = Task(executorPreference: onPoolExecutor ? BlockingPool.current : nil) {
                try await domain.save(to: fifo)
            }
            try await Self.waitForMemoryTransfer(of: domain)
            save.cancel()
            let drained = Task { try await Self.drainSlowly(reader) }
            let outcome = await save.result
            let image = try await drained.value

            switch outcome {
            case .success:
                Issue.record("the save completed although its task was cancelled")
            case .failure(let error as LibvirtError):
                #expect(error.code == .operationAborted, "\(error)")
            case .failure(let error):
                #expect(error is CancellationError, "\(error)")
            }
            let (state, _) = try await domain.state()
            #expect(state == .running)
            #expect(try await domain.jobInfo().type == .none)
            // libvirt writes a partial image's magic first and marks the image complete only at
            // the end of a successful save; the ROM alone is 4 MiB.
            #expect(image.starts(with: Array("LibvirtQemudPart".utf8)))
            #expect(image.count < 4 << 20, "QEMU wrote \(image.count) bytes")
        }
    }

    /// Polls `domain`'s job every millisecond until QEMU transfers its memory (the job knows the
    /// memory total); fails after a minute (the job ended first, or never started; the save blocks
    /// on the FIFO, so waiting long costs nothing, and a loaded machine, the whole suite running
    /// in parallel, took more than ten seconds to start it).
    static func waitForMemoryTransfer(of domain: Domain) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let job = try await domain.jobInfo()
            if job.type != .none, job.memoryTotal > 0 { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw QemuGroundError("the save job never started transferring memory")
    }

    /// Reads the non-blocking pipe `descriptor` 4 KiB every 10 ms until its writers close it.
    ///
    /// - Returns: What was read.
    static func drainSlowly(_ descriptor: Int32) async throws -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { return data }
            if count > 0 {
                data += buffer[..<count]
            } else if errno != EAGAIN {
                throw QemuGroundError("reading the save FIFO failed: errno \(errno)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
