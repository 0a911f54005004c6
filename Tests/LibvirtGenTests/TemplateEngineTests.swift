import Foundation
import LibvirtGenModel
@testable import LibvirtGenTemplating
import Mustache
import Testing

/// The template engine renders what swift-mustache 2 renders, byte for byte, on every construct
/// the templates use and on the corners of those (standalone lines, partial indentation, nil
/// values falling through to outer values, sequence positions); it names the file and line of a
/// template it cannot read. (One difference is deliberate: a variable naming a list, a view or a
/// dictionary renders nothing, where swift-mustache prints Swift's description of it.)
@Suite("Template engine")
struct TemplateEngineTests {
    /// A view like the renderers' views: strings, Booleans, numbers, enums, optionals, lists of
    /// views and of strings, a dictionary.
    struct Item: Encodable {
        var name: String
        var note: String?
        var flag: Bool
        var lines: [String]
    }

    /// An enum rendered by its case name (its raw value, where a view is encoded).
    enum Kind: String, Encodable { case method, property }

    /// The outer view.
    struct View {
        var title = "A <b>&\"'"
        var note: String? = "outer note"
        var empty = ""
        var count = 3
        var kind = Kind.property
        var items = [
            Item(name: "one", note: nil, flag: true, lines: ["x", "y"]),
            Item(name: "two", note: "inner", flag: false, lines: []),
            Item(name: "three", note: nil, flag: true, lines: ["z"]),
        ]
        var none: [Item] = []
        var body = "first line\nsecond line"
        var settings: [String: Any] = ["key": "value", "nested": ["deep": "down"]]
        var child: Item? = Item(name: "kid", note: nil, flag: false, lines: ["k"])
    }

    /// The outer view again, read through its encoding (``TemplateView``) instead of reflection;
    /// it has no dictionary, which `Encodable` cannot hold.
    struct EncodedView: TemplateView {
        var title = View().title
        var note = View().note
        var empty = View().empty
        var count = View().count
        var kind = View().kind
        var items = View().items
        var none = View().none
        var body = View().body
        var child = View().child
    }

    /// Templates exercising each construct; `main` is rendered, the others are its partials.
    static let cases: [(name: String, templates: [String: String])] = [
        ("variables", ["main": "{{title}} {{{title}}} {{&title}} {{count}} {{kind}} {{missing}}|{{note}}\n"]),
        ("text pragma", ["main": "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n{{#items}}{{name}}{{/items}}\n"]),
        ("standalone sections", ["main": "start\n  {{#items}}\n  - {{name}}\n  {{/items}}\n  {{^none}}\n  nothing\n  {{/none}}\nend\n"]),
        ("inline sections", ["main": "[{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}] {{#flag}}no{{/flag}}\n"]),
        ("first and last", ["main": "{{#items}}{{#first()}}<{{/first()}}{{name}}{{#last()}}>{{/last()}}\n{{/items}}"]),
        ("empty transform", ["main": "{{^empty(lines)}}has{{/empty(lines)}}{{#empty(empty)}}blank{{/empty(empty)}}\n"]),
        ("items with lines", ["main": "{{#items}}\n{{name}}:\n{{#lines}}\n  {{.}}\n{{/lines}}\n{{^lines}}\n  (none)\n{{/lines}}\n{{/items}}\n"]),
        ("nil falls through", ["main": "{{#items}}{{name}}={{note}};{{/items}}\n{{#child}}{{name}} {{note}} {{title}}{{/child}}\n"]),
        ("dotted and anchored", ["main": "{{child.name}} {{#child}}{{.name}}|{{.title}}{{/child}} {{settings.key}} {{settings.nested.deep}}\n"]),
        ("comments", ["main": "a{{! inline }}b\n  {{! standalone }}\n c {{! after }} d\n"]),
        ("indented partial", [
            "main": "{{% CONTENT_TYPE: TEXT}}\nbegin\n    {{> inner}}\nmid {{> inner}}\n{{#items}}\n  {{> inner}}\n{{/items}}\nend\n",
            "inner": "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n{{body}}\n{{#items}}\nitem {{name}}\n{{/items}}\n",
        ]),
        ("partial starts in HTML", ["main": "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n{{> inner}}\n", "inner": "{{title}}\n"]),
        ("nested partials", [
            "main": "  {{> a}}\n", "a": "a1\n  {{> b}}\na2\n", "b": "b1\n{{#items}}\nb-{{name}}\n{{/items}}\n",
        ]),
        ("whitespace quirks", ["main": "  {{#flag}}\nx\n  {{/flag}}  \n\t{{#items}}  {{name}}  {{/items}}\t\n{{#items}}{{/items}}{{^none}}\n{{/none}}\n  "]),
        ("no trailing line break", ["main": "{{#items}}{{name}}{{/items}}"]),
        ("Booleans and numbers", ["main": "{{#items}}{{#flag}}+{{/flag}}{{^flag}}-{{/flag}}{{flag}} {{/items}}{{count}} {{#count}}n{{/count}}\n"]),
    ]

    /// Each case renders the same with both engines, from a reflected view and from an encoded one,
    /// the encoded one handed over both as `Any` and with its type known when compiled.
    @Test(arguments: cases.map(\.name))
    func matchesSwiftMustache(name: String) throws {
        let templates = try #require(Self.cases.first { $0.name == name }).templates
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        let set = try TemplateSet(sources: templates.map { ($0.key, "\($0.key).mustache", $0.value) })
        for view in [View() as Any, EncodedView()] {
            let expected = try #require(library.render(view, withTemplate: "main"))
            let actual = try set.render("main", view)
            #expect(actual == expected, "\(type(of: view))")
            #expect(!actual.isEmpty)
        }
        let typed = try set.render("main", EncodedView())
        #expect(typed == library.render(EncodedView(), withTemplate: "main"))
    }

    /// The repository's templates, rendered over the reference description's views, are what the
    /// byte-for-byte reference test of `Generated/` proves; here, each template folder parses.
    @Test func repositoryTemplatesParse() throws {
        let folders = try FileManager.default.contentsOfDirectory(
            at: Reference.root.appendingPathComponent("Templates"), includingPropertiesForKeys: nil)
        for folder in folders where (try? folder.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            _ = try TemplateSet(folder: folder)
        }
    }

    /// A template that does not parse is an error naming its file and line.
    @Test(arguments: [
        ("line one\n{{#open}}\nnever closed\n", 4, "never closed"),
        ("a\nb {{/stray}}\n", 2, "closes no open section"),
        ("{{#a}}\n{{/b}}\n", 2, "closes no open section"),
        ("x\ny\n{{ upper(name) }}\n", 3, "unknown transform 'upper'"),
        ("{{=<% %>=}}\n", 1, "do not use"),
        ("{{name\n", 2, "does not end in '}}'"),
        ("{{% CONTENT_TYPE: JSON}}\n", 1, "content type 'JSON'"),
    ])
    func syntaxErrors(text: String, line: Int, message: String) throws {
        do {
            _ = try TemplateSet(sources: [("main", "main.mustache", text)])
            Issue.record("\(text) parsed")
        } catch let error as DiagnosticError {
            #expect(error.description.hasPrefix("main.mustache:\(line): error: template does not parse"), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    /// A partial the set lacks is an error when the set loads, not silent empty output.
    @Test func missingPartial() throws {
        #expect(throws: DiagnosticError.self) {
            try TemplateSet(sources: [("main", "main.mustache", "{{#a}}\n{{> absent}}\n{{/a}}\n")])
        }
    }
}
