import CClang
import Foundation
import LibvirtGenModel

/// libclang, loaded at run time with `dlopen`: the only code in the generator that calls it.
///
/// The generator declares the few libclang types and functions it needs itself (`CClang`), so it
/// builds without libclang's headers, and users who only read the API XML never need libclang.
/// Parsing yields plain ``ClangNode`` values; nothing outside this file sees a libclang type.
/// The library stays loaded once opened (unloading LLVM from a running process is not safe).
final class ClangLibrary {

    /// The names tried in order: the unversioned development link, then the runtime sonames of
    /// Debian's and upstream's packages.
    static let candidates = ["libclang.so", "libclang.so.1"] + (14...20).map { "libclang-\($0).so.1" } + ["libclang.dylib"]

    private let createIndex: CXCreateIndex
    private let disposeIndex: CXDisposeIndex
    private let parseTranslationUnit: CXParseTranslationUnit
    private let disposeTranslationUnit: CXDisposeTranslationUnit
    private let translationUnitCursor: CXGetTranslationUnitCursor
    private let visitChildren: CXVisitChildren
    private let cString: CXGetCString
    private let disposeString: CXDisposeString
    private let cursorSpelling: CXGetCursorSpelling
    private let cursorExtent: CXGetCursorExtent
    private let cursorLocation: CXGetCursorLocation
    private let rangeStart: CXGetRangeBoundary
    private let rangeEnd: CXGetRangeBoundary
    private let spellingLocation: CXGetSpellingLocation
    private let fileName: CXGetFileName
    private let enumConstantValue: CXGetEnumConstantDeclValue
    private let diagnosticCount: CXGetNumDiagnostics
    private let diagnostic: CXGetDiagnostic
    private let diagnosticSeverity: CXGetDiagnosticSeverity
    private let diagnosticSpelling: CXGetDiagnosticSpelling
    private let diagnosticLocation: CXGetDiagnosticLocation
    private let disposeDiagnostic: CXDisposeDiagnostic

    /// Loads the first of `candidates` that opens; throws a one-line ``DiagnosticError`` saying how to
    /// install libclang when none does.
    init(candidates: [String] = ClangLibrary.candidates) throws {
        guard let handle = candidates.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            throw DiagnosticError(
                "libclang not found (tried \(candidates.joined(separator: ", "))); reading C headers needs it: "
                    + "install libclang, e.g. apt-get install libclang1-14")
        }
        func symbol<Function>(_ name: String) throws -> Function {
            guard let address = dlsym(handle, name) else {
                throw DiagnosticError("the loaded libclang lacks \(name)")
            }
            return unsafeBitCast(address, to: Function.self)
        }
        createIndex = try symbol("clang_createIndex")
        disposeIndex = try symbol("clang_disposeIndex")
        parseTranslationUnit = try symbol("clang_parseTranslationUnit")
        disposeTranslationUnit = try symbol("clang_disposeTranslationUnit")
        translationUnitCursor = try symbol("clang_getTranslationUnitCursor")
        visitChildren = try symbol("clang_visitChildren")
        cString = try symbol("clang_getCString")
        disposeString = try symbol("clang_disposeString")
        cursorSpelling = try symbol("clang_getCursorSpelling")
        cursorExtent = try symbol("clang_getCursorExtent")
        cursorLocation = try symbol("clang_getCursorLocation")
        rangeStart = try symbol("clang_getRangeStart")
        rangeEnd = try symbol("clang_getRangeEnd")
        spellingLocation = try symbol("clang_getSpellingLocation")
        fileName = try symbol("clang_getFileName")
        enumConstantValue = try symbol("clang_getEnumConstantDeclValue")
        diagnosticCount = try symbol("clang_getNumDiagnostics")
        diagnostic = try symbol("clang_getDiagnostic")
        diagnosticSeverity = try symbol("clang_getDiagnosticSeverity")
        diagnosticSpelling = try symbol("clang_getDiagnosticSpelling")
        diagnosticLocation = try symbol("clang_getDiagnosticLocation")
        disposeDiagnostic = try symbol("clang_disposeDiagnostic")
    }

    /// Parses `source` (a file that exists only in memory, like the `unsavedFiles`) with the preprocessing
    /// record kept, and returns the top-level declarations and macro definitions `keep` accepts, with their
    /// children. Throws the first error clang reports, at its file and line.
    func parse(
        source: VirtualFile, unsavedFiles: [VirtualFile], arguments: [String], keep: (ClangNode) -> Bool
    ) throws -> [ClangNode] {
        guard let index = createIndex(0, 0) else { throw DiagnosticError("libclang could not create an index") }
        defer { disposeIndex(index) }
        let files = [source] + unsavedFiles
        let detailedPreprocessingRecord: UInt32 = 0x01, skipFunctionBodies: UInt32 = 0x40
        let unit = withCStrings(files.flatMap { [$0.path, $0.contents] } + arguments) { strings in
            var unsaved = files.indices.map { i in
                CXUnsavedFile(
                    Filename: strings[2 * i], Contents: strings[2 * i + 1],
                    Length: UInt(files[i].contents.utf8.count))
            }
            let argumentPointers: [UnsafePointer<CChar>?] = strings[(2 * files.count)...].map { UnsafePointer($0) }
            return parseTranslationUnit(
                index, strings[0], argumentPointers, Int32(argumentPointers.count), &unsaved, UInt32(unsaved.count),
                detailedPreprocessingRecord | skipFunctionBodies)
        }
        guard let unit else { throw DiagnosticError("libclang could not parse the headers", at: source.location) }
        defer { disposeTranslationUnit(unit) }
        try checkDiagnostics(of: unit)
        return children(of: translationUnitCursor(unit)).compactMap(node).filter(keep)
    }

    /// Throws the first error or fatal diagnostic, naming how many more there are.
    private func checkDiagnostics(of unit: CXTranslationUnit) throws {
        let errorSeverity: Int32 = 3
        var errors: [(message: String, location: SourceLocation)] = []
        for i in 0..<diagnosticCount(unit) {
            guard let item = diagnostic(unit, i) else { continue }
            defer { disposeDiagnostic(item) }
            guard diagnosticSeverity(item) >= errorSeverity else { continue }
            let place = position(diagnosticLocation(item))
            errors.append((string(diagnosticSpelling(item)), SourceLocation(file: place.file, line: place.line)))
        }
        guard let first = errors.first else { return }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more error\(errors.count > 2 ? "s" : ""))" : ""
        throw DiagnosticError(first.message + more, at: first.location)
    }

    /// The cursor as a node, with its children; nil for kinds the frontend does not read.
    private func node(_ cursor: CXCursor) -> ClangNode? {
        guard let kind = ClangNode.Kind(rawValue: cursor.kind) else { return nil }
        let extent = cursorExtent(cursor)
        let start = position(rangeStart(extent)), end = position(rangeEnd(extent))
        let name = position(cursorLocation(cursor))
        return ClangNode(
            kind: kind, name: string(cursorSpelling(cursor)), file: start.file, line: start.line,
            start: start.offset, end: end.offset, nameOffset: name.offset,
            value: kind == .enumConstant ? enumConstantValue(cursor) : nil,
            children: kind == .macro ? [] : children(of: cursor).compactMap(node))
    }

    /// The direct children of a cursor.
    private func children(of cursor: CXCursor) -> [CXCursor] {
        var result: [CXCursor] = []
        withUnsafeMutablePointer(to: &result) { pointer in
            _ = visitChildren(cursor, { child, _, data in
                data!.assumingMemoryBound(to: [CXCursor].self).pointee.append(child)
                return 1  // CXChildVisit_Continue
            }, pointer)
        }
        return result
    }

    /// File path, line and byte offset of a location.
    private func position(_ location: CXSourceLocation) -> (file: String, line: Int, offset: Int) {
        var file: CXFile?
        var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
        spellingLocation(location, &file, &line, &column, &offset)
        return (file.map { string(fileName($0)) } ?? "", Int(line), Int(offset))
    }

    /// Copies and releases a libclang string.
    private func string(_ value: CXString) -> String {
        defer { disposeString(value) }
        return cString(value).map { String(cString: $0) } ?? ""
    }
}

/// A file given to the parser from memory: the translation unit's own source and the stand-in system headers.
struct VirtualFile: Sendable {
    /// The path clang sees.
    var path: String
    /// The text.
    var contents: String

    /// The file, for diagnostics.
    var location: SourceLocation { SourceLocation(file: path, line: 0) }
}

/// Calls `body` with NUL-terminated copies of `strings`, valid only during the call.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>]) -> Result) -> Result {
    let copies = strings.map { strdup($0)! }
    defer { copies.forEach { free($0) } }
    return body(copies)
}
