import LibvirtGenModel

/// Everything the per-symbol lowering steps share: the registry, the naming rules, the overrides,
/// and which C types the bindings can convert.
struct LoweringContext {
    /// Types across the four files.
    let registry: TypeRegistry
    /// Word rules.
    let naming: Naming
    /// Type names.
    let types: TypeNaming
    /// Method names.
    let methods: MethodNaming
    /// Overrides data.
    let overrides: Overrides
    /// Doc conversion (with the symbol map once known).
    var docs: DocText
    /// Enum typedefs that are bit flags.
    let flagEnums: Set<String>
    /// C structs of plain values (convertible wherever they appear) → their qualified Swift names.
    let convertibleStructs: [String: String]
    /// C structs that convert when libvirt lends them (strings and counted arrays allowed), a superset.
    let borrowedStructs: [String: String]
    /// Typed-parameter key types.
    let typedParameters: TypedParameterLowering
    /// Every function name of the four files.
    let functionNames: Set<String>
    /// Names that are a query method (no arguments but options) on some type: a getter of the same
    /// name is a method on every type, so one concept has one shape (`parent()` on node devices as
    /// on snapshots). Found by the naming pass.
    var queryMethodNames: Set<String> = []
    /// The Swift case names of each enum typedef's values (its `_LAST` sentinel left out), by C
    /// name. Found by the naming pass, which links documentation to them.
    var enumCaseNames: [String: [String]] = [:]

    /// The Swift type of an enum typedef: its option set or its open enum.
    func swiftEnumType(_ cName: String) -> String {
        types.swiftName(of: cName, isOptionSet: flagEnums.contains(cName))
    }

    /// The first enum typedef named in a text (`one of virDomainState`), if any.
    func mentionedEnum(in text: String) -> String? { registry.firstEnum(mentionedIn: text) }

    /// The enum an argument takes: from the overrides data, else the one its text names.
    func enumType(of arg: CArg, in function: String) -> String? {
        overrides.argumentEnums["\(function).\(arg.name)"] ?? mentionedEnum(in: arg.info)
    }

    /// The Swift name of a C parameter of a function.
    func parameterName(_ cName: String, in function: String) -> String {
        if let name = overrides.parameterNames["\(function).\(cName)"] ?? overrides.parameterNames[cName] { return name }
        return Naming.nonEmpty(naming.lowerCamel(naming.expand(Naming.camelWords(cName))))
    }
}
