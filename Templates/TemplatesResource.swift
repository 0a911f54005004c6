import Foundation

/// Locates the templates built into the generator as resources.
public enum TemplatesResource {
    /// The folder of Swift source templates (`*.mustache`).
    public static var swiftTemplates: URL {
        Bundle.module.resourceURL!.appendingPathComponent("swift")
    }

    /// The folder of verbatim runtime support files copied into every generated package.
    public static var runtimeFiles: URL {
        Bundle.module.resourceURL!.appendingPathComponent("runtime")
    }

    /// The folder of documentation-site templates (`*.mustache`) and static assets (`style.css`, `search.js`).
    public static var docsTemplates: URL {
        Bundle.module.resourceURL!.appendingPathComponent("docs")
    }

    /// The harness's files: the runner's checks, the call recorder, the node description and
    /// the templates of the runner's package and probes.
    public static var harnessFiles: URL {
        Bundle.module.resourceURL!.appendingPathComponent("harness")
    }
}
