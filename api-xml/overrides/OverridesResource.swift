import Foundation

/// Locates the overrides data file built into the generator as a resource.
public enum OverridesResource {
    /// The URL of `overrides.json` inside the generator's resource bundle.
    public static var url: URL {
        Bundle.module.url(forResource: "overrides", withExtension: "json")!
    }
}
