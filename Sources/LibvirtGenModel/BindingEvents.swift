// The binding model's events: event families, their cases and typed lifecycle details.

/// The events of one kind of object, delivered as `AsyncStream`s from a connection (and from the
/// object itself, where it can tell its connection).
public struct EventFamily: Sendable, Codable {
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
    /// The name of the private connection method that subscribes to the events (`subscribeToDomainEvents`).
    public var subscribeFunction: String
    /// One case per event ID.
    public var cases: [EventCase]
    /// Typed lifecycle details, where the object's events have detail enums.
    public var detail: DetailEnum?
    /// The public methods on `Connection` (one event kind, several, and the form that throws when
    /// the connection closes).
    public var connectionMethods: [EventMethod]
    /// The public methods on the object itself, filtering to it; empty when the object cannot
    /// tell its connection.
    public var objectMethods: [EventMethod]

    /// Creates a family.
    public init(
        objectType: String, registerFunction: String, deregisterFunction: String, genericCallbackType: String,
        idType: String, methodName: String, objectLabel: String, subscribeFunction: String, cases: [EventCase],
        detail: DetailEnum? = nil, connectionMethods: [EventMethod], objectMethods: [EventMethod] = []
    ) {
        self.detail = detail
        self.objectType = objectType
        self.registerFunction = registerFunction
        self.deregisterFunction = deregisterFunction
        self.genericCallbackType = genericCallbackType
        self.idType = idType
        self.methodName = methodName
        self.objectLabel = objectLabel
        self.subscribeFunction = subscribeFunction
        self.cases = cases
        self.connectionMethods = connectionMethods
        self.objectMethods = objectMethods
    }

    /// Every public method, the connection's first.
    public var methods: [EventMethod] { connectionMethods + objectMethods }

    /// The Swift symbol naming the family in coverage and links: its connection methods'
    /// (`Connection.domainEvents(_:domain:bufferingPolicy:)`).
    public var symbol: String { connectionMethods.first?.symbol ?? "Connection.\(methodName)" }
}

/// One public method delivering an event family's events.
public struct EventMethod: Sendable, Codable {
    /// The type declaring it (`Connection`, `Domain`).
    public let owner: String
    /// Its name (`domainEvents`, `events`).
    public let name: String
    /// Its parameter list, with defaults.
    public let parameters: [SwiftParameter]
    /// What it returns: an event stream.
    public let returnType: SwiftType
    /// What it does.
    public let body: EventMethodBody
    /// Documentation.
    public let doc: Documentation
    /// The Swift symbol: `Connection.domainEvents(_:domain:bufferingPolicy:)`.
    public let symbol: String

    /// Creates a method.
    public init(
        owner: String, name: String, parameters: [SwiftParameter], returnType: SwiftType, body: EventMethodBody, doc: Documentation
    ) {
        self.owner = owner
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.doc = doc
        symbol = "\(owner).\(name)(\(parameters.map { "\($0.label):" }.joined()))"
    }
}

/// What an ``EventMethod`` does.
public enum EventMethodBody: Sendable, Codable, Equatable {
    /// Calls the family's connection method for several kinds with the one kind.
    case oneKind
    /// Subscribes to the kinds and returns the stream reading the queue (throwing when the
    /// connection closes, where `throwing`).
    case subscribe(throwing: Bool)
    /// Calls the family's connection method of that name on the object's connection (the bound
    /// property of that name), with the object as the filter.
    case forward(connection: String, method: String)
}

/// A number typed by another value: which enum a lifecycle event's `detail` number belongs to
/// depends on the event (`started` → `Domain.EventStartedDetailType`), which enum a state's
/// `reason` belongs to depends on the state (`shutoff` → `Domain.ShutoffReason`).
public struct DetailEnum: Sendable, Codable {
    /// The Swift name, unqualified (`LifecycleDetail`, `StateReason`).
    public var name: String
    /// Documentation.
    public var doc: Documentation
    /// The Swift type of the enum that selects the number's type (`Domain.EventType`, `Domain.State`).
    public var selectorType: String
    /// The initializer's label for the selecting value (`event`, `state`).
    public var selectorLabel: String
    /// The initializer's label for the number (`detail`, `reason`).
    public var valueLabel: String
    /// The initializer's documentation.
    public var initializerDoc: String
    /// The documentation of the `other` case, for a selecting value with no typed number.
    public var otherDoc: String
    /// One case per selecting value that has an enum for its number.
    public var cases: [DetailCase]

    /// Creates a detail enum.
    public init(
        name: String, doc: Documentation, selectorType: String, selectorLabel: String, valueLabel: String,
        initializerDoc: String, otherDoc: String, cases: [DetailCase]
    ) {
        self.name = name
        self.doc = doc
        self.selectorType = selectorType
        self.selectorLabel = selectorLabel
        self.valueLabel = valueLabel
        self.initializerDoc = initializerDoc
        self.otherDoc = otherDoc
        self.cases = cases
    }
}

/// One case of a ``DetailEnum``: a selecting case and the enum its number belongs to.
public struct DetailCase: Sendable, Codable {
    /// The case name, equal to the selecting case (`started`).
    public var name: String
    /// The number's enum, as a Swift type.
    public var detailType: String
    /// The case's documentation.
    public var doc: String

    /// Creates a case.
    public init(name: String, detailType: String, doc: String) {
        self.name = name
        self.detailType = detailType
        self.doc = doc
    }
}

/// One kind of event: its ID, its C callback, and the Swift case its arguments become.
public struct EventCase: Sendable, Codable {
    /// The Swift case name (`lifecycle`).
    public var name: String
    /// The case of the event-ID enum (`lifecycle`).
    public var idCase: String
    /// The C callback type (`virConnectDomainEventCallback`).
    public var callback: String
    /// The Swift name of the C-convention trampoline.
    public var trampoline: String
    /// Whether registration takes the trampoline cast to the family's generic callback type (the
    /// callback type is another).
    public var castsToGenericCallback: Bool
    /// The case's associated values, the object first, in the callback's argument order.
    public var values: [EventValue]
    /// Whether the callback returns a C `int` (the trampoline returns 0).
    public var returnsStatus: Bool
    /// Documentation.
    public var doc: Documentation

    /// Creates a case.
    public init(
        name: String, idCase: String, callback: String, trampoline: String, castsToGenericCallback: Bool,
        values: [EventValue], returnsStatus: Bool, doc: Documentation
    ) {
        self.name = name
        self.idCase = idCase
        self.callback = callback
        self.trampoline = trampoline
        self.castsToGenericCallback = castsToGenericCallback
        self.values = values
        self.returnsStatus = returnsStatus
        self.doc = doc
    }
}

/// One associated value of an ``EventCase``: its label, its Swift type, and how it is made from
/// the callback's arguments.
public struct EventValue: Sendable, Codable {
    /// The label (`domain`, `event`).
    public var label: String
    /// The Swift type.
    public var swiftType: SwiftType
    /// Which callback arguments it is made from, and how.
    public var reading: EventArgumentReading

    /// Creates a value.
    public init(label: String, swiftType: SwiftType, reading: EventArgumentReading) {
        self.label = label
        self.swiftType = swiftType
        self.reading = reading
    }
}

/// How an event value is made from the callback's C arguments.
public enum EventArgumentReading: Sendable, Codable, Equatable {
    /// The object the event is about (the callback's second argument, after the connection), retained.
    case object
    /// A C number of that Swift scalar type, converted as the conversion says (plain or enumeration).
    case number(scalar: String, conversion: NumberConversion)
    /// A lifecycle detail number, typed by the event number of the selector type just before it.
    case detail(selectorType: String)
    /// A C string (`const char *` where `isConst`), empty where NULL.
    case string(isConst: Bool)
    /// A typed-parameter array and the count after it (of that Swift scalar type): two arguments.
    case typedParameters(countScalar: String)
    /// A pointer to a C struct libvirt lends, converted to the Swift struct; nil where NULL.
    case structPointer(cStruct: String, swiftStruct: String, isConst: Bool)

    /// How many C arguments it reads.
    public var argumentCount: Int {
        switch self {
        case .object, .typedParameters: 2
        default: 1
        }
    }
}
