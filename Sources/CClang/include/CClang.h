// The part of libclang's C API (clang-c/Index.h, stable since LLVM 3.x; Apache-2.0 WITH LLVM-exception)
// the header frontend uses, declared here so that the generator builds without libclang's headers and
// loads libclang at run time (LibvirtGenClang's ClangLibrary resolves these functions with dlsym).
// Only layouts and signatures are declared; nothing here links libclang.
#ifndef CCLANG_H
#define CCLANG_H

/// A string libclang owns; read with clang_getCString, release with clang_disposeString.
typedef struct {
    const void *data;
    unsigned private_flags;
} CXString;

/// An index: a set of translation units.
typedef void *CXIndex;
/// A parsed translation unit.
typedef struct CXTranslationUnitImpl *CXTranslationUnit;
/// The context pointer passed through to a visitor.
typedef void *CXClientData;
/// A file of a translation unit.
typedef void *CXFile;
/// A diagnostic of a translation unit.
typedef void *CXDiagnostic;

/// A node of the syntax tree (declaration, macro definition, ...).
typedef struct {
    int kind;
    int xdata;
    const void *data[3];
} CXCursor;

/// A position in a file.
typedef struct {
    const void *ptr_data[2];
    unsigned int_data;
} CXSourceLocation;

/// A range of source text.
typedef struct {
    const void *ptr_data[2];
    unsigned begin_int_data;
    unsigned end_int_data;
} CXSourceRange;

/// A file given to the parser from memory.
struct CXUnsavedFile {
    const char *Filename;
    const char *Contents;
    unsigned long Length;
};

/// The callback of clang_visitChildren: returns 0 (break), 1 (continue) or 2 (recurse).
typedef int (*CXCursorVisitor)(CXCursor cursor, CXCursor parent, CXClientData client_data);

/// clang_createIndex
typedef CXIndex (*CXCreateIndex)(int excludeDeclarationsFromPCH, int displayDiagnostics);
/// clang_disposeIndex
typedef void (*CXDisposeIndex)(CXIndex index);
/// clang_parseTranslationUnit
typedef CXTranslationUnit (*CXParseTranslationUnit)(
    CXIndex index, const char *source_filename, const char *const *command_line_args, int num_command_line_args,
    struct CXUnsavedFile *unsaved_files, unsigned num_unsaved_files, unsigned options);
/// clang_disposeTranslationUnit
typedef void (*CXDisposeTranslationUnit)(CXTranslationUnit unit);
/// clang_getTranslationUnitCursor
typedef CXCursor (*CXGetTranslationUnitCursor)(CXTranslationUnit unit);
/// clang_visitChildren
typedef unsigned (*CXVisitChildren)(CXCursor parent, CXCursorVisitor visitor, CXClientData client_data);
/// clang_getCString
typedef const char *(*CXGetCString)(CXString string);
/// clang_disposeString
typedef void (*CXDisposeString)(CXString string);
/// clang_getCursorSpelling
typedef CXString (*CXGetCursorSpelling)(CXCursor cursor);
/// clang_getCursorExtent
typedef CXSourceRange (*CXGetCursorExtent)(CXCursor cursor);
/// clang_getCursorLocation
typedef CXSourceLocation (*CXGetCursorLocation)(CXCursor cursor);
/// clang_getRangeStart, clang_getRangeEnd
typedef CXSourceLocation (*CXGetRangeBoundary)(CXSourceRange range);
/// clang_getSpellingLocation
typedef void (*CXGetSpellingLocation)(
    CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset);
/// clang_getFileName
typedef CXString (*CXGetFileName)(CXFile file);
/// clang_getEnumConstantDeclValue
typedef long long (*CXGetEnumConstantDeclValue)(CXCursor cursor);
/// clang_getNumDiagnostics
typedef unsigned (*CXGetNumDiagnostics)(CXTranslationUnit unit);
/// clang_getDiagnostic
typedef CXDiagnostic (*CXGetDiagnostic)(CXTranslationUnit unit, unsigned index);
/// clang_getDiagnosticSeverity
typedef int (*CXGetDiagnosticSeverity)(CXDiagnostic diagnostic);
/// clang_getDiagnosticSpelling
typedef CXString (*CXGetDiagnosticSpelling)(CXDiagnostic diagnostic);
/// clang_getDiagnosticLocation
typedef CXSourceLocation (*CXGetDiagnosticLocation)(CXDiagnostic diagnostic);
/// clang_disposeDiagnostic
typedef void (*CXDisposeDiagnostic)(CXDiagnostic diagnostic);

#endif
