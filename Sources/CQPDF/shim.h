// libqpdf's C API: reads the PDF cairo writes and rewrites it with what cairo 1.16 cannot
// write (document language, viewer preferences, XMP metadata, figure alternative text),
// which also rebuilds the cross-reference table. Debian: libqpdf-dev.
#include <qpdf/qpdf-c.h>
