import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenModel
import Testing

/// The pipeline hands the lowered XML documents to a finishing stage (the generator renders the
/// typed XML module there) while the API is still being lowered; the stage waits for the
/// release's version, which reading the API gives.
@Suite("Finishing the documents beside the API's lowering")
struct FinishingDocumentsTests {
    @Test("the stage gets every lowered document and the release's version")
    func stageGetsDocumentsAndVersion() throws {
        let (result, finished) = try Pipeline().run(input: .apiXML(Reference.apiFolder)) { documents, version in
            (documents.map(\.spec.type), version)
        }
        let (types, version) = try #require(finished)
        #expect(version == "9.0.0" && version == result.package.libvirtVersion)
        #expect(!types.isEmpty && types == result.package.xmlDocuments.map(\.spec.type))
    }

    @Test("an API that cannot be read fails the run with its own diagnostic; the waiting stage does not hang")
    func unreadableAPIFailsTheWaitingStage() throws {
        try withTemporaryFolder { folder in
            try APIFolder.copyReference(to: folder)
            try FileManager.default.copyItem(
                at: Reference.apiFolder.appendingPathComponent("schemas"), to: folder.appendingPathComponent("schemas"))
            let api = folder.appendingPathComponent("libvirt-api.xml")
            try Data("<api name='libvirt'>\n<files>\n".utf8).write(to: api)
            // Run on a thread of its own, so that a stage waiting forever fails the test rather than hanging the run.
            let outcome = Outcome()
            Thread.detachNewThread {
                outcome.finish(Result { try Pipeline().run(input: .apiXML(folder)) { documents, _ in documents.count } })
            }
            guard outcome.done.wait(timeout: .now() + 60) == .success, let result = outcome.result else {
                Issue.record("the run did not end within a minute: the documents' stage waits for a version never handed over")
                return
            }
            let error = try #require(throws: DiagnosticError.self) { try result.get() }
            #expect(error.diagnostic.location?.file == api.path)
            #expect(error.description.contains("malformed XML"))
        }
    }

    /// A run's outcome, handed from the thread it ran on.
    final class Outcome: @unchecked Sendable {
        /// Signalled once the result is set.
        let done = DispatchSemaphore(value: 0)
        /// The run's result, set before `done` is signalled.
        private(set) var result: Result<(result: Pipeline.Result, finished: Int?), any Error>?

        /// Sets the result and signals.
        func finish(_ result: Result<(result: Pipeline.Result, finished: Int?), any Error>) {
            self.result = result
            done.signal()
        }
    }
}
