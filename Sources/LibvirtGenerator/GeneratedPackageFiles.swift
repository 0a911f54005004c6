import LibvirtGenCore
import LibvirtGenDocs
import LibvirtGenModel
import LibvirtGenSwift

/// The files of a generated bindings package: the Swift sources and the DocC catalog.
public enum GeneratedPackageFiles {
    /// Renders every file of the package, package-relative path → contents; the dynamic link
    /// mode needs the C model (`apis`) too. `documentFiles` are the typed XML module's files when
    /// already rendered (``XMLViewRenderer``).
    public static func render(
        _ package: BindingPackage, link: LinkMode = .direct, apis: [CAPI] = [], documentFiles: [String: String]? = nil
    ) throws -> [String: String] {
        let (swift, docC) = try concurrently(
            { try SwiftRenderer().render(package, link: link, apis: apis, documentFiles: documentFiles) },
            { try DocCCatalog().render(package) })
        return swift.merging(docC) { swift, _ in swift }
    }
}
