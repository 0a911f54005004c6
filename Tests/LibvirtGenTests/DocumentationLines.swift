import LibvirtGenModel
@testable import LibvirtGenSwift

extension Documentation {
    /// The lines of the `///` comment the Swift renderer writes for it.
    var lines: [String] { DocumentationComment.lines(self) }
}
