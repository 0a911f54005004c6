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
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        for parameter in UnsafeBufferPointer(start: pointer, count: Int(count)) {
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
            default: continue
            }
            entries.append(Entry(key: Key(rawValue: name), value: value))
        }
        self.init(entries)
    }
}

/// Reads typed parameters through libvirt's two-call protocol for caller-allocated arrays: ask for
/// the count, allocate, fill, convert, and clear.
package func readTypedParameters<Key>(
    _ key: Key.Type, _ fill: (UnsafeMutablePointer<virTypedParameter>?, UnsafeMutablePointer<Int32>) -> Int32
) throws -> TypedParameters<Key> {
    var capacity: Int32 = 0
    try check(fill(nil, &capacity))
    return try readTypedParameters(key, capacity: capacity, fill)
}

/// Reads typed parameters whose count libvirt cannot be asked for through the fill call: `count`
/// gives it. (Two functions rather than an optional closure, which would be escaping and cost an
/// allocation per call.)
package func readTypedParameters<Key>(
    _ key: Key.Type, count: () throws -> Int32,
    _ fill: (UnsafeMutablePointer<virTypedParameter>?, UnsafeMutablePointer<Int32>) -> Int32
) throws -> TypedParameters<Key> {
    try readTypedParameters(key, capacity: count(), fill)
}

/// Fills a temporary array of `capacity` parameters (on the stack for the usual handful),
/// converts and clears it.
private func readTypedParameters<Key>(
    _ key: Key.Type, capacity: Int32,
    _ fill: (UnsafeMutablePointer<virTypedParameter>?, UnsafeMutablePointer<Int32>) -> Int32
) throws -> TypedParameters<Key> {
    guard capacity > 0 else { return TypedParameters() }
    return try withUnsafeTemporaryAllocation(of: virTypedParameter.self, capacity: Int(capacity)) { buffer in
        let start = buffer.baseAddress!
        start.initialize(repeating: virTypedParameter(), count: buffer.count)
        var filled = capacity
        defer { virTypedParamsClear(start, max(filled, 0)) }
        try check(fill(start, &filled))
        return TypedParameters(start, count: filled)
    }
}

extension Domain {
    /// How many scheduler parameters the domain has, for reading them: the count
    /// `virDomainGetSchedulerType` reports, without converting the scheduler's name.
    package func schedulerParameterCount() throws -> Int32 {
        var count: Int32 = 0
        free(try checkPointer(virDomainGetSchedulerType(pointer, &count)))
        return count
    }
}
