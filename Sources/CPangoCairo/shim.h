// Pango text layout on cairo, and cairo's PDF surface.
// Debian: libpango1.0-dev, libcairo2-dev.
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>
