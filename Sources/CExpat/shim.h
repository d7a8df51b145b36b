#ifndef NETRA_CEXPAT_SHIM_H
#define NETRA_CEXPAT_SHIM_H
// expat: the streaming XML parser that reads a workbook's parts (UTF-8 or UTF-16, well-formedness checked).
#include <expat.h>
#endif
