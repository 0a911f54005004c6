// The binding model's events: event families, their cases and typed lifecycle details.

/// The events of one kind of object, delivered as an `AsyncStream` from a connection.
public struct EventFamily: Sendable {
    /// The Swift class of the object the events are about (`Domain`).
    public var objectType: String
    /// The C function that registers a callback (`virConnectDomainEventRegisterAny`).
    public var registerFunction: String
    /// The C function that deregisters it.
    public var deregisterFunction: String
    /// The C type every callback is cast to for registration (`virConnectDomainEventGenericCallback`).
    public var genericCallbackType: String
    /// The Swift type of the event IDs (`Domain.EventID`).
    public var idType: String
    /// The connection method's name (`domainEvents`).
    public var methodName: String
    /// The label of the optional object filter (`domain`).
    public var objectLabel: String
    /// One case per event ID.
    public var cases: [EventCase]
    /// Typed lifecycle details, where the object's events have detail enums.
    public var detail: DetailEnum?
    /// Documentation of the method.
    public var doc: [String]

    /// Creates a family.
    public init(
        objectType: String, registerFunction: String, deregisterFunction: String, genericCallbackType: String,
        idType: String, methodName: String, objectLabel: String, cases: [EventCase], detail: DetailEnum? = nil,
        doc: [String]
    ) {
        self.detail = detail
        self.objectType = objectType
        self.registerFunction = registerFunction
        self.deregisterFunction = deregisterFunction
        self.genericCallbackType = genericCallbackType
        self.idType = idType
        self.methodName = methodName
        self.objectLabel = objectLabel
        self.cases = cases
        self.doc = doc
    }
}

/// Typed lifecycle details: which detail enum a lifecycle event's `detail` number belongs to
/// depends on the event (`started` → `Domain.EventStartedDetailType`).
public struct DetailEnum: Sendable {
    /// The Swift name, unqualified (`LifecycleDetail`).
    public var name: String
    /// The Swift type of the event enum (`Domain.EventType`).
    public var eventType: String
    /// One case per event that has a detail enum.
    public var cases: [DetailCase]

    /// Creates a detail enum.
    public init(name: String, eventType: String, cases: [DetailCase]) {
        self.name = name
        self.eventType = eventType
        self.cases = cases
    }
}

/// One case of a ``DetailEnum``: an event case and the detail enum it carries.
public struct DetailCase: Sendable {
    /// The case name, equal to the event case (`started`).
    public var name: String
    /// The detail enum's Swift type.
    public var detailType: String

    /// Creates a case.
    public init(name: String, detailType: String) {
        self.name = name
        self.detailType = detailType
    }
}

/// One kind of event: its ID, its C callback, and the Swift case its arguments become.
public struct EventCase: Sendable {
    /// The Swift case name (`lifecycle`).
    public var name: String
    /// The case of the event-ID enum (`lifecycle`).
    public var idCase: String
    /// The C callback type (`virConnectDomainEventCallback`).
    public var callback: String
    /// The Swift name of the C-convention trampoline.
    public var trampoline: String
    /// The trampoline as the generic callback type registration takes (cast where the types differ).
    public var registeredCallback: String
    /// The trampoline's closure type.
    public var closureType: String
    /// The trampoline's parameter names.
    public var closureParameters: String
    /// The case's associated values (`domain: Domain, event: Domain.EventType, detail: Int32`).
    public var payload: String
    /// The expression that builds the case from the trampoline's parameters.
    public var construction: String
    /// The statement that ends the trampoline when the callback returns a value.
    public var returnStatement: String?
    /// Documentation lines.
    public var doc: [String]

    /// Creates a case.
    public init(
        name: String, idCase: String, callback: String, trampoline: String, registeredCallback: String,
        closureType: String,
        closureParameters: String, payload: String, construction: String, returnStatement: String?, doc: [String]
    ) {
        self.name = name
        self.idCase = idCase
        self.callback = callback
        self.trampoline = trampoline
        self.registeredCallback = registeredCallback
        self.closureType = closureType
        self.closureParameters = closureParameters
        self.payload = payload
        self.construction = construction
        self.returnStatement = returnStatement
        self.doc = doc
    }
}
