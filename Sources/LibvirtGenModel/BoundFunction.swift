// The binding model's functions: call shapes and the Swift declarations C functions become.

/// The call shapes: each C function is sorted into one, and each shape has one template.
public enum CallShape: String, Sendable, Codable, CaseIterable {
    /// Returns 0 on success and -1 on failure; out-parameters become the Swift result.
    case status
    /// Returns a count on success (lists filled through out-parameters), -1 on failure.
    case count
    /// Returns 1, 0, or -1 on failure: a Swift `Bool`.
    case boolean
    /// Returns a number, with one value meaning failure.
    case value
    /// Returns a number that is never a failure.
    case plainValue
    /// Returns a new reference to a libvirt object, NULL on failure.
    case ownedHandle
    /// Returns a libvirt object without a new reference: the wrapper takes one.
    case borrowedHandle
    /// Returns a string the caller frees, NULL on failure.
    case ownedString
    /// Returns a string owned by the object, valid while it lives.
    case borrowedString
    /// Fills a caller-supplied name array of a given capacity: called with growing capacity.
    case nameList
    /// Fills a caller-supplied ID array of a given capacity: called with growing capacity.
    case idList
    /// Fills a caller-allocated typed-parameter array: asks for the count, allocates, fills.
    case typedParameters
    /// Fills a caller-allocated struct array: asks for the count, allocates, fills.
    case structArray
    /// Fills a caller-allocated struct array of a given capacity: called with growing capacity.
    case structBuffer
    /// Opens a handle: a convenience initializer of the handle class.
    case initializer
}

/// How a bound function is declared in Swift.
public enum DeclarationKind: String, Sendable, Codable {
    /// An instance method.
    case method
    /// A computed instance property (`get throws` when it can fail).
    case property
    /// A static method of a type.
    case staticMethod
    /// A convenience initializer.
    case initializer
}

/// One parameter of a Swift declaration.
public struct SwiftParameter: Sendable, Codable {
    /// The argument label (`_` for none).
    public var label: String
    /// The local name.
    public var name: String
    /// The Swift type.
    public var type: SwiftType
    /// The default argument, if callers may leave it out.
    public var defaultValue: DefaultArgument?
    /// Documentation for the `- Parameter` line.
    public var doc: String

    /// Creates a parameter.
    public init(label: String, name: String, type: SwiftType, defaultValue: DefaultArgument?, doc: String) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
    }
}

/// A Swift string a call passes to C as `const char *`, borrowed for the call's duration through
/// `withCString` (the implicit String-to-pointer conversion copies it to the heap on every call).
public struct CStringArgument: Sendable, Codable, Equatable {
    /// The parameter's local name; inside the call it names the C string.
    public var name: String
    /// Whether the parameter is optional (nil passes NULL).
    public var optional: Bool

    /// Creates a C string argument.
    public init(name: String, optional: Bool) {
        self.name = name
        self.optional = optional
    }
}

/// A C function bound as a Swift declaration.
public struct BoundFunction: Sendable, Codable {
    /// The C function.
    public var cName: String
    /// Where libvirt documents the function as deprecated: the message of its
    /// `@available(*, deprecated, message:)` attribute (libvirt's paragraph).
    public var deprecation: String?
    /// The call shape, which names the template.
    public var shape: CallShape
    /// How it is declared.
    public var kind: DeclarationKind
    /// The Swift base name (`info`, `domain`).
    public var name: String
    /// The Swift parameters.
    public var parameters: [SwiftParameter]
    /// The Swift result type; nil for `Void`.
    public var returnType: SwiftType?
    /// The failure-detection rule that decided whether the declaration throws.
    public var failureRule: FailureRule
    /// Whether the declaration throws, as its failure rule decides.
    public var throwing: Bool { failureRule.canFail }
    /// How the call passes each C argument, by position.
    public var arguments: [ArgumentPassing]
    /// The values the call delivers through out-arguments, in argument order.
    public var outValues: [OutValue]
    /// The string parameters borrowed as C strings around the call, in argument order.
    public var cStrings: [CStringArgument]
    /// The value that means failure, for the `value` shape: its failure rule's value when it throws.
    public var failureValue: FailureValue? { failureRule.canFail ? failureRule.value : nil }
    /// How the Swift result is made after a successful call.
    public var result: CallResult
    /// The key type of typed parameters the call reads, for the `typedParameters` shape.
    public var typedParameterKey: String?
    /// The method of the receiver that gives the number of typed parameters, where libvirt cannot
    /// be asked for it (the overrides data's `typedParameterCounts`).
    public var parameterCountMethod: String?
    /// The Swift struct the elements of a struct-array shape convert to.
    public var elementType: String?
    /// Documentation.
    public var doc: Documentation
    /// The Swift declaration as users name it, e.g. `Domain.info()`.
    public var swiftSymbol: String
    /// Whether the call first checks that its object's connection was not closed with `close()`
    /// (a throwing instance member of a class whose handle ``HandleClass/checksClosing``).
    public var checksClosing = false
    /// The `async` overload it also gets, if any (``AsyncCounterpart``).
    public var asyncCounterpart: AsyncCounterpart?

    /// Creates a bound function.
    public init(
        cName: String, shape: CallShape, kind: DeclarationKind, name: String, parameters: [SwiftParameter],
        returnType: SwiftType?, failureRule: FailureRule, arguments: [ArgumentPassing], outValues: [OutValue] = [],
        cStrings: [CStringArgument] = [],
        result: CallResult, typedParameterKey: String? = nil, parameterCountMethod: String? = nil,
        elementType: String? = nil, doc: Documentation, swiftSymbol: String, deprecation: String? = nil
    ) {
        self.deprecation = deprecation
        self.elementType = elementType
        self.typedParameterKey = typedParameterKey
        self.parameterCountMethod = parameterCountMethod
        self.cName = cName
        self.shape = shape
        self.kind = kind
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.failureRule = failureRule
        self.arguments = arguments
        self.outValues = outValues
        self.cStrings = cStrings
        self.result = result
        self.doc = doc
        self.swiftSymbol = swiftSymbol
    }
}
