import LibvirtGenModel
import LibvirtGenTemplating

/// An event family's view for the `events` template: the family's names, its methods with their
/// bodies spelled, and each case's trampoline spelled from the values the lowering decided.
struct EventsView: TemplateView {
    /// A method's view.
    struct Method: TemplateView {
        /// The lines of its `///` comment.
        let doc: [String]
        /// The declaration without `public` and the body.
        let declaration: String
        /// The statement that implements it.
        let body: String
    }

    /// A case's view: the enum case and the C-convention trampoline that builds it.
    struct Case: TemplateView {
        /// The Swift name.
        let name: String
        /// The case of the event-ID enum.
        let idCase: String
        /// The C callback type.
        let callback: String
        /// The C-convention trampoline's Swift name.
        let trampoline: String
        /// The trampoline as registration takes it.
        let registeredCallback: String
        /// The trampoline's closure type.
        let closureType: String
        /// The trampoline's parameter names.
        let closureParameters: String
        /// The case's associated values, as declared.
        let payload: String
        /// The expression that builds the case from the trampoline's parameters.
        let construction: String
        /// What the trampoline returns, when the callback returns a value.
        let returnStatement: String?
        /// The lines of its `///` comment.
        let doc: [String]
    }

    /// The Swift class the events are about.
    let objectType: String
    /// The connection method's name.
    let methodName: String
    /// The object filter's label.
    let objectLabel: String
    /// The private connection method that subscribes.
    let subscribeFunction: String
    /// The Swift type of the event IDs.
    let idType: String
    /// The C type every callback is cast to for registration.
    let genericCallbackType: String
    /// The C function that registers a callback.
    let registerFunction: String
    /// The C function that deregisters it.
    let deregisterFunction: String
    /// The connection's methods.
    let connectionMethods: [Method]
    /// The object's own methods.
    let objectMethods: [Method]
    /// The cases.
    let cases: [Case]

    /// The view of the model's value.
    init(_ family: EventFamily) {
        objectType = family.objectType
        methodName = family.methodName
        objectLabel = family.objectLabel
        subscribeFunction = family.subscribeFunction
        idType = family.idType
        genericCallbackType = family.genericCallbackType
        registerFunction = family.registerFunction
        deregisterFunction = family.deregisterFunction
        let method = { (method: EventMethod) in
            Method(
                doc: DocumentationComment.lines(method.doc), declaration: method.declaration,
                body: Self.body(method.body, of: family))
        }
        connectionMethods = family.connectionMethods.map(method)
        objectMethods = family.objectMethods.map(method)
        cases = family.cases.map { Self.view($0, genericCallback: family.genericCallbackType) }
    }

    /// The statement implementing an event method.
    static func body(_ body: EventMethodBody, of family: EventFamily) -> String {
        let label = family.objectLabel
        switch body {
        case .oneKind:
            return "try \(family.methodName)([id], \(label): \(label), bufferingPolicy: bufferingPolicy)"
        case .subscribe(let throwing):
            let subscription = "try \(family.subscribeFunction)(ids, \(label): \(label), buffering: EventBuffering(bufferingPolicy))"
            return "\(throwing ? "AsyncThrowingStream" : "AsyncStream")(reading: \(subscription))"
        case .forward(let connection, let method):
            return "try \(connection).\(method)(ids, \(label): self, bufferingPolicy: bufferingPolicy)"
        }
    }

    /// A case's view: the trampoline's C parameters (connection and object, each value's
    /// arguments, the opaque pointer) and the expression of each value.
    static func view(_ event: EventCase, genericCallback: String) -> Case {
        var types: [String] = []
        var names: [String] = []
        var arguments: [String] = []
        for value in event.values {
            let first = names.count - 2
            let (argumentTypes, expression) = spelling(value, local: "a\(first)", previous: "a\(first - 1)", next: "a\(first + 1)")
            types += argumentTypes
            names += value.reading == .object ? ["_", "object"] : argumentTypes.indices.map { "a\(first + $0)" }
            arguments.append("\(value.label): \(expression)")
        }
        types.append("UnsafeMutableRawPointer?")
        names.append("opaque")
        return Case(
            name: event.name, idCase: event.idCase, callback: event.callback, trampoline: event.trampoline,
            registeredCallback: event.castsToGenericCallback
                ? "unsafeBitCast(\(event.trampoline), to: \(genericCallback).self)" : event.trampoline,
            closureType: "(\(types.joined(separator: ", "))) -> \(event.returnsStatus ? "Int32" : "Void")",
            closureParameters: names.joined(separator: ", "), payload: event.payload,
            construction: ".\(event.name)(\(arguments.joined(separator: ", ")))",
            returnStatement: event.returnsStatus ? "0" : nil, doc: DocumentationComment.lines(event.doc))
    }

    /// The C types of the trampoline parameters a value reads, and the expression making it from
    /// `local` (its first parameter; `previous` and `next` are the neighbours').
    private static func spelling(
        _ value: EventValue, local: String, previous: String, next: String
    ) -> (types: [String], expression: String) {
        switch value.reading {
        case .object:
            return (["OpaquePointer?", "OpaquePointer?"], "\(value.swiftType.spelling)(retaining: object)")
        case .number(let scalar, let conversion):
            return ([scalar], CallSpelling.number(conversion, of: local, rawValueIsC: true))
        case .detail(let selectorType):
            return (["Int32"], "\(value.swiftType.spelling)(event: \(selectorType)(rawValue: \(previous)), detail: \(local))")
        case .string(let isConst):
            return ([isConst ? "UnsafePointer<CChar>?" : "UnsafeMutablePointer<CChar>?"], "\(local).map { String(cString: $0) } ?? \"\"")
        case .typedParameters(let countScalar):
            return (["UnsafeMutablePointer<virTypedParameter>?", countScalar],
                    "TypedParameters(\(local), count: Int32(truncatingIfNeeded: \(next)))")
        case .structPointer(let cStruct, let swiftStruct, let isConst):
            return (["\(isConst ? "UnsafePointer" : "UnsafeMutablePointer")<\(cStruct)>?"],
                    "\(local).map { \(swiftStruct)($0.pointee) }")
        }
    }
}
