import Foundation
import Libvirt
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// libvirt's default error handler prints every error to standard error; the runtime replaces it
/// with a silent one, because errors are thrown as `LibvirtError` instead.
@Suite("Silent error handler")
struct SilentErrorTests {
    /// A failing lookup throws and writes nothing about it to standard error.
    @Test func failuresAreThrownNotPrinted() throws {
        let connection = try Connection(uri: "test:///default")
        let missing = "silent-\(UUID().uuidString)"
        let printed = try capturingStandardError {
            #expect(throws: LibvirtError.self) { try connection.domain(named: missing) }
        }
        // libvirt's default handler would print "libvirt: Test Driver error : Domain not found".
        #expect(!printed.contains("Domain not found"), "libvirt printed the error: \(printed)")
    }

    /// Runs `body` with file descriptor 2 redirected to a pipe and returns what was written to it.
    private func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let pipe = Pipe()
        fflush(nil)
        let saved = dup(STDERR_FILENO)
        dup2(pipe.fileHandleForWriting.fileDescriptor, STDERR_FILENO)
        defer {
            fflush(nil)
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
        try body()
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        try pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
