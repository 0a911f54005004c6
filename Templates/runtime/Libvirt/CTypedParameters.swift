#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibvirt

/// A C `virTypedParameter` array built from Swift values; call ``deallocate()`` after the call.
package struct CTypedParameterArray {
    /// The array.
    package let pointer: UnsafeMutablePointer<virTypedParameter>
    /// The number of parameters.
    package let count: Int32

    /// Copies the parameters into C memory (strings are duplicated).
    package init<Key>(_ parameters: TypedParameters<Key>) {
        count = Int32(parameters.count)
        pointer = .allocate(capacity: max(parameters.count, 1))
        pointer.initialize(repeating: virTypedParameter(), count: max(parameters.count, 1))
        for (index, entry) in parameters.entries.enumerated() {
            var parameter = virTypedParameter()
            withUnsafeMutableBytes(of: &parameter.field) { field in
                let name = Array(entry.key.rawValue.utf8.prefix(field.count - 1))
                field.copyBytes(from: name)
            }
            switch entry.value {
            case .int(let v): parameter.type = Int32(VIR_TYPED_PARAM_INT.rawValue); parameter.value.i = v
            case .uint(let v): parameter.type = Int32(VIR_TYPED_PARAM_UINT.rawValue); parameter.value.ui = v
            case .llong(let v): parameter.type = Int32(VIR_TYPED_PARAM_LLONG.rawValue); parameter.value.l = v
            case .ullong(let v): parameter.type = Int32(VIR_TYPED_PARAM_ULLONG.rawValue); parameter.value.ul = v
            case .double(let v): parameter.type = Int32(VIR_TYPED_PARAM_DOUBLE.rawValue); parameter.value.d = v
            case .boolean(let v): parameter.type = Int32(VIR_TYPED_PARAM_BOOLEAN.rawValue); parameter.value.b = v ? 1 : 0
            case .string(let v): parameter.type = Int32(VIR_TYPED_PARAM_STRING.rawValue); parameter.value.s = strdup(v)
            }
            pointer[index] = parameter
        }
    }

    /// Frees the strings and the array.
    package func deallocate() {
        virTypedParamsClear(pointer, count)
        pointer.deallocate()
    }
}

extension TypedParameters {
    /// Copies `count` C parameters into Swift values (the C memory is left to the caller).
    package init(_ pointer: UnsafePointer<virTypedParameter>?, count: Int32) {
        guard let pointer, count > 0 else {
            self.init()
            return
        }
        self.init(UnsafeBufferPointer(start: pointer, count: Int(count)).compactMap { parameter in
            let name = String(cCharTuple: parameter.field)
            let value: TypedParameterValue
            switch UInt32(bitPattern: parameter.type) {
            case VIR_TYPED_PARAM_INT.rawValue: value = .int(parameter.value.i)
            case VIR_TYPED_PARAM_UINT.rawValue: value = .uint(parameter.value.ui)
            case VIR_TYPED_PARAM_LLONG.rawValue: value = .llong(parameter.value.l)
            case VIR_TYPED_PARAM_ULLONG.rawValue: value = .ullong(parameter.value.ul)
            case VIR_TYPED_PARAM_DOUBLE.rawValue: value = .double(parameter.value.d)
            case VIR_TYPED_PARAM_BOOLEAN.rawValue: value = .boolean(parameter.value.b != 0)
            case VIR_TYPED_PARAM_STRING.rawValue: value = .string(parameter.value.s.map { String(cString: $0) } ?? "")
            default: return nil
            }
            return Entry(key: Key(rawValue: name), value: value)
        })
    }
}

/// Reads typed parameters through libvirt's two-call protocol for caller-allocated arrays: ask for
/// the count (or take it from `count`), allocate, fill, convert, and clear.
package func readTypedParameters<Key>(
    _ key: Key.Type, count: (() throws -> Int32)? = nil,
    _ fill: (UnsafeMutablePointer<virTypedParameter>?, UnsafeMutablePointer<Int32>) -> Int32
) throws -> TypedParameters<Key> {
    var capacity: Int32 = 0
    if let count {
        capacity = try count()
    } else {
        try check(fill(nil, &capacity))
    }
    guard capacity > 0 else { return TypedParameters() }
    let buffer = UnsafeMutablePointer<virTypedParameter>.allocate(capacity: Int(capacity))
    buffer.initialize(repeating: virTypedParameter(), count: Int(capacity))
    var filled = capacity
    defer {
        virTypedParamsClear(buffer, max(filled, 0))
        buffer.deallocate()
    }
    try check(fill(buffer, &filled))
    return TypedParameters(buffer, count: filled)
}
