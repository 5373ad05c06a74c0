// libqrencode: QR code module grids. Debian: libqrencode-dev.
#include <qrencode.h>
