import ArgumentParser
import Foundation
import LibvirtGenCore

/// `libvirt-swiftgen api-diff`: what changed between two API descriptions.
struct APIDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-diff",
        abstract: "Compare two libvirt API descriptions, in C terms and in Swift terms.",
        discussion: """
            Lists the functions, enum values, macros, structs and typedefs added, removed or changed, \
            the Swift declarations that appear, disappear or change signature, and the changes that break \
            users' source (removals, signature changes, new cases of enums users switch over). Markdown \
            for release notes by default; --json for the JSON document.
            """)

    @Argument(help: ArgumentHelp("Folder with the old version's four API description files.", valueName: "old-dir"))
    var oldFolder: String

    @Argument(help: ArgumentHelp("Folder with the new version's four API description files.", valueName: "new-dir"))
    var newFolder: String

    @Flag(help: "Print the JSON document instead of Markdown.")
    var json = false

    func run() throws {
        try reportingFailures {
            let pipeline = try Pipeline()
            let old = try pipeline.run(apiXML: URL(fileURLWithPath: oldFolder))
            let new = try pipeline.run(apiXML: URL(fileURLWithPath: newFolder))
            for warning in old.diagnostics.warnings + new.diagnostics.warnings { printError(warning.description) }
            let diff = APIDiff(old: old, new: new)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(diff), as: UTF8.self))
            } else {
                print(diff.markdown)
            }
        }
    }
}
