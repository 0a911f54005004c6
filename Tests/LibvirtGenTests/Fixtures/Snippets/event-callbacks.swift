// MARK: Libvirt/Domain.swift (extension Domain)
// virDomainGetConnect: property borrowedHandle, failure rule nullPointer
// call plan: {"arguments":[{"receiver":{}}],"outValues":[],"result":{"handle":{"retaining":true,"type":"Connection"}}}
/// C symbol: `virDomainEventDefinedDetailType`.
/// Available since libvirt 0.5.0.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum EventDefinedDetailType: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// Newly created config file
    ///
    /// C symbol: `VIR_DOMAIN_EVENT_DEFINED_ADDED`.
    /// Available since libvirt 0.5.0.
    case added
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .added
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .added: return 0
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .added: return "added"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}

/// C symbol: `virDomainEventID`.
/// Available since libvirt 0.8.0.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum EventID: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// virConnectDomainEventCallback
    ///
    /// C symbol: `VIR_DOMAIN_EVENT_ID_LIFECYCLE`.
    /// Available since libvirt 0.8.0.
    case lifecycle
    /// virConnectDomainEventGenericCallback
    ///
    /// C symbol: `VIR_DOMAIN_EVENT_ID_REBOOT`.
    /// Available since libvirt 0.8.0.
    case reboot
    /// virConnectDomainEventMetadataChangeCallback
    ///
    /// C symbol: `VIR_DOMAIN_EVENT_ID_METADATA_CHANGE`.
    /// Available since libvirt 3.0.0.
    case metadataChange
    /// virConnectDomainEventSnippetRecordCallback
    ///
    /// C symbol: `VIR_DOMAIN_EVENT_ID_SNIPPET_RECORD`.
    /// Available since libvirt 12.0.0.
    case snippetRecord
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .lifecycle
        case 1: self = .reboot
        case 23: self = .metadataChange
        case 30: self = .snippetRecord
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .lifecycle: return 0
        case .reboot: return 1
        case .metadataChange: return 23
        case .snippetRecord: return 30
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .lifecycle: return "lifecycle"
        case .reboot: return "reboot"
        case .metadataChange: return "metadataChange"
        case .snippetRecord: return "snippetRecord"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}

/// C symbol: `virDomainEventType`.
/// Available since libvirt 0.5.0.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum EventType: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// C symbol: `VIR_DOMAIN_EVENT_DEFINED`.
    /// Available since libvirt 0.5.0.
    case defined
    /// C symbol: `VIR_DOMAIN_EVENT_UNDEFINED`.
    /// Available since libvirt 0.5.0.
    case undefined
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .defined
        case 1: self = .undefined
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .defined: return 0
        case .undefined: return 1
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .defined: return "defined"
        case .undefined: return "undefined"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}

/// C symbol: `virDomainMetadataType`.
/// Available since libvirt 0.9.10.
///
/// The enum is open: a value this version of the bindings does not know arrives as `unrecognized`.
public enum MetadataType: RawRepresentable, Hashable, Sendable, CustomDebugStringConvertible {
    /// Operate on <description>
    ///
    /// C symbol: `VIR_DOMAIN_METADATA_DESCRIPTION`.
    /// Available since libvirt 0.9.10.
    case description
    /// A value these bindings do not know (a newer libvirt may add values).
    case unrecognized(Int32)

    /// Creates the case for a C value; unknown values become `unrecognized`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .description
        default: self = .unrecognized(rawValue)
        }
    }

    /// The C value.
    public var rawValue: Int32 {
        switch self {
        case .description: return 0
        case .unrecognized(let value): return value
        }
    }

    /// The case's Swift name (`booted`), or `unrecognized(N)` (a timeout's `seconds(N)`): an
    /// event's detail prints as `started(booted)`, not with the enum's qualified name.
    public var debugDescription: String {
        switch self {
        case .description: return "description"
        case .unrecognized(let value): return "unrecognized(\(value))"
        }
    }
}

/// The values of this C structure, copied into Swift.
///
/// C symbol: `virDomainSnippetPoint`.
/// Available since libvirt 12.0.0.
public struct SnippetPoint: Hashable, Sendable {
    /// across
    public var x: Int32
    /// what the point is
    public var label: String

    /// Copies the values out of the C struct.
    package init(_ c: virDomainSnippetPoint) {
        self.x = c.x
        self.label = c.label.map { String(cString: $0) } ?? ""
    }
}

/// Provides the connection pointer associated with a domain.
/// - Returns: the `Connection`.
/// - Throws: `LibvirtError` when libvirt reports a failure.
///
/// C symbol: `virDomainGetConnect`.
/// Available since libvirt 0.3.0.
public var connection: Connection {
    get throws {
        try ensureOpen()
        let result = try checkPointer(virDomainGetConnect(pointer))
        return Connection(retaining: result)
    }
}

/// Provides the connection pointer associated with a domain.
///
/// Runs the call on a thread of the blocking pool (`BlockingPool`), so the calling task waits
/// without blocking its thread. A task cancelled before a pool thread takes the call throws
/// `CancellationError` and the call never runs; once it runs, libvirt cannot interrupt it and
/// the task waits for it.
/// - Returns: the `Connection`.
/// - Throws: `LibvirtError` when libvirt reports a failure, or `CancellationError` when the task is cancelled before the call starts.
///
/// C symbol: `virDomainGetConnect`.
/// Available since libvirt 0.3.0.
public func connection() async throws -> Connection {
    try await BlockingPool.current.run { try self.connection }
}

// MARK: Libvirt/DomainEvents.swift
extension Domain {
    /// An event libvirt reports about a Domain, delivered by `Connection.domainEvents(_:domain:bufferingPolicy:)`.
    public enum Event: Sendable {
        /// A callback function to be registered, and called when a domain event occurs
        ///
        /// C symbol: `VIR_DOMAIN_EVENT_ID_LIFECYCLE`.
        /// Available since libvirt 0.8.0.
        case lifecycle(domain: Domain, event: Domain.EventType, detail: Domain.LifecycleDetail)
        /// A generic domain event callback handler.
        ///
        /// C symbol: `VIR_DOMAIN_EVENT_ID_REBOOT`.
        /// Available since libvirt 0.8.0.
        case reboot(domain: Domain)
        /// This callback is triggered when the domain XML metadata is changed
        ///
        /// C symbol: `VIR_DOMAIN_EVENT_ID_METADATA_CHANGE`.
        /// Available since libvirt 3.0.0.
        case metadataChange(domain: Domain, type: Domain.MetadataType, nsuri: String)
        /// A made-up event whose callback lends a struct and a mutable string.
        ///
        /// C symbol: `VIR_DOMAIN_EVENT_ID_SNIPPET_RECORD`.
        /// Available since libvirt 12.0.0.
        case snippetRecord(domain: Domain, point: Domain.SnippetPoint?, note: String, count: UInt32)
    }
}

extension Connection {
    /// Delivers Domain events of one kind as they happen, optionally only those about one object.
    ///
    /// libvirt calls back on the bindings' event-loop thread; the events wait in the stream until read.
    /// Ending the iteration (or dropping the stream) deregisters the callbacks no other stream shares.
    ///
    /// When libvirt reports the connection closed, the stream ends; `domainEventsThrowingOnClose(_:domain:bufferingPolicy:)` says why.
    /// - Parameter id: Which kind of event to deliver.
    /// - Parameter domain: Only events about this object (libvirt filters them), or nil for all.
    /// - Parameter bufferingPolicy: Which events the stream keeps while its reader falls behind: all of them (`.unbounded`, the default: none is lost), or at most n, dropping the newly arriving ones (`.bufferingOldest(n)`) or the oldest unread ones (`.bufferingNewest(n)`).
    /// - Returns: The events, in the order libvirt reported them.
    /// - Throws: `LibvirtError` when libvirt cannot register a callback.
    ///
    /// C symbols: `virConnectDomainEventRegisterAny`, `virConnectDomainEventDeregisterAny`.
    /// Available since libvirt 0.8.0.
    public func domainEvents(_ id: Domain.EventID, domain: Domain? = nil, bufferingPolicy: AsyncStream<Domain.Event>.Continuation.BufferingPolicy = .unbounded) throws -> AsyncStream<Domain.Event> {
        try domainEvents([id], domain: domain, bufferingPolicy: bufferingPolicy)
    }

    /// Delivers Domain events of several kinds in one stream as they happen, optionally only those about one object; each event's case says which kind it is.
    ///
    /// libvirt calls back on the bindings' event-loop thread; the events wait in the stream until read.
    /// Ending the iteration (or dropping the stream) deregisters the callbacks no other stream shares.
    ///
    /// When libvirt reports the connection closed, the stream ends; `domainEventsThrowingOnClose(_:domain:bufferingPolicy:)` says why.
    /// - Parameter ids: Which kinds of event to deliver (each is one libvirt registration, shared with other streams asking for it).
    /// - Parameter domain: Only events about this object (libvirt filters them), or nil for all.
    /// - Parameter bufferingPolicy: Which events the stream keeps while its reader falls behind: all of them (`.unbounded`, the default: none is lost), or at most n, dropping the newly arriving ones (`.bufferingOldest(n)`) or the oldest unread ones (`.bufferingNewest(n)`).
    /// - Returns: The events, in the order libvirt reported them.
    /// - Throws: `LibvirtError` when libvirt cannot register a callback.
    ///
    /// C symbols: `virConnectDomainEventRegisterAny`, `virConnectDomainEventDeregisterAny`.
    /// Available since libvirt 0.8.0.
    public func domainEvents(_ ids: [Domain.EventID], domain: Domain? = nil, bufferingPolicy: AsyncStream<Domain.Event>.Continuation.BufferingPolicy = .unbounded) throws -> AsyncStream<Domain.Event> {
        AsyncStream(reading: try subscribeToDomainEvents(ids, domain: domain, buffering: EventBuffering(bufferingPolicy)))
    }

    /// Delivers Domain events of several kinds in one stream as they happen, optionally only those about one object; when libvirt reports the connection closed, the iteration throws `ConnectionClosedError` with libvirt's reason instead of ending silently.
    ///
    /// libvirt calls back on the bindings' event-loop thread; the events wait in the stream until read.
    /// Ending the iteration (or dropping the stream) deregisters the callbacks no other stream shares.
    /// - Parameter ids: Which kinds of event to deliver (each is one libvirt registration, shared with other streams asking for it).
    /// - Parameter domain: Only events about this object (libvirt filters them), or nil for all.
    /// - Parameter bufferingPolicy: Which events the stream keeps while its reader falls behind: all of them (`.unbounded`, the default: none is lost), or at most n, dropping the newly arriving ones (`.bufferingOldest(n)`) or the oldest unread ones (`.bufferingNewest(n)`).
    /// - Returns: The events, in the order libvirt reported them; after those that came before the connection closed, the iteration throws `ConnectionClosedError`.
    /// - Throws: `LibvirtError` when libvirt cannot register a callback.
    ///
    /// C symbols: `virConnectDomainEventRegisterAny`, `virConnectDomainEventDeregisterAny`.
    /// Available since libvirt 0.8.0.
    public func domainEventsThrowingOnClose(_ ids: [Domain.EventID], domain: Domain? = nil, bufferingPolicy: AsyncThrowingStream<Domain.Event, any Error>.Continuation.BufferingPolicy = .unbounded) throws -> AsyncThrowingStream<Domain.Event, any Error> {
        AsyncThrowingStream(reading: try subscribeToDomainEvents(ids, domain: domain, buffering: EventBuffering(bufferingPolicy)))
    }

    /// Subscribes a queue to the events `ids` name, about `domain` or all objects.
    private func subscribeToDomainEvents(
        _ ids: [Domain.EventID], domain: Domain?, buffering: EventBuffering
    ) throws -> EventQueue<Domain.Event> {
        try ensureOpen()
        return try subscribeToEvents(Domain.Event.self, ids.map { id in
            let callback: virConnectDomainEventGenericCallback
            switch id {
            case .lifecycle: callback = unsafeBitCast(domainLifecycleTrampoline, to: virConnectDomainEventGenericCallback.self)
            case .reboot: callback = domainRebootTrampoline
            case .metadataChange: callback = unsafeBitCast(domainMetadataChangeTrampoline, to: virConnectDomainEventGenericCallback.self)
            case .snippetRecord: callback = unsafeBitCast(domainSnippetRecordTrampoline, to: virConnectDomainEventGenericCallback.self)
            default:
                throw LibvirtError(code: .noSupport, errorDomain: .none, message: "these bindings cannot deliver \(id) events")
            }
            let key = EventRegistrationKey(
                connection: pointer, function: "virConnectDomainEventRegisterAny", id: id.rawValue, object: domain.map(AnyHashable.init))
            return EventRegistrationRequest(key: key, register: { [self] opaque in
                virConnectDomainEventRegisterAny(pointer, domain?.pointer, id.rawValue, callback, opaque, releaseRetainedOpaque)
            }, deregister: { [self] callbackID in
                _ = virConnectDomainEventDeregisterAny(pointer, callbackID)
            })
        }, buffering: buffering)
    }
}

extension Domain {
    /// Delivers this object's events of several kinds in one stream as they happen (libvirt filters them); each event's case says which kind it is.
    ///
    /// libvirt calls back on the bindings' event-loop thread; the events wait in the stream until read.
    /// Ending the iteration (or dropping the stream) deregisters the callbacks no other stream shares.
    ///
    /// When libvirt reports the connection closed, the stream ends; `eventsThrowingOnClose(_:bufferingPolicy:)` says why.
    /// - Parameter ids: Which kinds of event to deliver (each is one libvirt registration, shared with other streams asking for it).
    /// - Parameter bufferingPolicy: Which events the stream keeps while its reader falls behind: all of them (`.unbounded`, the default: none is lost), or at most n, dropping the newly arriving ones (`.bufferingOldest(n)`) or the oldest unread ones (`.bufferingNewest(n)`).
    /// - Returns: The events, in the order libvirt reported them.
    /// - Throws: `LibvirtError` when libvirt cannot register a callback, or cannot tell the object's connection.
    ///
    /// C symbols: `virConnectDomainEventRegisterAny`, `virConnectDomainEventDeregisterAny`.
    /// Available since libvirt 0.8.0.
    public func events(_ ids: [Domain.EventID], bufferingPolicy: AsyncStream<Domain.Event>.Continuation.BufferingPolicy = .unbounded) throws -> AsyncStream<Domain.Event> {
        try connection.domainEvents(ids, domain: self, bufferingPolicy: bufferingPolicy)
    }

    /// Delivers this object's events of several kinds in one stream as they happen (libvirt filters them); when libvirt reports the connection closed, the iteration throws `ConnectionClosedError` with libvirt's reason instead of ending silently.
    ///
    /// libvirt calls back on the bindings' event-loop thread; the events wait in the stream until read.
    /// Ending the iteration (or dropping the stream) deregisters the callbacks no other stream shares.
    /// - Parameter ids: Which kinds of event to deliver (each is one libvirt registration, shared with other streams asking for it).
    /// - Parameter bufferingPolicy: Which events the stream keeps while its reader falls behind: all of them (`.unbounded`, the default: none is lost), or at most n, dropping the newly arriving ones (`.bufferingOldest(n)`) or the oldest unread ones (`.bufferingNewest(n)`).
    /// - Returns: The events, in the order libvirt reported them; after those that came before the connection closed, the iteration throws `ConnectionClosedError`.
    /// - Throws: `LibvirtError` when libvirt cannot register a callback, or cannot tell the object's connection.
    ///
    /// C symbols: `virConnectDomainEventRegisterAny`, `virConnectDomainEventDeregisterAny`.
    /// Available since libvirt 0.8.0.
    public func eventsThrowingOnClose(_ ids: [Domain.EventID], bufferingPolicy: AsyncThrowingStream<Domain.Event, any Error>.Continuation.BufferingPolicy = .unbounded) throws -> AsyncThrowingStream<Domain.Event, any Error> {
        try connection.domainEventsThrowingOnClose(ids, domain: self, bufferingPolicy: bufferingPolicy)
    }
}

/// Receives `virConnectDomainEventCallback` calls and forwards them to the stream passed as `opaque`.
private var domainLifecycleTrampoline: @convention(c) (OpaquePointer?, OpaquePointer?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 {
    { _, object, a0, a1, opaque in
        guard let object, let opaque else { return 0 }
        EventHub<Domain.Event>.from(opaque).yield(.lifecycle(domain: Domain(retaining: object), event: Domain.EventType(rawValue: Int32(truncatingIfNeeded: a0)), detail: Domain.LifecycleDetail(event: Domain.EventType(rawValue: a0), detail: a1)))
        return 0
    }
}

/// Receives `virConnectDomainEventGenericCallback` calls and forwards them to the stream passed as `opaque`.
private var domainRebootTrampoline: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeMutableRawPointer?) -> Void {
    { _, object, opaque in
        guard let object, let opaque else { return }
        EventHub<Domain.Event>.from(opaque).yield(.reboot(domain: Domain(retaining: object)))
    }
}

/// Receives `virConnectDomainEventMetadataChangeCallback` calls and forwards them to the stream passed as `opaque`.
private var domainMetadataChangeTrampoline: @convention(c) (OpaquePointer?, OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Void {
    { _, object, a0, a1, opaque in
        guard let object, let opaque else { return }
        EventHub<Domain.Event>.from(opaque).yield(.metadataChange(domain: Domain(retaining: object), type: Domain.MetadataType(rawValue: Int32(truncatingIfNeeded: a0)), nsuri: a1.map { String(cString: $0) } ?? ""))
    }
}

/// Receives `virConnectDomainEventSnippetRecordCallback` calls and forwards them to the stream passed as `opaque`.
private var domainSnippetRecordTrampoline: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeMutablePointer<virDomainSnippetPoint>?, UnsafeMutablePointer<CChar>?, UInt32, UnsafeMutableRawPointer?) -> Void {
    { _, object, a0, a1, a2, opaque in
        guard let object, let opaque else { return }
        EventHub<Domain.Event>.from(opaque).yield(.snippetRecord(domain: Domain(retaining: object), point: a0.map { Domain.SnippetPoint($0.pointee) }, note: a1.map { String(cString: $0) } ?? "", count: a2))
    }
}

extension Domain {
    /// The detail of a lifecycle event, typed by the event it belongs to.
    public enum LifecycleDetail: Sendable, Hashable {
        /// The detail of a `defined` event.
        case defined(Domain.EventDefinedDetailType)
        /// The detail of an event these bindings have no detail type for.
        case other(Int32)

        /// Decodes the detail number libvirt reports with an event.
        public init(event: Domain.EventType, detail: Int32) {
            switch event {
            case .defined: self = .defined(Domain.EventDefinedDetailType(rawValue: detail))
            default: self = .other(detail)
            }
        }
    }
}
