#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibvirt

/// Calls `body` with a C string of `string` valid for the call, or NULL for nil; like
/// `String.withCString`, it needs no heap copy for short strings.
@inlinable
package func withOptionalCString<Result, Failure: Error>(
    _ string: String?, _ body: (UnsafePointer<CChar>?) throws(Failure) -> Result
) throws(Failure) -> Result {
    guard let string else { return try body(nil) }
    // `withCString` rethrows untyped errors; the closure keeps the typed error in a result.
    let result: Swift.Result<Result, Failure> = string.withCString { pointer in
        do throws(Failure) { return .success(try body(pointer)) } catch { return .failure(error) }
    }
    return try result.get()
}

/// Converts a string the caller owns and frees it.
package func takeString(_ pointer: UnsafeMutablePointer<CChar>) -> String {
    defer { free(pointer) }
    return String(cString: pointer)
}

/// Converts a string the caller owns, if any, and frees it.
package func takeString(orNil pointer: UnsafeMutablePointer<CChar>?) -> String? {
    pointer.map(takeString)
}

/// Converts an array of `count` owned strings and frees the strings and the array.
package func takeStrings(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, count: Int32) -> [String] {
    guard let list else { return [] }
    defer { free(list) }
    return (0..<Int(count)).map { list[$0].map(takeString) ?? "" }
}

/// Wraps an array of `count` owned object pointers and frees the array (the objects now belong to the wrappers).
package func takeHandles<Handle>(
    _ list: UnsafeMutablePointer<OpaquePointer?>?, count: Int32, _ wrap: (OpaquePointer) -> Handle
) -> [Handle] {
    guard let list else { return [] }
    defer { free(list) }
    return (0..<Int(count)).compactMap { list[$0].map(wrap) }
}

/// Calls a function that fills a caller-allocated name array of a given capacity, growing the
/// capacity until the answer fits, and converts and frees the names.
package func collectNames(
    _ fill: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, Int32) -> Int32
) throws(LibvirtError) -> [String] {
    var capacity: Int32 = 64
    while true {
        let buffer = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: Int(capacity))
        buffer.initialize(repeating: nil, count: Int(capacity))
        defer { buffer.deallocate() }
        let count = fill(buffer, capacity)
        if count < 0 { throw LibvirtError.last() }
        let names = (0..<Int(count)).map { buffer[$0].map(takeString) ?? "" }
        if count < capacity { return names }
        capacity *= 4
    }
}

/// Calls a function that fills a caller-allocated ID array of a given capacity, growing the
/// capacity until the answer fits.
package func collectIDs(_ fill: (UnsafeMutablePointer<Int32>, Int32) -> Int32) throws(LibvirtError) -> [Int32] {
    var capacity: Int32 = 64
    while true {
        var ids = [Int32](repeating: 0, count: Int(capacity))
        let count = ids.withUnsafeMutableBufferPointer { fill($0.baseAddress!, capacity) }
        if count < 0 { throw LibvirtError.last() }
        if count < capacity { return Array(ids.prefix(Int(count))) }
        capacity *= 4
    }
}

/// A C array of C strings built from Swift strings; call ``deallocate()`` after the call. An
/// empty list is NULL, as libvirt expects with a count of 0 ("every filesystem" for
/// `virDomainFSFreeze`, which rejects a non-NULL empty array).
package struct CStringArray {
    /// The array, as `const char **`, or nil for an empty list.
    package let pointer: UnsafeMutablePointer<UnsafePointer<CChar>?>?
    /// The number of strings.
    private let count: Int

    /// Copies the strings.
    package init(_ strings: [String]) {
        count = strings.count
        guard count > 0 else {
            pointer = nil
            return
        }
        let array = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: count)
        for (i, string) in strings.enumerated() { array[i] = UnsafePointer(strdup(string)) }
        pointer = array
    }

    /// Frees the copies.
    package func deallocate() {
        guard let pointer else { return }
        for i in 0..<count { free(UnsafeMutableRawPointer(mutating: pointer[i])) }
        pointer.deallocate()
    }
}

/// The UUID string of an object, read with its `GetUUIDString` function, for `Hashable`.
package func uuidIdentity(
    _ pointer: OpaquePointer, _ read: (OpaquePointer?, UnsafeMutablePointer<CChar>?) -> Int32
) -> String {
    var buffer = [CChar](repeating: 0, count: Int(VIR_UUID_STRING_BUFLEN))
    _ = read(pointer, &buffer)
    return String(cCharBuffer: buffer)
}

extension String {
    /// Decodes a NUL-terminated C buffer.
    package init(cCharBuffer buffer: [CChar]) {
        self = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Decodes a fixed-size C `char` array field (imported as a tuple), up to its NUL.
    package init<Tuple>(cCharTuple tuple: Tuple) {
        self = withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

/// Converts a list libvirt allocated of `count` structs it allocated, freeing each with `free`
/// and then the list.
package func takeStructs<C, Value>(
    _ list: UnsafeMutablePointer<UnsafeMutablePointer<C>?>?, count: Int32,
    free freeItem: (UnsafeMutablePointer<C>?) -> Void, _ convert: (UnsafeMutablePointer<C>) -> Value
) -> [Value] {
    guard let list else { return [] }
    defer {
        for index in 0..<Int(count) { freeItem(list[index]) }
        free(list)
    }
    return (0..<Int(count)).compactMap { list[$0].map(convert) }
}

/// Converts a list of `count` numbers libvirt allocated, and frees it.
package func takeValues<Value>(_ list: UnsafeMutablePointer<Value>?, count: Int32) -> [Value] {
    guard let list else { return [] }
    defer { free(list) }
    return Array(UnsafeBufferPointer(start: list, count: Int(count)))
}

/// Reads a caller-allocated array of C structs through libvirt's two-call protocol: ask for the
/// count, allocate zeroed memory, fill, convert.
package func readStructArray<C, Value>(
    _ convert: (C) -> Value, _ fill: (UnsafeMutablePointer<C>?, UnsafeMutablePointer<Int32>) -> Int32
) throws(LibvirtError) -> [Value] {
    var count: Int32 = 0
    try check(fill(nil, &count))
    guard count > 0 else { return [] }
    let buffer = UnsafeMutablePointer<C>.allocate(capacity: Int(count))
    UnsafeMutableRawPointer(buffer).initializeMemory(as: UInt8.self, repeating: 0, count: Int(count) * MemoryLayout<C>.stride)
    defer { buffer.deallocate() }
    try check(fill(buffer, &count))
    return UnsafeBufferPointer(start: buffer, count: Int(count)).map(convert)
}

/// Fills a caller-allocated array of C structs of a given capacity, growing the capacity until
/// the answer fits, and converts the filled elements.
package func collectStructs<C, Value>(
    _ convert: (C) -> Value, _ fill: (UnsafeMutablePointer<C>, Int32) -> Int32
) throws(LibvirtError) -> [Value] {
    var capacity: Int32 = 32
    while true {
        let buffer = UnsafeMutablePointer<C>.allocate(capacity: Int(capacity))
        UnsafeMutableRawPointer(buffer).initializeMemory(
            as: UInt8.self, repeating: 0, count: Int(capacity) * MemoryLayout<C>.stride)
        defer { buffer.deallocate() }
        let count = try check(fill(buffer, capacity))
        if count < capacity { return UnsafeBufferPointer(start: buffer, count: Int(count)).map(convert) }
        capacity *= 4
    }
}
