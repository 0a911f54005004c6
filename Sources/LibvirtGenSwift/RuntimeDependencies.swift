import LibvirtGenModel

/// The nested types the hand-written runtime names (`Connection.Credential`, `Stream.EventType`) must be
/// declared: an API description that renames or drops the C type behind one would give a package
/// that does not compile, so it is an error instead.
enum RuntimeDependencies {
    /// One runtime source file of a module.
    struct RuntimeFile {
        /// The index of its module in the package (and of the module's description in `apis`).
        var moduleIndex: Int
        /// The file name.
        var name: String
        /// Its Swift source.
        var text: String
    }

    /// Throws, at the module's description file, when a runtime file names `Owner.Type` for an owner
    /// the package generates but no declaration of that type exists, generated or in the runtime.
    static func check(_ runtime: [RuntimeFile], package: BindingPackage, apis: [CAPI]) throws {
        var declared: [String: Set<String>] = [:]
        for file in package.modules.flatMap(\.files) {
            guard let owner = file.owner else { continue }
            let names = file.enums.map(\.name) + file.optionSets.map(\.name) + file.structs.map(\.name)
                + file.keyFamilies.map(\.name)
            declared[owner, default: []].formUnion(names)
        }
        let declaration = /\b(?:struct|enum|class|typealias|protocol)\s+(\w+)/
        let ownDeclarations = Set(runtime.flatMap { $0.text.matches(of: declaration).map { String($0.1) } })
        let reference = /\b([A-Z]\w*)\.([A-Z]\w*)\b/
        for file in runtime {
            for match in file.text.matches(of: reference) {
                let (owner, name) = (String(match.1), String(match.2))
                guard let names = declared[owner], !names.contains(name), !ownDeclarations.contains(name) else {
                    continue
                }
                let location = apis.indices.contains(file.moduleIndex) ? apis[file.moduleIndex].location : nil
                throw DiagnosticError(
                    "the hand-written runtime (\(file.name)) uses \(owner).\(name), which this API description "
                        + "does not declare", at: location)
            }
        }
    }
}
