/// A size as libvirt writes one: a number with a unit (`<memory unit='KiB'>524288</memory>`).
///
/// Two sizes are equal when their numbers and units are; compare ``bytes`` to compare amounts.
public struct XMLSize: Hashable, Sendable {
    /// The number, in `unit`s.
    public var value: UInt64
    /// The unit as libvirt spells it (`KiB`, `bytes`, `G`).
    public var unit: String

    /// A number of `unit`s.
    public init(_ value: UInt64, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// A number of bytes.
    public init(bytes: UInt64) {
        self.init(bytes, unit: "bytes")
    }

    /// A number of kibibytes (1,024 bytes).
    public static func kibibytes(_ value: UInt64) -> XMLSize { XMLSize(value, unit: "KiB") }
    /// A number of mebibytes (1,024 KiB).
    public static func mebibytes(_ value: UInt64) -> XMLSize { XMLSize(value, unit: "MiB") }
    /// A number of gibibytes (1,024 MiB).
    public static func gibibytes(_ value: UInt64) -> XMLSize { XMLSize(value, unit: "GiB") }
    /// A number of tebibytes (1,024 GiB).
    public static func tebibytes(_ value: UInt64) -> XMLSize { XMLSize(value, unit: "TiB") }

    /// The size in bytes, or nil when libvirt does not know the unit or the bytes overflow.
    public var bytes: UInt64? {
        guard let scale = Self.scale(of: unit) else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : product
    }

    /// The bytes in one `unit`, as libvirt reads units (case aside): `b`, `byte`, `bytes`; a
    /// letter of `KMGTPE` alone or before `iB` counts in powers of 1,024, before `B` in powers of
    /// 1,000.
    public static func scale(of unit: String) -> UInt64? {
        let spelling = unit.lowercased()
        if ["b", "byte", "bytes"].contains(spelling) { return 1 }
        guard let letter = spelling.first, let power = Array("kmgtpe").firstIndex(of: letter) else { return nil }
        let base: UInt64
        switch spelling.dropFirst() {
        case "", "ib": base = 1024
        case "b": base = 1000
        default: return nil
        }
        return (0...power).reduce(1) { scale, _ in scale * base }
    }
}

/// A view of an element holding a size: a number as its text and its unit as its `unit`
/// attribute (libvirt's `scaledInteger`).
public protocol XMLSizeView: XMLElementView {}

extension XMLSizeView {
    /// The size; nil when the element has no `unit` attribute (libvirt then applies the
    /// element's default unit, which ``size(defaultUnit:)`` takes) or no number. Setting it writes
    /// the number and the unit.
    public var size: XMLSize? {
        get {
            guard let unit = xml.attribute("unit") else { return nil }
            return size(defaultUnit: unit)
        }
        set {
            xml.setAttribute("unit", newValue?.unit)
            xml.setText(newValue.map { String($0.value) })
        }
    }

    /// The size, in `defaultUnit` when the element has no `unit` attribute (KiB for a domain's
    /// memory, bytes for a volume's capacity: libvirt's documentation of the element says which).
    public func size(defaultUnit: String) -> XMLSize? {
        UInt64(xmlText: xml.text).map { XMLSize($0, unit: xml.attribute("unit") ?? defaultUnit) }
    }
}
