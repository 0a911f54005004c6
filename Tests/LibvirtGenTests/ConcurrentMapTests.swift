import Foundation
import LibvirtGenModel
import Testing

/// The generator's stages run side by side through `concurrentMap` and `concurrently`: results in
/// order, the same error on every run, and nested calls still in parallel (Dispatch's
/// `concurrentPerform` runs a nested call serially, which is why the generator has its own).
@Suite("Concurrent stages")
struct ConcurrentMapTests {
    /// An error carrying the element that failed.
    struct Failure: Error, Equatable {
        /// The failing element.
        let element: Int
    }

    @Test("results come back in the elements' order, nested maps included")
    func order() {
        let rows = Array(0..<40).concurrentMap { row in
            Array(0..<25).concurrentMap { row * 100 + $0 }
        }
        #expect(rows == (0..<40).map { row in (0..<25).map { row * 100 + $0 } })
        #expect([Int]().concurrentMap { $0 }.isEmpty)
    }

    @Test("a transform's typed error comes out typed; one that cannot fail needs no try")
    func typedThrows() {
        do throws(Failure) {
            _ = try Array(0..<8).concurrentMap { element throws(Failure) -> Int in
                if element == 5 { throw Failure(element: element) }
                return element
            }
            Issue.record("no error")
        } catch {
            #expect(error.element == 5)
        }
    }

    @Test("the first failing element in order is reported, whichever fails first in time")
    func firstErrorInOrder() {
        for _ in 0..<20 {
            #expect(throws: Failure(element: 3)) {
                try Array(0..<64).concurrentMap { element in
                    // The later failure happens first in time.
                    if element == 3 { Thread.sleep(forTimeInterval: 0.002) }
                    if element == 3 || element == 40 { throw Failure(element: element) }
                    return element
                }
            }
        }
        #expect(throws: Failure(element: 1)) {
            try concurrently({ throw Failure(element: 1) }, { () throws -> Int in throw Failure(element: 2) })
        }
        #expect(throws: Failure(element: 2)) { try concurrently({ 1 }, { () throws -> Int in throw Failure(element: 2) }) }
    }

    @Test("both computations of `concurrently` return their results")
    func pair() throws {
        let (text, number) = try concurrently({ "domain" }, { 42 })
        #expect(text == "domain" && number == 42)
    }

    @Test("nested calls run at the same time", .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores"))
    func nestedCallsOverlap() throws {
        // Each nested pair waits for its partner to start: it can only finish when both run at once.
        let started = try Array(0..<2).concurrentMap { _ in
            let partners = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            let met = try concurrently({ () -> Bool in
                partners.0.signal()
                return partners.1.wait(timeout: .now() + 10) == .success
            }, { () -> Bool in
                partners.1.signal()
                return partners.0.wait(timeout: .now() + 10) == .success
            })
            return met.0 && met.1
        }
        #expect(started == [true, true])
    }

    @Test("a handoff's value reaches the other computation, whether it is handed before or after the take")
    func handoff() throws {
        for delay in [0, 0.005] {
            let version = Handoff<String>()
            let (_, taken) = try concurrently({
                Thread.sleep(forTimeInterval: delay)
                version.hand(.success("9.0.0"))
            }, { try version.take() })
            #expect(taken == "9.0.0")
        }
        let once = Handoff<Int>()
        once.hand(.success(1))
        once.hand(.success(2))
        #expect(try once.take() == 1)
        #expect(try once.take() == 1)
    }

    @Test("a failure handed over is thrown to the taker, which does not wait forever")
    func handoffFailure() {
        let version = Handoff<String>()
        #expect(throws: Failure(element: 1)) {
            try concurrently({ () throws -> Int in
                let failure = Failure(element: 1)
                version.hand(.failure(failure))
                throw failure
            }, { try version.take() })
        }
        #expect(throws: Failure(element: 1)) { try version.take() }
    }
}
