#ifndef NETRA_CHPDF_SHIM_H
#define NETRA_CHPDF_SHIM_H
// libharu (Debian's libhpdf-dev), which writes the briefing's PDF; it ships no pkg-config file.
#include <hpdf.h>
#endif
