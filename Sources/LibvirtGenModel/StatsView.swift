/// A typed view of a statistics record's keys: a group (`block.*`, read as `record.block`) or
/// one numbered entry in a group (`block.<num>.*`, read as `record.block.entries[n]`).
public struct StatsView: Sendable, Codable {
    /// The Swift struct name, unqualified (`Block`, `CacheMonitor`, `Entry`).
    public var name: String
    /// The property that returns it from its container (`block`, `cacheMonitors`, `entries`).
    public var propertyName: String
    /// The key segments between the container's prefix and this view's, dot-joined: the group's
    /// name (`block`), or the words before an entry's number (`cache.monitor`; empty for a
    /// group's own entries, `block.<num>`).
    public var keyPath: String
    /// The key prefix of the view as libvirt writes it, for documentation (`block.<num>.`).
    public var keyPattern: String
    /// Whether it is a numbered entry, one of a list.
    public var isEntry: Bool
    /// Its values.
    public var fields: [StatsField]
    /// The numbered entries it contains.
    public var entries: [StatsView]

    /// Creates a view.
    public init(
        name: String, propertyName: String, keyPath: String, keyPattern: String, isEntry: Bool,
        fields: [StatsField], entries: [StatsView]
    ) {
        self.name = name
        self.propertyName = propertyName
        self.keyPath = keyPath
        self.keyPattern = keyPattern
        self.isEntry = isEntry
        self.fields = fields
        self.entries = entries
    }
}

/// One statistic of a ``StatsView``.
public struct StatsField: Sendable, Codable {
    /// The Swift property name (`readRequests`).
    public var name: String
    /// The key after the view's prefix (`rd.reqs`).
    public var key: String
    /// The whole key as libvirt writes it (`block.<num>.rd.reqs`).
    public var keyPattern: String
    /// The Swift type of the value, where libvirt states it (`UInt64`); nil where it does not
    /// (the value is then the untyped `TypedParameterValue`).
    public var valueType: String?
    /// The Swift enum the number stands for, where the text names one (`Domain.State`).
    public var enumType: String?
    /// Whether the number is a count, which Swift reads as `Int` (`CountRule`), whatever
    /// `valueType` carries it.
    public var isCount: Bool
    /// libvirt's description as one sentence, key placeholders (`<num>`) in code voice.
    public var doc: String

    /// Creates a field.
    public init(
        name: String, key: String, keyPattern: String, valueType: String?, enumType: String?, isCount: Bool, doc: String
    ) {
        self.name = name
        self.key = key
        self.keyPattern = keyPattern
        self.valueType = valueType
        self.enumType = enumType
        self.isCount = isCount
        self.doc = doc
    }
}
