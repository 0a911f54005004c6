import Foundation

/// The call recorder's counters, read back from the file the runner mapped (the layout of
/// `Templates/harness/exercise/exercise.c`: a 64-byte header, then one 240-byte slot per
/// wrapped function, little-endian).
public struct ExerciseCounters: Sendable, Equatable {
    /// One function's calls by outcome.
    public struct Counts: Sendable, Equatable {
        /// Calls made.
        public var calls: UInt64 = 0
        /// Calls that succeeded.
        public var succeeded: UInt64 = 0
        /// Calls that failed with `VIR_ERR_NO_SUPPORT`.
        public var noSupport: UInt64 = 0
        /// Calls that failed with the code a check expected.
        public var expected: UInt64 = 0
        /// Probe calls whose placeholder arguments were rejected.
        public var rejected: UInt64 = 0
        /// Calls that failed when no failure was expected.
        public var unexpected: UInt64 = 0
        /// The last rejected or unexpected failure's code and message.
        public var lastError: (code: Int32, message: String)?

        /// Creates empty counts.
        public init() {}

        /// Compares the counters and the last error.
        public static func == (a: Counts, b: Counts) -> Bool {
            a.calls == b.calls && a.succeeded == b.succeeded && a.noSupport == b.noSupport
                && a.expected == b.expected && a.rejected == b.rejected && a.unexpected == b.unexpected
                && a.lastError?.code == b.lastError?.code && a.lastError?.message == b.lastError?.message
        }
    }

    /// The header's size in bytes.
    static let headerSize = 64
    /// One slot's size in bytes.
    static let slotSize = 240

    /// Counts by slot (the order of `ExerciseWrappers.functions`).
    public var slots: [Counts]
    /// The slot of the function a thread was inside when the file was read, if any: after a
    /// crash, the function that crashed.
    public var inFlight: Int?

    /// Reads the file at `url`; a missing or short file reads as no calls.
    public init(url: URL, count: Int) {
        let data = (try? Data(contentsOf: url)) ?? Data()
        self.init(data: data, count: count)
    }

    /// Decodes the file's bytes.
    init(data: Data, count: Int) {
        let bytes = [UInt8](data)
        func integer(_ offset: Int, _ size: Int) -> UInt64 {
            guard offset + size <= bytes.count else { return 0 }
            return (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
        let flight = Int32(truncatingIfNeeded: integer(8, 4))
        inFlight = bytes.count >= Self.headerSize && flight >= 0 && Int(flight) < count ? Int(flight) : nil
        slots = (0..<count).map { index in
            let base = Self.headerSize + index * Self.slotSize
            var counts = Counts()
            counts.calls = integer(base, 8)
            counts.succeeded = integer(base + 8, 8)
            counts.noSupport = integer(base + 16, 8)
            counts.expected = integer(base + 24, 8)
            counts.rejected = integer(base + 32, 8)
            counts.unexpected = integer(base + 40, 8)
            if counts.rejected + counts.unexpected > 0, base + Self.slotSize <= bytes.count {
                let code = Int32(truncatingIfNeeded: integer(base + 56, 4))
                let text = bytes[(base + 64)..<(base + Self.slotSize)].prefix { $0 != 0 }
                counts.lastError = (code, String(decoding: text, as: UTF8.self))
            }
            return counts
        }
    }
}
