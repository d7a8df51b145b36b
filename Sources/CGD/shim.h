#ifndef NETRA_CGD_SHIM_H
#define NETRA_CGD_SHIM_H
#include <gd.h>
// libgd's function-like macros do not import into Swift.
static inline int netra_gdTrueColorAlpha(int r, int g, int b, int a) { return gdTrueColorAlpha(r, g, b, a); }
#endif
