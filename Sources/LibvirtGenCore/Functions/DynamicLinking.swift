import LibvirtGenModel

/// The lowering's decision for the dynamic link mode, where the generated package declares
/// libvirt's C API itself and resolves each function from the shared library on first use.
public enum DynamicLinking {
    /// What a wrapper returns when the loaded libvirt lacks the function: the value the Swift
    /// binding treats as failure (`NULL`, `-1`, or `0` where libvirt documents it; nothing for `void`).
    public static func missingFunctionResult(of function: CFunction) -> MissingFunctionResult {
        let type = function.returnCType
        if type.base == "void" && type.pointers == 0 { return .nothing }
        if type.pointers > 0 || type.base.hasSuffix("Ptr") { return .null }
        let swift = CScalar.swiftType(type.base) ?? "Int32"
        return FunctionLowering.failureRule(ofNumber: function.returnInfo, swift: swift).value == .zero ? .zero : .minusOne
    }
}
