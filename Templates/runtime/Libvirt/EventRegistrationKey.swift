/// What identifies one libvirt registration: the connection, the registering function, the event
/// kind, and the object the events are filtered to.
package struct EventRegistrationKey: Hashable, @unchecked Sendable {
    /// The connection's address.
    let connection: UInt
    /// The C registration function.
    let function: String
    /// The event kind.
    let id: Int32
    /// The filter object (compared by libvirt identity), or nil for all objects.
    let object: AnyHashable?

    /// Creates a key.
    package init(connection: OpaquePointer, function: String, id: Int32, object: AnyHashable?) {
        self.init(
            address: UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))), function: function, id: id,
            object: object)
    }

    /// Creates a key from the connection's address.
    init(address: UInt, function: String, id: Int32, object: AnyHashable?) {
        connection = address
        self.function = function
        self.id = id
        self.object = object
    }

    /// Whether the events come through a libvirt connection's (`virConnectPtr`) registration other
    /// than its close callback: such streams end when the connection closes, which the bindings
    /// learn from the close callback (see ``acquireCloseWatch(of:)``).
    var endsWithConnection: Bool {
        function.hasPrefix("virConnect") && function != connectionCloseFunction
    }
}

/// One libvirt registration a subscription asks for.
package struct EventRegistrationRequest {
    /// What identifies the registration.
    let key: EventRegistrationKey
    /// Registers the callback with the given `opaque` hub; returns libvirt's callback ID or -1.
    let register: (UnsafeMutableRawPointer) -> Int32
    /// Deregisters a callback ID.
    let deregister: @Sendable (Int32) -> Void
    /// Whether the registration passes ``releaseRetainedOpaque`` as the free callback. Close
    /// callbacks do not: drivers without them accept the registration and never call the free
    /// callback, so the bindings release the hub after deregistering instead.
    let libvirtReleases: Bool

    /// Creates a request.
    package init(
        key: EventRegistrationKey, register: @escaping (UnsafeMutableRawPointer) -> Int32,
        deregister: @escaping @Sendable (Int32) -> Void, libvirtReleases: Bool = true
    ) {
        self.key = key
        self.register = register
        self.deregister = deregister
        self.libvirtReleases = libvirtReleases
    }
}
