import Dispatch
import Foundation
import Libvirt
import Testing

/// `write(contentsOf:)` into the serial console of a firmware-only domain, whose guest never
/// reads it: after a few kilobytes the console's pseudo-terminal is full and every further send
/// would block. A non-blocking stream then waits for libvirt's writable event (no CPU spent
/// spinning), a blocking one waits in its send off Swift's cooperative pool. The writers run on a
/// ``TestExecutor`` of their own, so that other suites' work on the cooperative pool, running in
/// parallel, cannot delay a probe or add CPU time.
extension QEMUTests {
    /// One MiB of console input, in 64 KiB chunks.
    static var megabyte: AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            for _ in 0..<16 { continuation.yield(Array(repeating: UInt8(ascii: "x"), count: 65536)) }
            continuation.finish()
        }
    }

    /// Destroys `domain` after `delay` on a thread outside Swift's cooperative pool, so that a
    /// write that blocks the pool or cannot be cancelled fails the test instead of hanging it.
    ///
    /// - Returns: The scheduled destruction; cancel it once the test no longer needs it, so that
    ///   it cannot hit a slow test's later steps.
    @discardableResult
    static func destroyLater(_ domain: Domain, after delay: Duration) -> DispatchWorkItem {
        let destruction = DispatchWorkItem { _ = try? domain.destroy() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(Int(delay.components.seconds)), execute: destruction)
        return destruction
    }

    /// A non-blocking write that cannot go on waits without using the CPU of the threads it runs
    /// on (spinning would use a core for the whole second), and cancelling it aborts the stream: the console can be opened
    /// again without forcing.
    @Test("a non-blocking write waits for writable events without spinning")
    func nonBlockingWriteWaits() async throws {
        try await QemuGround.withDomain("nbwrite") { connection, test in
            let stream = try await connection.makeStream(options: .nonblock)
            try await test.domain.openConsole(stream: stream)
            let executor = TestExecutor(threads: 1, name: "console-writer")
            defer { executor.shutdown() }
            let writer = Task(executorPreference: executor) { try await stream.write(contentsOf: Self.megabyte) }
            let safetyNet = Self.destroyLater(test.domain, after: .seconds(30))
            try await Task.sleep(for: .milliseconds(500))
            let cpuBefore = executor.cpuTime()
            try await Task.sleep(for: .seconds(1))
            let cpu = executor.cpuTime() - cpuBefore
            #expect(cpu < .milliseconds(500), "the writer used \(cpu) of CPU in one second while it waited")
            writer.cancel()
            await #expect(throws: CancellationError.self) { try await writer.value }
            safetyNet.cancel()
            let again = try await connection.makeStream()
            try await test.domain.openConsole(stream: again)
            try again.abort()
        }
    }

    /// Blocking writes that cannot go on, as many as their executor has threads, leave those
    /// threads free: a probe job queued on the executor every 10 ms for half a second starts at
    /// once. Destroying the domain makes the writes fail.
    @Test("blocking writes wait off the cooperative pool")
    func blockingWritesLeaveThePoolFree() async throws {
        let writers = 2
        let executor = TestExecutor(threads: writers, name: "console-writers")
        defer { executor.shutdown() }
        try await QemuGround.withDomain("bwrite", serialPorts: writers) { connection, test in
            var tasks: [Task<Void, any Error>] = []
            for port in 0..<writers {
                let stream = try await connection.makeStream()
                try await test.domain.openConsole(device: "serial\(port)", stream: stream)
                tasks.append(Task(executorPreference: executor) { try await stream.write(contentsOf: Self.megabyte) })
            }
            let safetyNet = Self.destroyLater(test.domain, after: .seconds(30))
            let probes = Task { await executor.worstStartLatency() }
            try await Task.sleep(for: .milliseconds(500))
            probes.cancel()
            let late = await probes.value
            #expect(late < .milliseconds(100), "a probe waited \(late) for a thread: the writes hold the executor's threads")
            // Under load the steps above can outlast a short safety net, which then destroys the
            // domain first (a CI-like full run took 41 s here): cancel it, and destroy what is left.
            safetyNet.cancel()
            if try await test.domain.isActive() { try await test.domain.destroy() }
            for task in tasks {
                await #expect(throws: LibvirtError.self) { try await task.value }
            }
        }
    }
}
