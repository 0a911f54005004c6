// The binding status of every C symbol, as the `coverage` command reports it.

/// The status of one C symbol in the bindings (coverage).
public struct SymbolStatus: Sendable, Codable, Equatable {
    /// What the status means.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Emitted from the model end to end.
        case generated
        /// Hand-written code declared in the overrides data file.
        case override
        /// Used by the runtime, not exposed.
        case `internal`
        /// Deliberately not exposed, with a reason.
        case excluded
        /// A function whose arguments fit no shape yet: it needs a new shape or a hand-written wrapper.
        case notYetBound
        /// The generator could not place it.
        case unaccounted
    }

    /// The kind of symbol.
    public enum Kind: String, Sendable, Codable {
        /// A function.
        case function
        /// One enum value.
        case enumValue
        /// A macro.
        case macro
    }

    /// The C name.
    public var name: String
    /// Its kind.
    public var kind: Kind
    /// The Swift module it belongs to.
    public var module: String
    /// Its status.
    public var status: Status
    /// The Swift declaration, where there is one.
    public var swift: String?
    /// The version that introduced it, where the description says.
    public var since: String?
    /// Why it has this status, for every status but `generated`.
    public var reason: String?
    /// The failure rule the lowering applied, for a function it bound; nil for every other
    /// symbol, and for functions whose wrapper is hand-written runtime code (`override`, event
    /// subscriptions), where that code decides.
    public var failureRule: FailureRule?

    /// Creates a status entry.
    public init(
        name: String, kind: Kind, module: String, status: Status, swift: String?, since: String?, reason: String?,
        failureRule: FailureRule? = nil
    ) {
        self.name = name
        self.kind = kind
        self.module = module
        self.status = status
        self.swift = swift
        self.since = since
        self.reason = reason
        self.failureRule = failureRule
    }
}
