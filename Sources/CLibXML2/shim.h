// libxml2's parser and SAX2 headers, for the CLibXML2 module.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so its encoding header would bring in the system's ICU headers,
// whose declarations clash with the copy of ICU the Swift toolchain's Foundation carries. The reader
// uses no encoding handler, so the headers are read as if libxml2 had no ICU; no structure the
// reader touches depends on it (only the encoding handler's does).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
