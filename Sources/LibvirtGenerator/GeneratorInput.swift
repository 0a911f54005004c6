import Foundation
import LibvirtGenClang
import LibvirtGenCore
import LibvirtGenModel
import LibvirtGenXML

/// What the generator reads libvirt's API from.
public enum GeneratorInput: Sendable {
    /// A folder of the four API description files (`libvirt-api.xml`, `-qemu-`, `-lxc-`, `-admin-`).
    case apiXML(URL)
    /// A folder of libvirt's public C headers, read through libclang, with an optional API XML
    /// folder of the same release whose documentation, versions and parameter names complete them.
    case headers(URL, documentation: URL?)

    /// Reads the C-level model with the input's frontend (and, for headers, merges the documentation).
    public func read() throws -> [CAPI] {
        switch self {
        case .apiXML(let folder):
            return try XMLFrontend().read(folder: folder)
        case .headers(let folder, let documentation):
            let apis = try HeaderFrontend().read(folder: folder)
            guard let documentation else { return apis }
            return DocumentationMerge.merge(apis, documentation: try XMLFrontend().read(folder: documentation))
        }
    }
}

extension Pipeline {
    /// Reads the four files of an API XML folder and lowers them.
    public func run(apiXML folder: URL) throws -> Result {
        try run(XMLFrontend(), folder: folder)
    }
}
