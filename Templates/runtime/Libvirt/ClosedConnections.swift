import CLibvirt
import Synchronization

/// Whether a connection was closed with `close()`: set once, read before every throwing call.
package final class ClosingFlag: Sendable {
    /// Set by the first `close()`.
    private let value = Atomic<Bool>(false)

    /// Creates an open flag.
    package init() {}

    /// Whether the connection was closed.
    package var isClosed: Bool { value.load(ordering: .acquiring) }

    /// Marks the connection closed; true for the first call only, which is the one that releases it.
    package func close() -> Bool {
        !value.exchange(true, ordering: .acquiringAndReleasing)
    }
}

/// The connections closed with `Connection.close()` while objects obtained from them may still
/// hold them (libvirt keeps a connection alive until its last object goes), so that the objects'
/// calls throw instead of reaching it.
///
/// An address leaves the set when a new connection opens at it: libvirt had freed the closed one,
/// so none of its objects remained. While the set is empty (no connection ever closed
/// explicitly), a check is one atomic load.
package enum ClosedConnections {
    /// How many addresses the set holds, read without the lock.
    private static let count = Atomic<Int>(0)
    /// The addresses of the closed connections.
    private static let addresses = Locked<Set<UInt>>([])

    /// Whether any connection is closed (the fast path of every check).
    package static var any: Bool { count.load(ordering: .acquiring) > 0 }

    /// Records a connection closed with `close()`.
    package static func insert(_ connection: OpaquePointer) {
        update { $0.insert(address(connection)) }
    }

    /// Forgets the address of a connection libvirt has just opened.
    package static func opened(_ connection: OpaquePointer) {
        guard any else { return }
        update { $0.remove(address(connection)) }
    }

    /// Throws when `connection` was closed with `close()`.
    package static func check(_ connection: OpaquePointer?) throws {
        guard any, let connection else { return }
        let address = address(connection)
        if addresses.withLock({ $0.contains(address) }) { throw LibvirtError.closedConnection }
    }

    /// Changes the set and its count together.
    private static func update(_ change: (inout Set<UInt>) -> Void) {
        addresses.withLock { set in
            change(&set)
            count.store(set.count, ordering: .releasing)
        }
    }

    /// The integer address of a connection pointer.
    private static func address(_ connection: OpaquePointer) -> UInt {
        UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
    }
}

extension LibvirtError {
    /// The error a call on a connection closed with `close()`, or on one of its objects, throws.
    package static let closedConnection = LibvirtError(
        code: .invalidConnection, errorDomain: .none,
        message: "the connection was closed with close(); open a new Connection to use libvirt again")
}
