import Foundation

/// The command line: `ReliabilityCheck CHECK [ARGUMENTS]`; exit status 0 when the check passed,
/// 1 when it failed (the failure is printed on standard error).
let arguments = Array(CommandLine.arguments.dropFirst())

/// The integer argument after `flag`, or `fallback`.
func option(_ flag: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count,
          let value = Int(arguments[index + 1])
    else { return fallback }
    return value
}

do {
    switch arguments.first {
    case "concurrency":
        try await ConcurrencyCheck.run(tasks: option("--tasks", 8), operations: option("--operations", 1000))
    case "events":
        try await EventLoadCheck.run(transitions: option("--transitions", 1000))
        try await EventLoadCheck.runRemote(transitions: option("--transitions", 1000))
    case "faults":
        try await DaemonFaultCheck.run(cycles: option("--cycles", 20))
    case "admin" where arguments.count == 2:
        try AdminCheck.run(socketFolder: arguments[1])
        try await AdminFaultCheck.run(socketFolder: arguments[1])
    default:
        throw CheckFailure("""
            usage: ReliabilityCheck concurrency [--tasks N] [--operations N] | events [--transitions N] \
            | faults [--cycles N] | admin SOCKET_FOLDER
            """)
    }
} catch {
    FileHandle.standardError.write(Data("FAIL: \(error)\n".utf8))
    exit(1)
}
