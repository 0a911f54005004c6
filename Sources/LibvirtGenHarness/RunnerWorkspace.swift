import Foundation
import LibvirtGenTemplating
import LibvirtGenTemplates

/// The harness's scratch folder: a copy of the package under test, the runner package that
/// depends on it, the node description, and the files a run writes.
///
/// Files are rewritten only when their contents change, so a reused scratch folder rebuilds
/// only what changed.
struct RunnerWorkspace {
    /// The scratch folder.
    let root: URL

    /// The copy of the package under test.
    var bindings: URL { root.appendingPathComponent("bindings") }
    /// The runner package.
    var runner: URL { root.appendingPathComponent("runner") }
    /// The test-driver node description.
    var nodeFile: URL { root.appendingPathComponent("node.xml") }
    /// A folder the checks may write into.
    var work: URL { root.appendingPathComponent("work") }
    /// The call recorder's counters.
    var counters: URL { root.appendingPathComponent("counters.bin") }
    /// The runner's JSON-lines results.
    var results: URL { root.appendingPathComponent("results.jsonl") }
    /// Where the runner's libvirt writes its warnings.
    var libvirtLog: URL { root.appendingPathComponent("libvirt.log") }
    /// The private daemon's folder.
    var daemon: URL { root.appendingPathComponent("daemon") }
    /// The embedded QEMU driver's root folder.
    var qemuRoot: URL { root.appendingPathComponent("qemu") }
    /// The script that builds the QEMU guest image.
    var guestImageBuilder: URL {
        TemplatesResource.harnessFiles.appendingPathComponent("qemu-guest/build-image")
    }
    /// The built runner.
    var executable: URL { runner.appendingPathComponent(".build/debug/HarnessRunner") }

    /// Writes everything the build needs: the package copy, the runner's sources, its manifest
    /// with one `--wrap` per bound function, the probes and the node description.
    func prepare(package: URL, modules: [String], wrappers: ExerciseWrappers, probes: ProbePlan) throws {
        let harness = TemplatesResource.harnessFiles
        let manager = FileManager.default
        try? manager.removeItem(at: work)
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        try mirror(package, to: bindings, skipping: [".build", ".swiftpm", "Package.resolved"], package: bindings)
        let sources = runner.appendingPathComponent("Sources")
        try mirror(harness.appendingPathComponent("runner"), to: sources.appendingPathComponent("HarnessRunner"),
                   skipping: ["Probes.swift"], package: runner)
        try mirror(harness.appendingPathComponent("exercise"), to: sources.appendingPathComponent("CExercise"),
                   skipping: ["wrappers.c"], package: runner)
        let templates = try TemplateSet(folder: harness)
        try write(wrappers.source(), to: sources.appendingPathComponent("CExercise/wrappers.c"))
        try write(try templates.render("probes", Self.probesView(probes, modules: modules)),
                  to: sources.appendingPathComponent("HarnessRunner/Probes.swift"))
        try write(try templates.render("runner-package", [
            "modules": modules, "linkerArguments": wrappers.linkerArguments,
        ] as [String: Any]), to: runner.appendingPathComponent("Package.swift"))
        try write(String(contentsOf: harness.appendingPathComponent("node.xml"), encoding: .utf8), to: nodeFile)
    }

    /// The probes template's view.
    static func probesView(_ plan: ProbePlan, modules: [String]) -> [String: Any] {
        let probes: [[String: String]] = plan.probes.map { probe in
            let kind: String
            switch probe.kind {
            case .getter: kind = ".getter"
            case .lookupMiss(let code): kind = ".lookupMiss(\(code.map(String.init) ?? "nil"))"
            case .call: kind = ".call"
            case .knownFailure(let code): kind = ".knownFailure(\(code.map(String.init) ?? "nil"))"
            }
            return [
                "function": probe.function, "swift": probe.swift, "module": probe.module, "kind": kind,
                "fixture": probe.statement.contains("f.") ? "f" : "_", "statement": probe.statement,
            ]
        }
        return ["probes": probes, "extraImports": modules.filter { $0 != "Libvirt" }]
    }

    /// Makes `destination` hold exactly the files of `source` (less `skipping`), rewriting only
    /// files whose contents differ. When a file appears or goes, the manifest of `package` (the
    /// package `destination` is part of) is touched: SwiftPM lists a reused build's source files
    /// again only when its manifest changes.
    private func mirror(_ source: URL, to destination: URL, skipping: Set<String>, package: URL) throws {
        let manager = FileManager.default
        let wanted = try relativeFiles(in: source).filter { path in
            !path.split(separator: "/").contains { skipping.contains(String($0)) }
        }
        let existing = Set((try? relativeFiles(in: destination)) ?? [])
        for path in wanted {
            let data = try Data(contentsOf: source.appendingPathComponent(path))
            try write(data, to: destination.appendingPathComponent(path))
        }
        let wantedSet = Set(wanted)
        let stale = existing.filter { path in
            !wantedSet.contains(path) && !path.hasPrefix(".build/") && !skipping.contains(path)
        }
        for path in stale.sorted() {
            try manager.removeItem(at: destination.appendingPathComponent(path))
        }
        let manifest = package.appendingPathComponent("Package.swift")
        if !stale.isEmpty || !wantedSet.isSubset(of: existing), manager.fileExists(atPath: manifest.path) {
            try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: manifest.path)
        }
    }

    /// The regular files under `folder`, as paths relative to it.
    private func relativeFiles(in folder: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
            throw HarnessError("cannot read \(folder.path)")
        }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasPrefix(".build") || path.hasPrefix(".swiftpm") {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Writes text unless the file already holds it.
    private func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes data unless the file already holds it.
    private func write(_ data: Data, to url: URL) throws {
        if let existing = try? Data(contentsOf: url), existing == data { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
