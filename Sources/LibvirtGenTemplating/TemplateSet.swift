import Foundation
import LibvirtGenModel

/// The Mustache templates of one folder, loaded by name (file name without `.mustache`), parsed
/// once and rendered by ``TemplateRenderer``.
///
/// The engine is the repository's own rather than swift-mustache's interpreter, which looked up
/// every variable through several dynamic casts per value of the context stack and rebuilt the
/// output string once per nesting level: it took a third of `generate`'s time. It reads the part
/// of Mustache the templates use (``TemplateParser``) and renders it as swift-mustache 2 does.
public struct TemplateSet: Sendable {
    /// The parsed templates by name.
    let templates: [String: [TemplateNode]]
    /// The bytes a render reserves before it starts: a declaration's size.
    static let typicalOutputSize = 2048

    /// Loads every `*.mustache` file of a folder; throws a ``DiagnosticError`` naming the file of a
    /// template that cannot be read, does not parse (with the line) or names a partial the folder
    /// lacks.
    public init(folder: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        try self.init(sources: names.sorted().filter { $0.hasSuffix(".mustache") }.map { file in
            let url = folder.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw DiagnosticError("cannot read the template as UTF-8 text", at: SourceLocation(file: url.path, line: 0))
            }
            return (String(file.dropLast(9)), url.path, text)
        })
    }

    /// Parses templates given as text, each with the file its errors name.
    init(sources: [(name: String, file: String, text: String)]) throws {
        var templates: [String: [TemplateNode]] = [:]
        var partials: [(name: String, file: String)] = []
        for source in sources {
            let nodes: [TemplateNode]
            do {
                nodes = try TemplateParser.parse(source.text)
            } catch {
                throw DiagnosticError("template does not parse: \(error.message)", at: SourceLocation(file: source.file, line: error.line))
            }
            templates[source.name] = nodes
            partials += Self.partialNames(in: nodes).map { ($0, source.file) }
        }
        if let missing = partials.first(where: { templates[$0.name] == nil }) {
            throw DiagnosticError("template names the partial '\(missing.name)', which is not among the templates",
                                  at: SourceLocation(file: missing.file, line: 0))
        }
        self.templates = templates
    }

    /// Renders a template; a missing template is a programming error reported as a diagnostic.
    public func render(_ name: String, _ object: Any) throws -> String {
        try render(name, root: TemplateValue.wrap(object) ?? .other(object))
    }

    /// Renders a template with a view: what ``render(_:_:)-(_,Any)`` does, its encoding chosen
    /// when compiled rather than found by casting the value at every call.
    public func render<View: TemplateView>(_ name: String, _ view: View) throws -> String {
        try render(name, root: TemplateValue.encoding(view))
    }

    /// Renders a template with its root value wrapped.
    private func render(_ name: String, root: TemplateValue) throws -> String {
        guard let nodes = templates[name] else { throw DiagnosticError("no template named '\(name)'") }
        var output: [UInt8] = []
        // Room for most renders' output, which growing from empty copied several times over.
        output.reserveCapacity(Self.typicalOutputSize)
        TemplateRenderer(templates: templates).render(
            nodes, TemplateRenderer.Context(stack: [root], sequence: nil, indentation: [], html: true), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The partials `nodes` name, sections included.
    private static func partialNames(in nodes: [TemplateNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .partial(let name, _): [name]
            case .section(_, _, let body): partialNames(in: body)
            case .text, .variable, .contentType: []
            }
        }
    }
}
