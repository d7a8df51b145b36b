#ifndef NETRA_CFREETYPE_SHIM_H
#define NETRA_CFREETYPE_SHIM_H
// FreeType itself, for measuring and rendering text the way libgd does without a new size
// per call (NetraRender/GD/FastPaths/FreeTypeMeasure.swift, FreeTypeMasks.swift).
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SIZES_H
#include FT_GLYPH_H
#endif
