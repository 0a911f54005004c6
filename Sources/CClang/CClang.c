// CClang declares types only (see include/CClang.h); SwiftPM needs one source file per C target.
