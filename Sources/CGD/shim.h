#ifndef NETRA_CGD_SHIM_H
#define NETRA_CGD_SHIM_H
#include <gd.h>
// zlib comes with libgd (libpng needs it): PNG chunks are deflated and checksummed with it.
#include <zlib.h>
// libgd's function-like macros do not import into Swift.
static inline int netra_gdTrueColorAlpha(int r, int g, int b, int a) { return gdTrueColorAlpha(r, g, b, a); }
static inline int netra_gdImageSX(gdImagePtr im) { return gdImageSX(im); }
static inline int netra_gdImageSY(gdImagePtr im) { return gdImageSY(im); }
static inline int netra_gdTrueColorGetRed(int c) { return gdTrueColorGetRed(c); }
static inline int netra_gdTrueColorGetGreen(int c) { return gdTrueColorGetGreen(c); }
static inline int netra_gdTrueColorGetBlue(int c) { return gdTrueColorGetBlue(c); }
static inline int netra_gdTrueColorGetAlpha(int c) { return gdTrueColorGetAlpha(c); }
#endif
