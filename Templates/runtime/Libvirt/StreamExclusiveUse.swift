/// What a task is doing with a stream: a stream has at most one reader and one writer at a time,
/// and finishing or aborting it needs both (libvirt's local streams do not survive being closed
/// by one thread while another reads them, and two readers would each get part of the data).
struct StreamUse: OptionSet, Sendable {
    /// The raw bits.
    let rawValue: UInt8

    /// Receiving.
    static let reading = StreamUse(rawValue: 1)
    /// Sending.
    static let writing = StreamUse(rawValue: 2)
    /// Finishing or aborting.
    static let closing: StreamUse = [.reading, .writing]
}

/// The uses of every stream in use, by the stream's address.
private let streamUses = Locked<[UInt: StreamUse]>([:])

extension DataStream {
    /// Claims `use` of the stream for the calling task until ``endUse(_:)``.
    ///
    /// - Parameter caller: The public method, for the error message.
    /// - Throws: ``LibvirtError`` `.operationInvalid` when another task holds part of `use`.
    func beginUse(_ use: StreamUse, by caller: String) throws {
        let address = UInt(bitPattern: pointer)
        let busy = streamUses.withLock { uses -> StreamUse in
            let current = uses[address, default: []]
            if current.isDisjoint(with: use) { uses[address] = current.union(use) }
            return current.intersection(use)
        }
        guard busy.isEmpty else {
            let activity = busy.contains(.reading) ? "reading" : "writing"
            throw LibvirtError(
                code: .operationInvalid, errorDomain: .streams,
                message: "\(caller) was called while another task is \(activity) the stream: a stream has one reader "
                    + "and one writer at a time, and finishing or aborting it waits for neither")
        }
    }

    /// Releases a use ``beginUse(_:by:)`` claimed.
    func endUse(_ use: StreamUse) {
        let address = UInt(bitPattern: pointer)
        streamUses.withLock { uses in
            let rest = uses[address, default: []].subtracting(use)
            uses[address] = rest.isEmpty ? nil : rest
        }
    }
}
