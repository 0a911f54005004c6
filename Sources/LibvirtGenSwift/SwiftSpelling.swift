// How the binding model's types, defaults and declarations are spelled as Swift source: the one
// place that turns the lowering's decisions into Swift text, which the templates, the docs site
// and the API diff quote.
import LibvirtGenModel

extension SwiftType {
    /// The type as Swift source: `Domain.State`, `[String]`, `TypedParameters<Domain.MemoryParameter>`.
    public var spelling: String {
        switch self {
        case .named(let name): name
        case .optional(let wrapped): wrapped.spelling + "?"
        case .array(let element): "[\(element.spelling)]"
        case .tuple(let elements): "(" + elements.map { "\($0.label): \($0.type.spelling)" }.joined(separator: ", ") + ")"
        case .typedParameters(let key): "TypedParameters<\(key)>"
        case .eventStream(let event, let throwing): throwing ? "AsyncThrowingStream<\(event), any Error>" : "AsyncStream<\(event)>"
        case .eventBufferingPolicy(let event, let throwing):
            SwiftType.eventStream(event: event, throwing: throwing).spelling + ".Continuation.BufferingPolicy"
        }
    }
}

extension DefaultArgument {
    /// The default argument as Swift source.
    public var spelling: String {
        switch self {
        case .noValue: "nil"
        case .empty: "[]"
        case .zero: "0"
        case .unbounded: ".unbounded"
        }
    }
}

extension SwiftParameter {
    /// The parameter as declared: `named name: String`, `options: Domain.XMLOptions = []`.
    public var declaration: String {
        let head = label == name ? name : "\(label) \(name)"
        return "\(head): \(type.spelling)" + (defaultValue.map { " = \($0.spelling)" } ?? "")
    }
}

extension [SwiftParameter] {
    /// The parameter list as declared, without the parentheses.
    public var declarationList: String { map(\.declaration).joined(separator: ", ") }
}

/// The effects clause of bound declarations.
public enum SwiftEffects {
    /// The effects clause of a declaration that can fail, with its leading space.
    ///
    /// Untyped, although a synchronous binding throws only `LibvirtError`: with
    /// `throws(LibvirtError)`, Swift 6.3.1's compiler crashes (signal 11 in
    /// `MandatoryAllocBoxToStack`) on ordinary caller code, any untyped-throwing function with a
    /// local `var` and a `catch` that does not catch everything around such a call
    /// (`.ci/typed-throws-check` shows it). Typing it is source-compatible for callers, so it
    /// changes here, and in the runtime's hand-written declarations, once the toolchain is fixed.
    public static let failing = " throws"
}

extension BoundFunction {
    /// The declaration's effects clause: ``SwiftEffects/failing``, or nothing when it cannot fail.
    public var effects: String { throwing ? SwiftEffects.failing : "" }
}

extension EventMethod {
    /// The declaration, without `public` and the body: `func domainEvents(_ ids: …) throws -> …`.
    public var declaration: String {
        "func \(name)(\(parameters.declarationList))\(SwiftEffects.failing) -> \(returnType.spelling)"
    }
}

extension EventCase {
    /// The associated values as declared: `domain: Domain, event: Domain.EventType, detail: …`.
    public var payload: String { values.map { "\($0.label): \($0.swiftType.spelling)" }.joined(separator: ", ") }
}

extension XMLPropertyValue {
    /// The Swift type of the value (of each element, for a repeated child): `Int`, `UUID`,
    /// `DomainDescription.Devices.Disk`.
    public var swiftType: String {
        switch self {
        case .string: "String"
        case .integer: "Int"
        case .unsignedInteger: "UInt64"
        case .number: "Double"
        case .uuid: "UUID"
        case .boolean, .flag: "Bool"
        case .named(let path), .view(let path): path.joined(separator: ".")
        }
    }
}
