#ifndef NETRA_CZIP_SHIM_H
#define NETRA_CZIP_SHIM_H
// libzip: reads a workbook's archive from memory, checking every entry's bounds, sizes and CRC-32.
#include <zip.h>
#endif
