import Foundation
import LibvirtGenModel
import LibvirtGenTemplates
import LibvirtGenTemplating

/// Renders the typed XML views into the `LibvirtXML` module: one file per document kind (its
/// root view, then each nested view in an extension of its parent), in parts of about
/// ``FileParts/lineBudget`` lines, and the module's runtime (`Templates/runtime/LibvirtXML`).
public struct XMLViewRenderer: Sendable {
    /// The documents' module in the generated package.
    public static let moduleName = "LibvirtXML"
    /// The module of the typed functions (`domain.description()`), over `Libvirt` and `LibvirtXML`,
    /// so that users of `Libvirt` alone do not build the documents.
    public static let functionsModuleName = "LibvirtTypedXML"

    /// The Swift templates.
    let templates: TemplateSet
    /// The folder of runtime files, one subfolder per module.
    let runtimeFolder: URL

    /// Loads the templates built into the generator.
    public init() throws {
        templates = try SwiftRenderer.builtInTemplates.get()
        runtimeFolder = TemplatesResource.runtimeFiles
    }

    /// The module's files, package-relative path → contents; `header` names the generator and the
    /// libvirt release.
    public func render(_ documents: [XMLDocumentTypes], header: @Sendable (String) -> String) throws -> [String: String] {
        var files: [String: String] = [:]
        let folder = "Sources/\(Self.moduleName)"
        let texts = try documents.concurrentMap { try render($0, header: header($0.spec.schema)) }
        for (document, parts) in zip(documents, texts) {
            for (index, text) in parts.enumerated() {
                files["\(folder)/Generated/\(FileParts.name("\(document.spec.type).swift", part: index))"] = text
            }
        }
        let runtime = runtimeFolder.appendingPathComponent(Self.moduleName)
        for name in try FileManager.default.contentsOfDirectory(atPath: runtime.path).sorted() where name.hasSuffix(".swift") {
            let text = try String(contentsOf: runtime.appendingPathComponent(name), encoding: .utf8)
            files["\(folder)/Runtime/\(name)"] = header("Templates/runtime") + "\n\n" + text
        }
        return files
    }

    /// One document kind's file, in parts.
    private func render(_ document: XMLDocumentTypes, header: String) throws -> [String] {
        // A document's views are independent too: the domain's alone would be a third of the time.
        let declarations = try Array(document.views.enumerated()).concurrentMap { index, view in
            let body = try templates.render(
                "xml-view", XMLViewTemplateView(view, documentSchema: index == 0 ? document.spec.schema : nil))
                .trimmingTrailingNewlines
            guard view.path.count > 1 else { return body }
            let owner = view.path.dropLast().joined(separator: ".")
            return try templates.render("extension", ExtensionView(owner: owner, members: [body.indented(4)]))
                .trimmingTrailingNewlines
        }
        let usesUUID = document.views.contains { $0.properties.contains { $0.value == .uuid } }
        return try FileParts.split(declarations: declarations).map { declarations in
            try templates.render(
                "xml-file", SourceFileView(header: header, imports: usesUUID ? ["Foundation"] : [], declarations: declarations))
                .trimmingTrailingNewlines + "\n"
        }
    }
}
