// Copied into the harness runner by libvirt-swiftgen harness.
import Foundation
import Libvirt
import LibvirtQemu

/// Streams and connections QEMU hands out: a screenshot read piece by piece, a non-blocking
/// stream driven by its events, the guest's serial console, and the VNC display through a file
/// descriptor libvirt opens or one the caller passes.
enum QemuStreamChecks {
    /// The checks.
    static let all: [Check] = [
        Check("QEMU: screenshot streams, blocking and event-driven") { f in
            let connection = try f.connection()
            let domain = try f.domain()
            let whole = try await connection.makeStream()
            try await expect(try domain.screenshot(stream: whole, screen: 0), "image/png", "Domain.screenshot(stream:screen:)")
            var image: [UInt8] = []
            try whole.receiveAll { image += $0 }
            try expect(Array(image.prefix(8)), PNG.signature, "DataStream.receiveAll(_:)")
            let head = try await connection.makeStream()
            _ = try await domain.screenshot(stream: head, screen: 0)
            try expect(try head.receive(upTo: 8), PNG.signature, "DataStream.receive(upTo:)")
            try head.abort()

            let watched = try await connection.makeStream(options: .nonblock)
            _ = try await domain.screenshot(stream: watched, screen: 0)
            let events = try watched.events(.readable)
            try watched.updateEvents([.readable, .hangup])
            let first = try await EventAndStreamChecks.first(1, of: events) { $0 }
            try expect(first.first?.contains(.readable) ?? false, "DataStream.events(_:) reported \(first), not readable")
            try expect(try watched.receive(upTo: 8), PNG.signature, "DataStream.receive(upTo:)")
            // Local (file-descriptor) streams have no flags-taking receive.
            try expectFailure(noSupportCode, "DataStream.receive(upTo:options:)") { _ = try watched.receive(upTo: 8, options: []) }
            try watched.abort()
        },
        Check("QEMU: the guest's serial console through a stream") { f in
            let connection = try f.connection()
            let domain = try f.guest()
            let stream = try connection.makeStream()
            try domain.openConsole(stream: stream, options: [.force])
            // The shell prints the product, which the echo of the typed line does not contain.
            let factor = Int.random(in: 1000...9999)
            let marker = "harness-console-\(factor * 7)"
            try expect(try stream.send(Array("echo harness-console-$((\(factor) * 7))\n".utf8)) > 0,
                       "DataStream.send(_:) sent nothing")
            var seen = ""
            let deadline = Date().addingTimeInterval(20)
            while !seen.contains(marker), Date() < deadline {
                guard let bytes = try stream.receive(upTo: 4096) else { break }
                seen += String(decoding: bytes, as: UTF8.self)
                seen = String(seen.suffix(4096))
            }
            try stream.abort()
            try expect(seen.contains(marker), "Domain.openConsole(device:stream:options:): the console did not echo \(marker)")
        },
        Check("QEMU: the VNC display through file descriptors") { f in
            let domain = try f.domain()
            let descriptor = try domain.openGraphicsFD(index: 0)
            defer { close(descriptor) }
            try expect(readBanner(descriptor), "RFB 003.008\n", "Domain.openGraphicsFD(index:options:)")
            var pair: [Int32] = [0, 0]
            try expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0, "socketpair failed")
            defer { close(pair[0]) }
            try domain.openGraphics(index: 0, fd: pair[1])
            close(pair[1])
            try expect(readBanner(pair[0]), "RFB 003.008\n", "Domain.openGraphics(index:fd:options:)")
            let qmp = try domain.qemuMonitorCommand("{\"execute\":\"query-vnc\"}", files: [], options: [])
            try expect(qmp.result.contains("\"enabled\""), "Domain.qemuMonitorCommand(_:files:options:) answered \(qmp.result)")
        },
    ]

    /// The 12-byte protocol banner a VNC server sends first.
    static func readBanner(_ descriptor: Int32) -> String {
        var banner = [UInt8](repeating: 0, count: 12)
        var count = 0
        while count < 12 {
            let read = banner.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, 12 - count) }
            if read <= 0 { break }
            count += read
        }
        return String(decoding: banner.prefix(count), as: UTF8.self)
    }
}
