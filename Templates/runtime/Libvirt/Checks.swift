import CLibvirt

/// Throws the thread's last error when a status or count is negative; returns it otherwise.
@discardableResult
package func check(_ result: Int32) throws(LibvirtError) -> Int32 {
    if result < 0 { throw LibvirtError.last() }
    return result
}

/// Reads libvirt's 1 / 0 / -1 answers as a Bool, throwing on -1.
package func checkBool(_ result: Int32) throws(LibvirtError) -> Bool {
    if result < 0 { throw LibvirtError.last() }
    return result != 0
}

/// Unwraps a returned pointer, throwing the thread's last error when it is NULL.
package func checkPointer<Pointer>(_ pointer: Pointer?) throws(LibvirtError) -> Pointer {
    guard let pointer else { throw LibvirtError.last() }
    return pointer
}
