import Foundation
import LibvirtGenModel
import LibvirtGenXML

/// Reads a RELAX NG schema in the XML syntax, as libvirt ships them (`domain.rng` including
/// `domaincommon.rng`, `basictypes.rng` and others), into one ``RNGGrammar``: includes are read
/// from the including file's folder, an include's own definitions replace the included ones, and
/// definitions with `combine` are merged. Annotations (prefixed elements such as
/// `a:documentation`) are skipped; any other element the reader does not know, a document schema's
/// reference to no definition, and a definition declared twice without `combine` are errors naming
/// the file and line.
public struct RNGReader: Sendable {
    /// The files already parsed, shared with the readers of sibling schemas.
    let files: RNGFileCache

    /// Creates a reader; readers given one cache parse each file once between them (libvirt's
    /// five domain schemas all include the 8,000 lines of `domaincommon.rng`).
    public init(sharing files: RNGFileCache = RNGFileCache()) {
        self.files = files
    }

    /// Reads the schema in `file` and everything it includes.
    public func read(_ file: URL) throws -> RNGGrammar {
        var state = ReadState(files: files)
        let parts = try state.parts(of: file, including: [])
        let start = try Self.combined(parts.starts, name: "start", at: SourceLocation(file: file.path, line: 1))
        var (defines, locations) = try Self.combined(parts.defines)
        // A schema without a start is a library for others to include with the schemas it relies
        // on (`cputypes.rng` uses `basictypes.rng`'s definitions): only documents must be closed.
        if start != nil { try Self.checkReferences(state.references, defines: defines) }
        defines.merge(state.nestedDefines) { own, _ in own }
        locations.merge(state.nestedLocations) { own, _ in own }
        return RNGGrammar(start: start, defines: defines, locations: locations)
    }

    /// Throws at the first reference to a name `defines` lacks.
    static func checkReferences(_ references: [(String, SourceLocation)], defines: [String: RNGPattern]) throws {
        for (name, location) in references where defines[name] == nil {
            throw DiagnosticError("reference to '\(name)', which no definition declares", at: location)
        }
    }

    /// Each name's definitions combined, with where the first was declared.
    static func combined(
        _ components: [String: [Component]]
    ) throws -> (defines: [String: RNGPattern], locations: [String: SourceLocation]) {
        var defines: [String: RNGPattern] = [:]
        var locations: [String: SourceLocation] = [:]
        for (name, components) in components {
            defines[name] = try combined(components, name: "definition '\(name)'", at: components[0].location)
            locations[name] = components[0].location
        }
        return (defines, locations)
    }

    /// One `start` or `define` of a file, before combining.
    struct Component {
        /// `choice`, `interleave`, or nil.
        var combine: String?
        /// Its pattern.
        var pattern: RNGPattern
        /// Where it is declared.
        var location: SourceLocation
    }

    /// The starts and definitions of a grammar and what it includes.
    struct Parts {
        /// The `start` components.
        var starts: [Component] = []
        /// The `define` components by name, in reading order.
        var defines: [String: [Component]] = [:]

        /// Adds the components of `other`.
        mutating func merge(_ other: Parts) {
            starts += other.starts
            for (name, components) in other.defines { defines[name, default: []] += components }
        }
    }

    /// Combines the components of one name as their `combine` attributes say; nil for none.
    static func combined(_ components: [Component], name: String, at location: SourceLocation) throws -> RNGPattern? {
        guard let first = components.first else { return nil }
        if components.count == 1 { return first.pattern }
        let methods = Set(components.compactMap(\.combine))
        guard methods.count == 1, components.filter({ $0.combine == nil }).count <= 1, let method = methods.first else {
            let second = components[1].location
            throw DiagnosticError(
                "\(name) is declared more than once without one combine method (also on line \(second.line) of \(second.file))",
                at: first.location)
        }
        return method == "interleave" ? .interleave(components.map(\.pattern)) : .choice(components.map(\.pattern))
    }
}

/// The schema files read so far, by path, as element trees and as what reading them gave; safe to
/// share between threads (nothing is changed once stored).
public final class RNGFileCache: @unchecked Sendable {
    /// Guards `trees` and `readings`.
    private let lock = NSLock()
    /// The parsed files by standardized path.
    private var trees: [String: XMLNode] = [:]
    /// What reading each file (its includes resolved) gave, by standardized path.
    private var readings: [String: FileReading] = [:]

    /// An empty cache.
    public init() {}

    /// The element tree of the file at `path`, parsed on first use.
    func tree(of file: URL, path: String) throws -> XMLNode {
        if let tree = lock.withLock({ trees[path] }) { return tree }
        let tree = try XMLNode.parse(contentsOf: file, displayPath: path)
        lock.withLock { trees[path] = tree }
        return tree
    }

    /// What reading the file at `path` gave, if it was read before.
    func reading(of path: String) -> FileReading? {
        lock.withLock { readings[path] }
    }

    /// Keeps what reading the file at `path` gave (the first of two threads reading it at once wins;
    /// both read the same).
    func keep(_ reading: FileReading, of path: String) {
        lock.withLock { if readings[path] == nil { readings[path] = reading } }
    }
}

/// What reading one schema file, its includes resolved, gives: a pure function of the files, so
/// each is read once however many schemas include it (libvirt's five domain schemas all include
/// the 8,000 lines of `domaincommon.rng`).
struct FileReading {
    /// Its starts and definitions.
    var parts: RNGReader.Parts
    /// Its references, in reading order, with where they are.
    var references: [(String, SourceLocation)]
    /// The definitions of the grammars nested in it, renamed into scopes of their own.
    var nestedDefines: [String: RNGPattern]
    /// Where each nested definition was declared.
    var nestedLocations: [String: SourceLocation]
}

/// What one reading collects across files.
private struct ReadState {
    /// Where the files' element trees come from.
    let files: RNGFileCache
    /// Every `ref` of the grammar being read with where it is, checked once its definitions are known.
    var references: [(String, SourceLocation)] = []
    /// The definitions of nested grammars, renamed into scopes of their own (`file.rng:39/name`).
    var nestedDefines: [String: RNGPattern] = [:]
    /// Where each nested definition was declared.
    var nestedLocations: [String: SourceLocation] = [:]

    /// The starts and definitions of the grammar in `file`, its includes resolved; `including`
    /// holds the files that include it, to reject a cycle.
    mutating func parts(of file: URL, including: [URL]) throws -> RNGReader.Parts {
        let path = file.standardizedFileURL.path
        // A file read before is taken as read: it cannot include one of `including`, which would
        // have been a cycle then.
        let reading = try files.reading(of: path) ?? {
            let root = try files.tree(of: file, path: path)
            guard root.name == "grammar" else {
                throw DiagnosticError("the root element is <\(root.name)>, not a RELAX NG <grammar>", at: SourceLocation(file: path, line: root.line))
            }
            var state = ReadState(files: files)
            let parts = try state.grammarContent(root, file: file, including: including + [file.standardizedFileURL])
            let reading = FileReading(
                parts: parts, references: state.references,
                nestedDefines: state.nestedDefines, nestedLocations: state.nestedLocations)
            files.keep(reading, of: path)
            return reading
        }()
        references += reading.references
        nestedDefines.merge(reading.nestedDefines) { _, new in new }
        nestedLocations.merge(reading.nestedLocations) { _, new in new }
        return reading.parts
    }

    /// The starts, definitions and includes among the children of `node` (a grammar, an
    /// include's overrides, a `div`).
    mutating func grammarContent(_ node: XMLNode, file: URL, including: [URL]) throws -> RNGReader.Parts {
        var parts = RNGReader.Parts()
        let path = file.standardizedFileURL.path
        for child in node.children where !Self.isAnnotation(child) {
            let location = SourceLocation(file: path, line: child.line)
            switch child.name {
            case "start":
                parts.starts.append(.init(
                    combine: child.attributes["combine"], pattern: try content(of: child, file: path, ns: ""), location: location))
            case "define":
                guard let name = child.attributes["name"] else { throw DiagnosticError("<define> without a name", at: location) }
                parts.defines[name, default: []].append(.init(
                    combine: child.attributes["combine"], pattern: try content(of: child, file: path, ns: ""), location: location))
            case "include":
                guard let href = child.attributes["href"] else { throw DiagnosticError("<include> without an href", at: location) }
                let target = file.deletingLastPathComponent().appendingPathComponent(href).standardizedFileURL
                guard !including.contains(target) else {
                    throw DiagnosticError("\(href) includes itself through \(including.map(\.lastPathComponent).joined(separator: ", "))", at: location)
                }
                guard FileManager.default.fileExists(atPath: target.path) else {
                    throw DiagnosticError("included schema \(href) does not exist", at: location)
                }
                var included = try self.parts(of: target, including: including)
                let overrides = try grammarContent(child, file: file, including: including)
                if !overrides.starts.isEmpty { included.starts = [] }
                for name in overrides.defines.keys { included.defines[name] = nil }
                parts.merge(included)
                parts.merge(overrides)
            case "div":
                parts.merge(try grammarContent(child, file: file, including: including))
            default:
                throw DiagnosticError("<\(child.name)> is not a RELAX NG grammar element", at: location)
            }
        }
        return parts
    }

    /// The pattern the children of `node` make: one pattern, or a group of several.
    mutating func content(of node: XMLNode, file: String, ns: String) throws -> RNGPattern {
        let children = try node.children.filter { !Self.isAnnotation($0) }.map { try pattern($0, file: file, ns: ns) }
        switch children.count {
        case 0: throw DiagnosticError("<\(node.name)> holds no pattern", at: SourceLocation(file: file, line: node.line))
        case 1: return children[0]
        default: return .group(children)
        }
    }

    /// One pattern element; `ns` is the namespace inherited from the enclosing elements.
    mutating func pattern(_ node: XMLNode, file: String, ns inherited: String) throws -> RNGPattern {
        let location = SourceLocation(file: file, line: node.line)
        let ns = node.attributes["ns"] ?? inherited
        func name() throws -> String {
            guard let name = node.attributes["name"] else { throw DiagnosticError("<\(node.name)> without a name", at: location) }
            return name
        }
        func patterns() throws -> [RNGPattern] {
            try node.children.filter { !Self.isAnnotation($0) }.map { try pattern($0, file: file, ns: ns) }
        }
        switch node.name {
        case "element", "attribute":
            var children = node.children.filter { !Self.isAnnotation($0) }
            let names: RNGNameClass
            if let plain = node.attributes["name"] {
                // An attribute's name has no namespace unless it says so.
                names = .name(plain, namespace: node.name == "attribute" ? node.attributes["ns"] ?? "" : ns)
            } else if let first = children.first {
                names = try nameClass(first, file: file, ns: ns)
                children.removeFirst()
            } else {
                throw DiagnosticError("<\(node.name)> without a name", at: location)
            }
            let content = try children.map { try pattern($0, file: file, ns: ns) }
            let body: RNGPattern = content.isEmpty ? (node.name == "attribute" ? .text : .empty)
                : content.count == 1 ? content[0] : .group(content)
            if node.name == "element", content.isEmpty {
                throw DiagnosticError("<element> holds no pattern", at: location)
            }
            return node.name == "element" ? .element(names, body) : .attribute(names, body)
        case "group": return .group(try patterns())
        case "interleave": return .interleave(try patterns())
        case "choice": return .choice(try patterns())
        case "optional": return .optional(try content(of: node, file: file, ns: ns))
        case "zeroOrMore": return .zeroOrMore(try content(of: node, file: file, ns: ns))
        case "oneOrMore": return .oneOrMore(try content(of: node, file: file, ns: ns))
        case "mixed": return .mixed(try content(of: node, file: file, ns: ns))
        case "list": return .list(try content(of: node, file: file, ns: ns))
        case "ref":
            let target = try name()
            references.append((target, location))
            return .ref(target)
        case "parentRef": return .parentRef(try name())
        case "grammar": return try nestedGrammar(node, file: file)
        case "empty": return .empty
        case "text": return .text
        case "notAllowed": return .notAllowed
        case "data":
            guard let type = node.attributes["type"] else { throw DiagnosticError("<data> without a type", at: location) }
            var parameters: [RNGParameter] = []
            var except: RNGPattern?
            for child in node.children where !Self.isAnnotation(child) {
                switch child.name {
                case "param":
                    guard let facet = child.attributes["name"] else {
                        throw DiagnosticError("<param> without a name", at: SourceLocation(file: file, line: child.line))
                    }
                    parameters.append(RNGParameter(name: facet, value: child.text))
                case "except":
                    except = try content(of: child, file: file, ns: ns)
                default:
                    throw DiagnosticError("<\(child.name)> in <data>", at: SourceLocation(file: file, line: child.line))
                }
            }
            return .data(type: type, parameters: parameters, except: except)
        case "value":
            return .value(type: node.attributes["type"] ?? "token", node.text)
        default:
            throw DiagnosticError("<\(node.name)> is not a RELAX NG pattern this reader knows", at: location)
        }
    }

    /// A grammar nested in a pattern (libvirt's snapshot and checkpoint schemas nest one to include
    /// `domain.rng` without its definitions meeting theirs): its definitions are renamed into a
    /// scope of their own and kept with the reading's, and its start pattern takes its place.
    mutating func nestedGrammar(_ node: XMLNode, file: String) throws -> RNGPattern {
        let location = SourceLocation(file: file, line: node.line)
        let outerReferences = references
        references = []
        let parts = try grammarContent(node, file: URL(fileURLWithPath: file), including: [])
        guard let start = try RNGReader.combined(parts.starts, name: "start", at: location) else {
            throw DiagnosticError("the nested grammar has no start pattern", at: location)
        }
        let (defines, locations) = try RNGReader.combined(parts.defines)
        try RNGReader.checkReferences(references, defines: defines)
        references = outerReferences
        let scope = "\(URL(fileURLWithPath: file).lastPathComponent):\(node.line)/"
        for (name, pattern) in defines {
            nestedDefines[scope + name] = Self.renamed(pattern, scope: scope)
            nestedLocations[scope + name] = locations[name]
        }
        return Self.renamed(start, scope: scope)
    }

    /// `pattern` with the references of its own grammar moved into `scope`; references already in
    /// a scope (a `/` in the name, which no XML name holds) belong to grammars nested deeper.
    static func renamed(_ pattern: RNGPattern, scope: String) -> RNGPattern {
        func rename(_ pattern: RNGPattern) -> RNGPattern {
            switch pattern {
            case .element(let names, let content): .element(names, rename(content))
            case .attribute(let names, let value): .attribute(names, rename(value))
            case .group(let patterns): .group(patterns.map(rename))
            case .interleave(let patterns): .interleave(patterns.map(rename))
            case .choice(let patterns): .choice(patterns.map(rename))
            case .optional(let inner): .optional(rename(inner))
            case .zeroOrMore(let inner): .zeroOrMore(rename(inner))
            case .oneOrMore(let inner): .oneOrMore(rename(inner))
            case .mixed(let inner): .mixed(rename(inner))
            case .list(let inner): .list(rename(inner))
            // A byte search rules out the slash first: most names hold none, and the character
            // search breaks the name into graphemes.
            case .ref(let name):
                .ref(name.containsByte(UInt8(ascii: "/")) && name.contains("/" as Character) ? name : scope + name)
            case .parentRef(let name): .ref(name)
            case .data(let type, let parameters, let except): .data(type: type, parameters: parameters, except: except.map(rename))
            case .empty, .text, .notAllowed, .value: pattern
            }
        }
        return rename(pattern)
    }

    /// A name-class element (`name`, `anyName`, `nsName`, `choice`).
    func nameClass(_ node: XMLNode, file: String, ns: String) throws -> RNGNameClass {
        let location = SourceLocation(file: file, line: node.line)
        func except() throws -> RNGNameClass? {
            guard let except = node.child(named: "except") else { return nil }
            let classes = try except.children.filter { !Self.isAnnotation($0) }.map { try nameClass($0, file: file, ns: ns) }
            return classes.count == 1 ? classes[0] : .choice(classes)
        }
        switch node.name {
        case "name": return .name(node.text.trimmingWhitespaceAndNewlines, namespace: node.attributes["ns"] ?? ns)
        case "anyName": return .anyName(except: try except())
        case "nsName": return .nsName(namespace: node.attributes["ns"] ?? ns, except: try except())
        case "choice":
            return .choice(try node.children.filter { !Self.isAnnotation($0) }.map { try nameClass($0, file: file, ns: ns) })
        default: throw DiagnosticError("<\(node.name)> is not a RELAX NG name class", at: location)
        }
    }

    /// Whether an element is an annotation (a prefixed name such as `a:documentation`), which the
    /// grammar ignores. A byte search rules out the colon first: the character search breaks
    /// every element's name into graphemes.
    static func isAnnotation(_ node: XMLNode) -> Bool {
        node.name.containsByte(UInt8(ascii: ":")) && node.name.contains(":" as Character)
    }
}
