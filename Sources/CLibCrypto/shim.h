// OpenSSL's libcrypto: SHA-256 through the EVP digest API. Debian: libssl-dev.
#include <openssl/evp.h>
