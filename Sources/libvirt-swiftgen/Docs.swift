import ArgumentParser
import Foundation
import LibvirtGenCore
import LibvirtGenerator
import LibvirtGenDocs

/// `libvirt-swiftgen docs`: API description → static HTML documentation site.
struct Docs: ParsableCommand {
    /// The subcommand's name, abstract and help text.
    static let configuration = CommandConfiguration(
        abstract: "Render the bindings' documentation as a static HTML site.",
        discussion: """
            The site (one page per module and per type, articles, a C-name index and a search page) works \
            from file:// and any static server. The output folder is replaced atomically.
            """)

    /// Where the API description is read from.
    @OptionGroup var api: APIOptions

    /// The folder the site is written to.
    @Option(help: ArgumentHelp("Folder to write the site into.", valueName: "dir"))
    var output: String

    /// Reads and lowers the description, renders the site, writes it atomically and prints a summary.
    func run() throws {
        try reportingFailures {
            let start = Date()
            let result = try Pipeline().run(apiXML: api.folder)
            for warning in result.diagnostics.warnings { printError(warning.description) }
            let files = try DocsSite().render(result.package, apis: result.apis)
            try OutputFolder(url: URL(fileURLWithPath: output)).write(files)
            let pages = files.keys.filter { $0.hasSuffix(".html") }.count
            let seconds = Date().timeIntervalSince(start)
            print(
                "Wrote \(pages) pages (\(files.count) files, libvirt \(result.package.libvirtVersion)) "
                    + "into \(output) in \(String(format: "%.2f", seconds)) s")
        }
    }
}
