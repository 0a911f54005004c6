import Foundation
import LibvirtGenModel
import LibvirtGenOverridesData

/// What the API description cannot say, read from `api-xml/overrides/overrides.json`: Swift type
/// names, renames, ownership of returned pointers, flag enums, and the symbols the bindings leave to
/// the runtime, hand-write, or exclude, each with a reason.
public struct Overrides: Sendable, Codable {
    /// A hand-written Swift declaration that stands for a C function.
    public struct HandWritten: Sendable, Codable {
        /// The Swift declaration, e.g. `Connection(uri:readOnly:)`.
        public var swift: String
        /// Why it is hand-written.
        public var reason: String
    }

    /// Swift names for C types: handle objects (`virStorageVol` → `StorageVolume`) and enums whose
    /// Swift home is not their C prefix (`virErrorNumber` → `LibvirtError.Code`).
    public var typeNames: [String: String]
    /// The getter whose result identifies an object of each handle type, for `Hashable`.
    public var handleIdentity: [String: String]
    /// Word expansions applied to every generated name.
    public var abbreviations: [String: String]
    /// Words cased as acronyms.
    public var acronyms: [String]
    /// Enum typedefs that are bit flags although their name does not say so.
    public var flagEnums: [String]
    /// The prefix an enum's case names drop, where the prefix all its values share is too short
    /// (`VIR_ERR_` among `VIR_ERR_*` and `VIR_WAR_*`); values outside it drop what they share with it.
    public var enumPrefixes: [String: String]
    /// The flags enum of a function's `flags` argument where its text names none.
    public var flagsArguments: [String: String]
    /// Swift base names for functions the rules would name badly.
    public var renames: [String: String]
    /// Swift names for C parameter names the word rules would name badly (`xmlDesc` → `xml`); a key
    /// `function.parameter` applies to one function only.
    public var parameterNames: [String: String]
    /// Functions that return an object pointer without a new reference.
    public var borrowedReturns: [String]
    /// Functions whose failure value also means "no value" (the Swift result is optional).
    public var optionalResults: [String]
    /// The enum a function's `int` result takes where its text names none.
    public var resultEnums: [String: String]
    /// The enum an argument (`function.argument`) or struct field (`struct.field`) takes where its
    /// text does not name one correctly; empty for a plain number whose text names an enum.
    public var argumentEnums: [String: String]
    /// Documentation for struct fields (`struct.field`) that libvirt's API description misplaces: a
    /// comment written above fields lands on the field before them, and the fields it describes get
    /// none. The text also names the field's enum, as a field's own text does.
    public var fieldDocs: [String: String]
    /// Error-code enums whose every case also gets a static pattern on the enum's owner type, named
    /// like the case (`virErrorNumber`: `catch LibvirtError.noDomain`), with the runtime's pattern
    /// type, which is created from a case (`CodePattern(.noDomain)`).
    public var errorPatterns: [String: String]
    /// Parameter names that are C booleans (`int autostart`).
    public var booleanParameters: [String]
    /// String parameters that may be NULL, by function.
    public var nullableParameters: [String: [String]]
    /// Input arrays: function → array parameter → its count parameter.
    public var arrayCounts: [String: [String: String]]
    /// Output arrays of numbers: function → array parameter → the parameter giving its length
    /// (empty when the length is not one parameter and the bindings do not convert it).
    public var outputArrays: [String: [String: String]]
    /// A typed-parameter key type: its Swift name, the prefix of its string macros, its functions.
    public struct TypedParameterFamily: Sendable, Codable {
        /// The qualified Swift name (`Domain.MemoryParameter`).
        public var swift: String
        /// The prefix of the macros naming its keys (`VIR_DOMAIN_MEMORY_`).
        public var prefix: String
        /// The functions whose typed parameters use these keys.
        public var functions: [String]
    }

    /// Typed-parameter key types.
    public var typedParameterFamilies: [TypedParameterFamily]
    /// The value type of a typed-parameter name whose documentation states none (or a wrong one),
    /// with the reason.
    public struct TypedParameterValue: Sendable, Codable {
        /// The libvirt type.
        public var type: TypedParameterValueType
        /// How it is known.
        public var reason: String
    }

    /// Value types of typed-parameter names the documentation rule cannot type, by macro name or by a
    /// macro-name prefix ending in `_` (the longest match wins); an entry wins over the rule.
    public var typedParameterValueTypes: [String: TypedParameterValue]
    /// For getters libvirt cannot ask for their typed-parameter count first: the receiver's
    /// method (a throwing one without arguments) that gives the count.
    public var typedParameterCounts: [String: String]
    /// Functions used by the runtime, not exposed, with the reason.
    public var `internal`: [String: String]
    /// Function-name prefixes that are runtime helpers, with the reason.
    public var internalPrefixes: [String: String]
    /// Functions deliberately not exposed, with the reason.
    public var excluded: [String: String]
    /// Macros deliberately not exposed, with the reason.
    public var excludedMacros: [String: String]
    /// Functions bound by hand-written runtime code.
    public var handWritten: [String: HandWritten]
    /// Functions that start a libvirt job an abort function ends (`virDomainSave` →
    /// `virDomainAbortJob`, called with the receiver alone): cancelling the task awaiting their
    /// `async` form aborts the job.
    public var abortOnCancel: [String: String]

    /// The XML document kinds typed from libvirt's schemas, in the order they are generated.
    public var xmlDocuments: [XMLDocumentSpec]

    /// A failure libvirt's test driver reports for a call that is correct, which the harness's
    /// model-driven probes then expect instead of success.
    public struct KnownFailure: Sendable, Codable {
        /// The `virErrorNumber` name, e.g. `VIR_ERR_INVALID_ARG`.
        public var code: String
        /// Why the driver fails.
        public var reason: String
    }

    /// Test-driver failures the harness expects, by C function.
    public var harnessKnownFailures: [String: KnownFailure]
    /// Functions the harness's probes must not call because libvirt itself crashes in them, with
    /// the reason (each reproduced in C).
    public var harnessUnsafeCalls: [String: String]
    /// Failures of correct calls on the embedded QEMU driver the harness expects, by C function
    /// (what the proving ground lacks: cgroups, a daemon, host devices).
    public var harnessQemuKnownFailures: [String: KnownFailure]
    /// Functions the harness's probes must not call on the QEMU driver, with the reason (they
    /// would act on the host itself: suspend it, allocate its huge pages).
    public var harnessQemuUnsafeCalls: [String: String]

    /// The overrides built into the generator.
    public static func builtIn() throws -> Overrides {
        try load(from: OverridesResource.url)
    }

    /// Reads an overrides file; throws a ``DiagnosticError`` naming it when it does not decode.
    public static func load(from url: URL) throws -> Overrides {
        do {
            return try JSONDecoder().decode(Overrides.self, from: Data(contentsOf: url))
        } catch let error as DecodingError {
            throw DiagnosticError("invalid overrides data: \(error.summary)", at: SourceLocation(file: url.path, line: 0))
        } catch {
            throw DiagnosticError("cannot read overrides data", at: SourceLocation(file: url.path, line: 0))
        }
    }
}

extension DecodingError {
    /// A one-line description naming the key path.
    var summary: String {
        switch self {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(context.path)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(context.path)"
        @unknown default:
            return "\(self)"
        }
    }
}

extension DecodingError.Context {
    /// The coding path as `a.b.c`.
    var path: String {
        codingPath.isEmpty ? "the top level" : codingPath.map(\.stringValue).joined(separator: ".")
    }
}
