import Foundation

/// A unix socket that listens and never answers: the kernel queues the connections made to it
/// (up to 64), nobody accepts them, so a libvirt client connecting through it waits for its
/// first reply forever. Closing it resets the queued connections.
final class SilentSocket: @unchecked Sendable {
    /// The socket's path, under `/tmp` (a unix socket path has at most 107 bytes).
    let path = "/tmp/lvs-\(UUID().uuidString.prefix(8).lowercased()).sock"
    /// The listening socket's descriptor; -1 once closed. Only the test's own task uses it.
    private var descriptor: Int32

    /// Binds and listens at ``path``.
    init() throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SilentSocketError("socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            path.utf8CString.withUnsafeBytes { buffer.copyMemory(from: $0) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let error = errno
            close()
            throw SilentSocketError("bind or listen at \(path): errno \(error)")
        }
    }

    /// Closes the socket, which resets the connections waiting in its queue, and removes its path.
    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
        unlink(path)
    }

    deinit {
        close()
    }
}

/// Why a ``SilentSocket`` could not be set up.
struct SilentSocketError: Error, CustomStringConvertible {
    /// The failed call and its error.
    let description: String

    /// Creates an error.
    init(_ description: String) {
        self.description = description
    }
}
