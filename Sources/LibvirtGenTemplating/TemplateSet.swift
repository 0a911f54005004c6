import Foundation
import LibvirtGenModel
import Mustache

/// The Mustache templates of one folder, loaded by name (file name without `.mustache`).
public struct TemplateSet: Sendable {
    /// The loaded templates.
    let library: MustacheLibrary

    /// Loads every `*.mustache` file of a folder; throws a ``DiagnosticError`` naming a template that does not parse.
    public init(folder: URL) throws {
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(file)
            do {
                try library.register(String(contentsOf: url, encoding: .utf8), named: String(file.dropLast(9)))
            } catch {
                throw DiagnosticError("template does not parse: \(error)", at: SourceLocation(file: url.path, line: 0))
            }
        }
        self.library = library
    }

    /// Renders a template; a missing template is a programming error reported as a diagnostic.
    public func render(_ name: String, _ object: Any) throws -> String {
        guard let text = library.render(ReflectedContext.wrap(object) as Any, withTemplate: name) else {
            throw DiagnosticError("no template named '\(name)'")
        }
        return text
    }
}
