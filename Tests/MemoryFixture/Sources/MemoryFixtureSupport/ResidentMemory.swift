import Foundation

/// The process's resident set size in KiB, from the `VmRSS` line of `/proc/self/status`.
///
/// - Throws: ``CheckFailure`` when the line cannot be read.
public func residentKiB() throws -> Int {
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if fields.count == 3, let kib = Int(fields[1]) { return kib }
    }
    throw CheckFailure(description: "no readable VmRSS line in /proc/self/status")
}
