import LibvirtGenModel

/// Which bound functions get an `async` counterpart, and what cancelling it does.
///
/// A function gets one when it can fail, which is when it reaches libvirt's driver and so may
/// block (a remote round trip, a migration, a guest-agent command), except:
/// - a function that cannot fail (an object's name, MAC address or ID) reads what the process
///   already holds and returns at once: no counterpart;
/// - a static function has no connection (`LibvirtLibrary.version(type:)`, `adminVersion()`):
///   libvirt answers it in the process, so no counterpart.
/// Methods and initializers keep their name, labels and defaults; a throwing property becomes a
/// method of the same base name (`isActive` → `isActive()`), since Swift cannot overload a
/// property on `async`. The bound functions' arguments (strings, numbers, enums, option sets,
/// handles, typed parameters, arrays of those) and results are `Sendable` values, so every
/// remaining function qualifies; none takes a callback or an `inout` argument.
///
/// Cancelling the task before a pool thread takes the call means the call never runs. Once it
/// runs, libvirt cannot interrupt it, except where the overrides data's `abortOnCancel` names the
/// function: it starts a libvirt job that the named abort function ends, and cancelling the task
/// calls it with the receiver.
enum AsyncRule {
    /// The async counterpart of `function`, given the overrides data's `abortOnCancel` and the
    /// names of the API's functions (an abort function the API lacks is not used).
    static func counterpart(
        of function: BoundFunction, abortOnCancel: [String: String], functionNames: Set<String>
    ) -> AsyncCounterpart? {
        guard function.throwing, function.kind != .staticMethod else { return nil }
        let abort = abortOnCancel[function.cName].flatMap { functionNames.contains($0) ? $0 : nil }
        return AsyncCounterpart(abortFunction: abort, doc: documentation(function.doc, abortFunction: abort))
    }

    /// The function's documentation with a paragraph on the blocking pool and cancellation after
    /// its description, and `CancellationError` added to what it throws.
    static func documentation(_ doc: Documentation, abortFunction: String?) -> Documentation {
        let running = abortFunction.map {
            [
                "`CancellationError` and the call never runs; once it runs, cancelling the task aborts",
                "libvirt's job (`\($0)`) and the call throws `LibvirtError.operationAborted`.",
            ]
        } ?? [
            "`CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and",
            "the task waits for it.",
        ]
        let paragraph = [
            "Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits",
            "without blocking its thread. A task cancelled before a pool thread takes the call throws",
        ] + running
        var doc = doc
        doc.body += (doc.body.isEmpty ? [] : [""]) + paragraph
        doc.throwing = doc.throwing.map { text in
            (text.hasSuffix(".") ? String(text.dropLast()) : text)
                + ", or `CancellationError` when the task is cancelled before the call starts."
        }
        return doc
    }
}
