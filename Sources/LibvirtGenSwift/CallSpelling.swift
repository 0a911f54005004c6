import LibvirtGenModel

/// Spells a bound call's plan (``ArgumentPassing``, ``OutArgument``, ``CallResult``) as Swift: the
/// statements before the C call, its argument expressions, and the expression of the result. The
/// one place the generated call bodies' code is written; the lowering only decides.
enum CallSpelling {
    /// The statements before the call: the runtime's setup for an initializer (the running event
    /// loop and the silent error handler must exist before a connection opens), then each
    /// argument's, in argument order.
    static func prelude(of function: BoundFunction) -> [String] {
        let setup = function.kind == .initializer ? ["LibvirtRuntime.prepare()"] : []
        return setup + function.arguments.flatMap(prelude)
    }

    /// The C call's argument expressions.
    static func arguments(of function: BoundFunction) -> [String] {
        function.arguments.map(argument)
    }

    /// The expression returned after a successful call, over the C result `result` where the
    /// shape binds it; nil where the call returns nothing or its shape's template builds the value.
    static func resultExpression(of function: BoundFunction) -> String? {
        let outValues = function.outValues.map { (label: $0.name, value: value(of: function.arguments[$0.argument])) }
        switch function.result {
        case .outValues:
            return combined(outValues)
        case .number(let conversion):
            let value = number(conversion, of: "result", rawValueIsC: false)
            guard case .failureIsNil(let failure) = function.failureRule else { return value }
            return "result == \(spelling(failure)) ? nil : \(value)"
        case .handle(let type, let retaining):
            return "\(type)(\(retaining ? "retaining" : "owning"): result)"
        case .ownedString(let label):
            return combined([(label, "result")] + outValues)
        case .borrowedString(.optional):
            return "result.map { String(cString: $0) }"
        case .borrowedString(.checked):
            return "String(cString: try checkPointer(result))"
        case .borrowedString(.orEmpty):
            return "result.map { String(cString: $0) } ?? \"\""
        case .shapeDefined:
            return nil
        }
    }

    /// The expression giving the number of typed parameters, where the function names a method for it.
    static func countExpression(of function: BoundFunction) -> String? {
        function.parameterCountMethod.map { "try self.\($0)()" }
    }

    /// One value as it is, several as a labelled tuple, nil for none.
    private static func combined(_ values: [(label: String, value: String)]) -> String? {
        switch values.count {
        case 0: return nil
        case 1: return values[0].value
        default: return "(" + values.map { "\($0.label.filter { $0 != "`" }): \($0.value)" }.joined(separator: ", ") + ")"
        }
    }

    /// The statements an argument needs before the call.
    private static func prelude(_ passing: ArgumentPassing) -> [String] {
        switch passing {
        case .uuid(let name):
            return ["let \(name)Bytes = libvirtBytes(of: \(name))"]
        case .stringArray(let name):
            return ["let \(name)Array = CStringArray(\(name))", "defer { \(name)Array.deallocate() }"]
        case .typedParameters(let name):
            return ["let \(name)Array = CTypedParameterArray(\(name))", "defer { \(name)Array.deallocate() }"]
        case .numberArray(let name):
            return ["var \(name)Buffer = \(name)"]
        case .arrayCount(let array, _, let sameLength):
            return sameLength.map { other in
                "guard \(other).count == \(array).count else { throw LibvirtError(code: .invalidArg, "
                    + "errorDomain: .none, message: \"\(other) and \(array) must have the same length\") }"
            }
        case .out(let out):
            return prelude(out)
        case .receiver, .zero, .parameter, .handle, .boolean, .rawValue, .clampedCount, .typedParameterCount,
             .structSize, .shapeSupplied, .shapeCapacity, .typedParameterListCount:
            return []
        }
    }

    /// The local an out-argument is filled into, declared before the call.
    private static func prelude(_ out: OutArgument) -> [String] {
        switch out {
        case .bytes(let name, let size):
            return ["var \(name)Bytes = [UInt8](repeating: 0, count: Int(\(size)))"]
        case .handles(let name, _):
            return ["var \(name)List: UnsafeMutablePointer<OpaquePointer?>? = nil"]
        case .uuid(let name):
            return ["var \(name) = [UInt8](repeating: 0, count: Int(VIR_UUID_BUFLEN))"]
        case .uuidString(let name):
            return ["var \(name) = [CChar](repeating: 0, count: Int(VIR_UUID_STRING_BUFLEN))"]
        case .structList(let name, let cStruct, _):
            return ["var \(name)List: UnsafeMutablePointer<UnsafeMutablePointer<\(cStruct)>?>? = nil"]
        case .structValue(let name, let cStruct, _):
            return ["var \(name)Value = \(cStruct)()"]
        case .typedParameters(let name, let countCType):
            return [
                "var \(name)List: UnsafeMutablePointer<virTypedParameter>? = nil", "var \(name)Count: \(countCType) = 0",
                "defer { virTypedParamsFree(\(name)List, Int32(truncatingIfNeeded: \(name)Count)) }",
            ]
        case .string(let name):
            return ["var \(name)Pointer: UnsafeMutablePointer<CChar>? = nil"]
        case .strings(let name):
            return ["var \(name)List: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil"]
        case .numbers(let name, let swiftType):
            return ["var \(name)List: UnsafeMutablePointer<\(swiftType)>? = nil"]
        case .numberBuffer(let name, let swiftType, let count):
            return ["var \(name)Buffer = [\(swiftType)](repeating: 0, count: Int(max(\(count), 0)))"]
        case .number(let name, let swiftType, _):
            return ["var \(name)Value: \(swiftType) = 0"]
        }
    }

    /// The C argument expression.
    private static func argument(_ passing: ArgumentPassing) -> String {
        switch passing {
        case .receiver: return "pointer"
        case .zero: return "0"
        case .parameter(let name): return name
        case .handle(let name): return "\(name).pointer"
        case .boolean(let name): return "\(name) ? 1 : 0"
        case .rawValue(let name, let cType): return "\(cType)(truncatingIfNeeded: \(name).rawValue)"
        case .clampedCount(let name, let cType): return "\(cType)(clamping: \(name))"
        case .uuid(let name): return "\(name)Bytes"
        case .stringArray(let name), .typedParameters(let name): return "\(name)Array.pointer"
        case .numberArray(let name): return "&\(name)Buffer"
        case .typedParameterCount(let name, let cType): return "\(cType)(truncatingIfNeeded: \(name)Array.count)"
        case .arrayCount(let array, let cType, _): return "\(cType)(\(array).count)"
        case .structSize(let cStruct): return "MemoryLayout<\(cStruct)>.size"
        case .shapeSupplied(let local): return local.rawValue
        case .shapeCapacity(let cType): return "\(cType)(truncatingIfNeeded: count)"
        case .typedParameterListCount(let name): return "&\(name)Count"
        case .out(let out): return "&" + local(of: out)
        }
    }

    /// The local an out-argument is filled into.
    private static func local(of out: OutArgument) -> String {
        switch out {
        case .bytes(let name, _): "\(name)Bytes"
        case .handles(let name, _), .structList(let name, _, _), .typedParameters(let name, _), .strings(let name),
             .numbers(let name, _):
            "\(name)List"
        case .uuid(let name), .uuidString(let name): name
        case .structValue(let name, _, _), .number(let name, _, _): "\(name)Value"
        case .string(let name): "\(name)Pointer"
        case .numberBuffer(let name, _, _): "\(name)Buffer"
        }
    }

    /// The Swift value an out-argument delivers, read after the call.
    private static func value(of passing: ArgumentPassing) -> String {
        guard case .out(let out) = passing else { preconditionFailure("an out-value of an argument passed as \(passing)") }
        let local = local(of: out)
        switch out {
        case .bytes: return local
        case .handles(_, let handleType): return "takeHandles(\(local), count: count, \(handleType).init(owning:))"
        case .uuid: return "UUID(libvirtBytes: \(local))"
        case .uuidString: return "String(cCharBuffer: \(local))"
        case .structList(_, let cStruct, let swiftStruct):
            return "takeStructs(\(local), count: count, free: \(cStruct)Free) { \(swiftStruct)($0.pointee) }"
        case .structValue(_, _, let swiftStruct): return "\(swiftStruct)(\(local))"
        case .typedParameters(let name, _): return "TypedParameters(\(local), count: Int32(truncatingIfNeeded: \(name)Count))"
        case .string: return "takeString(orNil: \(local)) ?? \"\""
        case .strings: return "takeStrings(\(local), count: count)"
        case .numbers: return "takeValues(\(local), count: count)"
        case .numberBuffer: return "Array(\(local).prefix(Int(count)))"
        case .number(_, _, let conversion): return number(conversion, of: local, rawValueIsC: true)
        }
    }

    /// The expression that reads a struct field from the C value `c`.
    static func reading(_ reading: FieldReading) -> String {
        switch reading {
        case .number(let field, let conversion): return number(conversion, of: "c.\(field)", rawValueIsC: true)
        case .characterArray(let field): return "String(cCharTuple: c.\(field))"
        case .string(let field): return "c.\(field).map { String(cString: $0) } ?? \"\""
        case .strings(let field, let count):
            return "c.\(field).map { p in (0..<Int(c.\(count))).map { p[$0].map { String(cString: $0) } ?? \"\" } } ?? []"
        case .structs(let field, let count, let swiftStruct):
            return "c.\(field).map { p in (0..<Int(c.\(count))).map { \(swiftStruct)(p[$0]) } } ?? []"
        case .bytes(let field, let count):
            return "c.\(field).map { Array(UnsafeBufferPointer(start: $0, count: Int(c.\(count)))) } ?? []"
        }
    }

    /// A failure value as the C result is compared with it.
    static func spelling(_ value: FailureValue) -> String {
        switch value {
        case .minusOne: "-1"
        case .zero: "0"
        case .maximum(let type): "\(type).max"
        case .null: "nil"
        }
    }

    /// A number converted to its Swift value. An enum's raw value is converted from the C scalar
    /// where the number is an out-argument's (`rawValueIsC`); a function's `int` result is one already.
    static func number(_ conversion: NumberConversion, of value: String, rawValueIsC: Bool) -> String {
        switch conversion {
        case .plain: return value
        case .boolean: return "\(value) != 0"
        case .count: return "Int(\(value))"
        case .version: return "LibvirtVersion(encoded: UInt64(\(value)))"
        case .enumeration(let type, let optionSet):
            guard rawValueIsC else { return "\(type)(rawValue: \(value))" }
            return "\(type)(rawValue: \(optionSet ? "UInt32" : "Int32")(truncatingIfNeeded: \(value)))"
        case .stateReason(let reasonType, let stateType, let stateArgument):
            return "\(reasonType)(state: \(stateType)(rawValue: Int32(truncatingIfNeeded: \(stateArgument)Value)), reason: \(value))"
        }
    }
}
