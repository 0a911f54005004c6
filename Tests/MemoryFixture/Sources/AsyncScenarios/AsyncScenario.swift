import Foundation
import Libvirt
import MemoryFixtureSupport

/// One named piece of asynchronous work the runner repeats.
struct AsyncScenario: Sendable {
    /// The name printed in the summary.
    let name: String
    /// Runs the work once.
    let run: @Sendable () async throws -> Void

    /// Creates a scenario.
    ///
    /// - Parameter name: The name printed in the summary.
    /// - Parameter run: The work.
    init(_ name: String, run: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.run = run
    }
}

/// Runs `body` with a connection to a fresh private node holding `elements`, then deletes the
/// node's folder; the connection is dropped when `body` returns.
///
/// - Parameter elements: XML elements to put under `<node>`.
/// - Parameter body: The work; receives an open connection to the node.
func withAsyncTestNode(_ elements: [String] = [], _ body: (Connection) async throws -> Void) async throws {
    let node = try TestNode(elements)
    defer { node.remove() }
    try await body(try node.connect())
}
