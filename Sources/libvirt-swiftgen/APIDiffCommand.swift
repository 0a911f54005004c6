import ArgumentParser
import Foundation
import LibvirtGenCore
import LibvirtGenReports
import LibvirtGenerator

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

            With --generated, the two folders are generated binding packages (for example the bindings \
            two versions of the generator wrote for one release): each is built with the compiler's \
            symbol graphs, and their public declarations, hand-written runtime included, are compared; a \
            declaration whose C symbol moved to one new declaration is reported as renamed.
            """)

    @Argument(help: ArgumentHelp(
        "Folder with the old version's four API description files (with --generated: the old package).", valueName: "old-dir"))
    var oldFolder: String

    @Argument(help: ArgumentHelp(
        "Folder with the new version's four API description files (with --generated: the new package).", valueName: "new-dir"))
    var newFolder: String

    @Flag(help: "Compare two generated packages' public declarations instead of two API descriptions.")
    var generated = false

    @Flag(help: "Print the JSON document instead of Markdown.")
    var json = false

    func run() throws {
        try reportingFailures {
            if generated { return try compareGenerated() }
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

    /// `--generated`: builds both packages and prints the Swift part of the diff.
    private func compareGenerated() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("api-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let old = try SymbolGraphBuild.publicAPI(of: URL(fileURLWithPath: oldFolder), scratch: scratch, name: "old")
        let new = try SymbolGraphBuild.publicAPI(of: URL(fileURLWithPath: newFolder), scratch: scratch, name: "new")
        let part = APIDiff.SwiftPart(old: old, new: new)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(part), as: UTF8.self))
        } else {
            print((["# Swift API: \(oldFolder) → \(newFolder)", ""] + part.markdownSections).joined(separator: "\n"))
        }
    }
}
