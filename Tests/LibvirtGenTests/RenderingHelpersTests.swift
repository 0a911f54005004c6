import Foundation
import LibvirtGenModel
@testable import LibvirtGenSwift
@testable import LibvirtGenTemplating
import Testing

/// The renderer's text helpers: the runtime scanner behind the runtime-dependency check, the
/// values templates read views as, and indentation.
@Suite("Rendering helpers")
struct RenderingHelpersTests {
    /// A runtime source with declarations, nested type references, and near misses.
    static let source = """
        public struct Credential {}
        enum   Kind: Int {}
        final class Box<T> {}
        typealias
            Handler = () -> Void
        structs are not declarations; mystruct Foo neither
        let a = Connection.Credential.Kind.self
        let b = DataStream.EventType(rawValue: 1)
        let c = Domain.state, d = x.Domain.Event, e = Libvirt.Domain.Event
        // Network .Event is not a reference; nor is Network.event
        """

    /// Declared names are the words after the declaration keywords, across line breaks.
    @Test func declaredNames() {
        #expect(RuntimeDependencies.declaredNames(in: Self.source) == ["Credential", "Kind", "Box", "Handler"])
    }

    /// References are `Upper.Upper` word pairs; a matched second word does not start another one.
    @Test func nestedTypeReferences() {
        let references = RuntimeDependencies.nestedTypeReferences(in: Self.source).map { "\($0.owner).\($0.name)" }
        #expect(references == ["Connection.Credential", "DataStream.EventType", "Domain.Event", "Libvirt.Domain"])
    }

    /// A view struct used as a Mustache context.
    struct View {
        /// A nested view.
        struct Row {
            let name: String
            let note: String?
        }
        let title: String
        let rows: [Row]
        let flag: Bool
        let missing: String?
        let table: [String: Any]
    }

    /// Structs become name lookups, optionals unwrap (none → nil), arrays and dictionaries keep
    /// their shape with their elements wrapped, strings and booleans pass through.
    @Test func templateValues() throws {
        let view = View(
            title: "T", rows: [.init(name: "a", note: "n"), .init(name: "b", note: nil)], flag: true, missing: nil,
            table: ["row": View.Row(name: "c", note: nil)])
        let context = try #require(TemplateValue.wrap(view))
        #expect(context.child(named: "title")?.text == "T")
        guard case .bool(true)? = context.child(named: "flag") else { Issue.record("flag is not true"); return }
        #expect(context.child(named: "missing") == nil)
        #expect(context.child(named: "noSuchProperty") == nil)
        guard case .list(let rows)? = context.child(named: "rows"), rows.count == 2 else { Issue.record("rows"); return }
        #expect(rows[0].child(named: "note")?.text == "n")
        #expect(rows[1].child(named: "note") == nil)
        #expect(rows[1].child(named: "name")?.text == "b")
        #expect(context.child(named: "table")?.child(named: "row")?.child(named: "name")?.text == "c")
        #expect(TemplateValue.wrap(Optional<String>.none as Any) == nil)
    }

    /// Templates render the same through the wrapper as from the plain value.
    @Test func templatesRenderThroughTheWrapper() throws {
        let view = View(
            title: "T", rows: [.init(name: "a", note: "n"), .init(name: "b", note: nil)], flag: true, missing: nil,
            table: [:])
        let template = "{{title}}{{#rows}} {{name}}{{#note}}={{.}}{{/note}}{{/rows}}{{#flag}}!{{/flag}}{{^missing}}-{{/missing}}"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try template.write(to: folder.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        #expect(try TemplateSet(folder: folder).render("t", view) == "T a=n b!-")
    }

    /// Borrowed strings wrap the call in closures, the first string outermost, each closure's
    /// parameter shadowing the Swift string.
    @Test func borrowedStringsWrapTheCall() {
        #expect(FunctionBodyView.borrowing([], around: "f(p)") == "f(p)")
        #expect(FunctionBodyView.borrowing(
            [.init(name: "a", optional: false), .init(name: "b", optional: true)], around: "f(p, a, b)")
            == "a.withCString { a in withOptionalCString(b) { b in f(p, a, b) } }")
    }

    /// Non-empty lines get the indentation; empty lines stay empty.
    @Test func indentation() {
        #expect("a\n\n  b\nc".indented(4) == "    a\n\n      b\n    c")
        #expect("".indented(2) == "")
        #expect("x\n".indented(2) == "  x\n")
    }
}
