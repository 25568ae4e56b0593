/* base64.h - RFC 4648 base64 (standard alphabet, '=' padding), for OSC 52 clipboard
 * strings: the data a user copies goes to the terminal encoded, and what a program
 * sets comes back encoded. */
#ifndef TMX_BASE64_H
#define TMX_BASE64_H

#include <stddef.h>

/* Length of the encoding of n bytes (without a NUL). */
size_t base64_encoded_size(size_t n);
/* Encode n bytes of in into out (base64_encoded_size(n) + 1 bytes, NUL-terminated);
 * returns the length. */
size_t base64_encode(const void *in, size_t n, char *out);
/* Decode a NUL-terminated string into out (at least strlen(in) / 4 * 3 + 3 bytes);
 * whitespace is skipped, decoding stops at '=' or the end. Returns the number of bytes
 * written, or -1 if a character outside the alphabet is found. */
long base64_decode(const char *in, unsigned char *out);

#endif
