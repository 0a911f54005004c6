extension XMLPropertyValue {
    /// The Swift type of the value (of each element, for a repeated child): `Int`, `UUID`,
    /// `DomainDescription.Devices.Disk`.
    public var swiftType: String {
        switch self {
        case .string: "String"
        case .integer: "Int"
        case .unsignedInteger: "UInt64"
        case .number: "Double"
        case .uuid: "UUID"
        case .boolean, .flag: "Bool"
        case .named(let path), .view(let path): path.joined(separator: ".")
        }
    }
}
