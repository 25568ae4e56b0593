/* utf8.h - UTF-8 decoding and the one character-width function tmx uses (utf8proc). */
#ifndef TMX_UTF8_H
#define TMX_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Display width of a code point: 0 (combining / zero width), 1 or 2. Control and
 * unassigned characters give 1 (shown as one cell) except controls, which give 0. */
int utf8_width(uint32_t cp);

/* Encode cp as UTF-8 into out (at least 4 bytes); returns the number of bytes. */
int utf8_encode(uint32_t cp, char *out);

/* Incremental decoder: feed bytes one at a time. */
struct utf8_decoder {
    uint32_t cp;
    uint32_t min;   /* smallest valid value for this length (rejects overlong) */
    int need;       /* continuation bytes still expected */
};
enum { UTF8_MORE = -1, UTF8_INVALID = -2 };
/* Returns the code point when one is complete, UTF8_MORE while incomplete, or
 * UTF8_INVALID when the sequence is broken: the caller shows U+FFFD and, if
 * *reprocess is set, feeds the same byte again (it starts a new sequence). */
int32_t utf8_decode_byte(struct utf8_decoder *d, uint8_t byte, int *reprocess);

#endif
