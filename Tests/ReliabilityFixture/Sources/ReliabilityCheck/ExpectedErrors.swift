import Libvirt

/// Runs `body`, which must throw a ``LibvirtError`` with `code` (and, where the driver names it,
/// `subject` in the message): the error belongs to this call, not to another thread's call or an
/// earlier one.
///
/// The test driver's lookup errors name nothing ("Domain not found"), so lookups check the code
/// only; rejected typed-parameter names are named in the message.
///
/// - Parameter code: The expected error code.
/// - Parameter subject: Text the message must contain (a rejected key), or nil.
/// - Parameter what: The call, for failure messages.
/// - Parameter body: The failing call.
func expectError(
    _ code: LibvirtError.Code, naming subject: String? = nil, _ what: String, _ body: () throws -> Void
) throws {
    do {
        try body()
    } catch let error as LibvirtError {
        try require(error.code == code, "\(what): threw \(error.code) '\(error.message)', expected \(code)")
        if let subject {
            try require(
                error.message.contains(subject), "\(what): the error '\(error.message)' does not name \(subject)")
        }
        return
    }
    throw CheckFailure("\(what): succeeded, expected \(code)")
}
