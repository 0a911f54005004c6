import Foundation
import LibvirtGenCore
import LibvirtGenDocs
import LibvirtGenModel
import Testing

/// The documentation site rendered from the checked-in API description, computed once.
enum ReferenceSite {
    /// The rendered site, or the error rendering threw.
    private static let outcome = Result {
        let result = try Reference.result()
        return try DocsSite().render(result.package, apis: result.apis)
    }

    /// The site's files, relative path → contents.
    static func files() throws -> [String: String] { try outcome.get() }

    /// The HTML pages, relative path → contents.
    static func pages() throws -> [String: String] { try files().filter { $0.key.hasSuffix(".html") } }

    /// The values of every `href` and `src` attribute of a page.
    static func links(in html: String) -> [String] {
        (values(of: "href=\"", in: html) + values(of: "src=\"", in: html)).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// The `id` attributes of a page.
    static func ids(in html: String) -> Set<String> {
        Set(values(of: " id=\"", in: html))
    }

    /// The text between each occurrence of `opening` and the next quote (a fast attribute scan).
    static func values(of opening: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: opening) {
            guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
            found.append(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return found
    }

    /// Resolves a relative address against the page it appears on; nil for a path leaving the site.
    static func resolve(_ address: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in address.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if parts.popLast() == nil { return nil }
            case ".": continue
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The member section of a page with the given id.
    static func section(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<section class=\"member\" id=\"\(id)\">") else { return nil }
        guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The search index entries.
    static func searchIndex() throws -> [[String: String]] {
        let json = try #require(try files()["search-index.json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
    }
}

/// The documentation site: links, coverage of bound functions, the C → Swift index and the CLI.
@Suite("Documentation site") struct DocsSiteTests {
    @Test func everyInternalLinkResolves() throws {
        let files = try ReferenceSite.files()
        let pages = try ReferenceSite.pages()
        #expect(pages.count > 200)
        let ids = pages.mapValues(ReferenceSite.ids(in:))
        var broken: [String] = []
        for (path, html) in pages {
            for link in ReferenceSite.links(in: html) where !link.hasPrefix("https://") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? path : ReferenceSite.resolve(parts[0], from: path)
                guard let target, files[target] != nil else { broken.append("\(path): \(link)"); continue }
                if parts.count == 2, let anchors = ids[target], !anchors.contains(parts[1]) {
                    broken.append("\(path): \(link) (no such anchor)")
                }
            }
        }
        #expect(broken.isEmpty, "broken links: \(broken.prefix(20))")
    }

    @Test func everyBoundFunctionAppearsOnExactlyOneMemberPage() throws {
        let pages = try ReferenceSite.pages()
        let functions = try Reference.package().modules.flatMap(\.files).flatMap(\.functions)
        #expect(functions.count > 400)
        var counts: [String: Int] = [:]
        for html in pages.values {
            for id in ReferenceSite.values(of: "<section class=\"member\" id=\"", in: html) { counts[id, default: 0] += 1 }
        }
        let wrong = functions.filter { counts[$0.cName] != 1 }.map { "\($0.cName): \(counts[$0.cName] ?? 0)" }
        #expect(wrong.isEmpty, "functions not on exactly one member page: \(wrong.prefix(20))")
    }

    @Test func searchIndexLeadsFromCNameToSwiftMemberAndBack() throws {
        let entries = try ReferenceSite.searchIndex()
        let entry = try #require(entries.first { $0["c"] == "virDomainGetInfo" })
        #expect(entry["swift"] == "Domain.info()")
        let url = try #require(entry["url"])
        let parts = url.split(separator: "#").map(String.init)
        #expect(parts.count == 2)
        let page = try #require(try ReferenceSite.pages()[parts[0]])
        let section = try #require(ReferenceSite.section(parts[1], in: page))
        #expect(section.contains(">Domain.info()</a></h3>"))
        #expect(section.contains("func info() throws -&gt; Domain.Info"))
        #expect(section.contains("int virDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info)"))
        // Back: the Swift name finds the same C name and address.
        let back = entries.filter { $0["swift"] == "Domain.info()" }
        #expect(back.count == 1 && back.first?["c"] == "virDomainGetInfo" && back.first?["url"] == url)
        // The readable index links the same place.
        let symbols = try #require(try ReferenceSite.pages()["symbols.html"])
        #expect(symbols.contains("<tr id=\"virDomainGetInfo\"><td><code>virDomainGetInfo</code></td><td>function</td><td><a href=\"\(url)\"><code>Domain.info()</code></a>"))
        let script = try #require(try ReferenceSite.files()["search-index.js"])
        #expect(script.hasPrefix("window.LIBVIRT_SEARCH_INDEX = [") && script.contains(url))
        // The search page's script reads the fields the index holds.
        let search = try #require(try ReferenceSite.files()["search.js"])
        for field in ["LIBVIRT_SEARCH_INDEX", "entry.c", "entry.swift", "entry.url", "entry.kind", "entry.status"] {
            #expect(search.contains(field), "search.js does not use \(field)")
        }
    }

    /// Searching `<disk>` finds the disk's view; its section lists the variants by `type`, each
    /// linking the section of the view of what it adds.
    @Test func xmlPagesShowElementsAndVariants() throws {
        let entry = try #require(try ReferenceSite.searchIndex().first { $0["swift"] == "DomainDescription.Devices.Disk" })
        #expect(entry["c"] == "<disk>")
        let parts = try #require(entry["url"]).split(separator: "#").map(String.init)
        let page = try #require(try ReferenceSite.pages()[parts[0]])
        let start = try #require(page.range(of: "<section id=\"\(parts[1])\">"))
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        let section = page[start.lowerBound..<end.upperBound]
        #expect(section.contains("<code>type=&#39;network&#39;</code></td><td><code>variant: .network</code>"))
        #expect(section.contains("href=\"../xml/DomainDescription.html#DomainDescription.Devices.Disk.Variant.Network\""))
        #expect(page.contains("holds what the element adds when it has <code>type=&#39;network&#39;</code>"))
    }

    @Test func memberPageShowsAvailabilityAndErrors() throws {
        let page = try #require(try ReferenceSite.pages()["types/Libvirt.Domain.html"])
        let section = try #require(ReferenceSite.section("virDomainGetInfo", in: page))
        #expect(section.contains("Available since libvirt 0.0.3"))
        #expect(section.contains("<h4>Throws</h4>"))
        #expect(section.contains("href=\"../types/Libvirt.LibvirtError.html\""))
        #expect(section.contains("href=\"../types/Libvirt.Domain.Info.html\""))
    }

    @Test func enumPageShowsCasesWithCNameValueAndVersion() throws {
        let page = try #require(try ReferenceSite.pages()["types/Libvirt.Domain.State.html"])
        let section = try #require(ReferenceSite.section("VIR_DOMAIN_RUNNING", in: page))
        #expect(section.contains("case running"))
        #expect(section.contains("<code class=\"c-name\">VIR_DOMAIN_RUNNING</code>"))
        #expect(section.contains("<dt>Value</dt><dd><code>1</code></dd>"))
        #expect(section.contains("Available since libvirt 0.0.1"))
    }

    @Test func indexListsEverySymbolOnce() throws {
        let symbols = try Reference.package().symbols
        let html = try #require(try ReferenceSite.pages()["symbols.html"])
        let rows = ReferenceSite.values(of: "<tr id=\"", in: html)
        #expect(rows.count == symbols.count)
        #expect(Set(rows) == Set(symbols.map(\.name)))
        let indexed = Set(try ReferenceSite.searchIndex().map { $0["c"] ?? "" })
        #expect(symbols.allSatisfy { indexed.contains($0.name) })
    }

    @Test func onlyTheSearchPageUsesScript() throws {
        for (path, html) in try ReferenceSite.pages() where path != "search.html" {
            #expect(!html.contains("<script"), "\(path) uses script")
        }
        let search = try #require(try ReferenceSite.pages()["search.html"])
        #expect(search.contains("<noscript>") && search.contains("href=\"symbols.html\""))
    }

    @Test func deprecationIsShownWhereTheTextSaysSo() throws {
        let page = try #require(try ReferenceSite.pages()["types/Libvirt.Connection.html"])
        let section = try #require(ReferenceSite.section("virDomainCreateLinux", in: page))
        #expect(section.contains("<p class=\"deprecated\"><strong>Deprecated.</strong>"))
    }

    @Test func accessControlChecksAreShownWhereTheXMLCarriesThem() throws {
        var result = try Reference.result()
        let check = CACLCheck(kind: "check", object: "domain", permission: "read", flags: nil)
        for index in result.apis.indices {
            for function in result.apis[index].functions.indices where result.apis[index].functions[function].name == "virDomainGetInfo" {
                result.apis[index].functions[function].acls = [check]
            }
        }
        let page = try #require(try DocsSite().render(result.package, apis: result.apis)["types/Libvirt.Domain.html"])
        let section = try #require(ReferenceSite.section("virDomainGetInfo", in: page))
        #expect(section.contains("<h4>Access control</h4>"))
        #expect(section.contains("<li><code>check domain:read</code></li>"))
        let unchanged = try #require(try ReferenceSite.pages()["types/Libvirt.Domain.html"])
        #expect(!unchanged.contains("Access control"))
    }

    @Test func docsCommandWritesTheSiteAndPrintsOneLine() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("site")
            let result = try CLI.run(["docs", "--api-xml", Reference.apiFolder.path, "--output", output.path])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("Wrote ") && lines[0].contains(" pages "))
            for name in ["index.html", "symbols.html", "search.html", "search-index.json", "style.css",
                         "modules/Libvirt.html", "types/Libvirt.Domain.html", "articles/getting-started.html"] {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)")
            }
        }
    }
}
