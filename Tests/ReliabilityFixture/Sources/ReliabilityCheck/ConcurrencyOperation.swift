/// The kinds of operation each concurrency task mixes, with how often each is picked.
enum ConcurrencyOperation: String, CaseIterable, Sendable {
    /// `domain(named:)` of a shared domain: must return that domain (name and UUID).
    case lookupExisting
    /// `domain(named:)` of a name no domain has: must throw `.noDomain` naming it.
    case lookupMissingName
    /// `domain(uuid:)` of a UUID no domain has: must throw `.noDomain` naming it.
    case lookupMissingUUID
    /// `info()` of a shared domain: running, 8192 KiB, one vCPU.
    case info
    /// `defineDomain(xml:)` of a uniquely named domain, a lookup, `undefine()`, a failing lookup.
    case defineUndefine
    /// `memoryParameters()` of the task's own domain: the soft limit the task set last.
    case typedGet
    /// `setMemoryParameters(_:)` of a new soft limit on the task's own domain, read back.
    case typedSet
    /// `setMemoryParameters(_:)` with an unknown name: must throw `.argumentUnsupported` naming it.
    case typedSetRejected
    /// A lifecycle stream of the task's own domain, a suspend and a resume: exactly those two
    /// events arrive; then the stream is cancelled.
    case eventStream
    /// An unfiltered lifecycle stream opened and dropped at once (all tasks share its registration).
    case streamChurn
    /// An unfiltered lifecycle stream whose reading task is cancelled while it waits: the reading
    /// must end (within 10 s) and the stream with it.
    case cancelledReader

    /// How many of every 100 operations are of this kind.
    var weight: Int {
        switch self {
        case .lookupExisting, .lookupMissingName, .info, .typedGet, .typedSet: 12
        case .lookupMissingUUID, .typedSetRejected, .streamChurn: 8
        case .cancelledReader: 4
        case .defineUndefine: 10
        case .eventStream: 6
        }
    }

    /// Picks an operation with the weights above.
    static func random(using generator: inout SplitMix) -> ConcurrencyOperation {
        var pick = Int.random(in: 0..<allCases.reduce(0) { $0 + $1.weight }, using: &generator)
        for operation in allCases {
            if pick < operation.weight { return operation }
            pick -= operation.weight
        }
        return .info
    }
}
