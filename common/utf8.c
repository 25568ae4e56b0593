/* utf8.c - incremental UTF-8 decoding and the single character-width function
 * (utf8proc) every part of tmx uses. */
#include "utf8.h"

#include <stdbool.h>

#include <utf8proc.h>

int utf8_width(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
        return 0;
    if (cp < 0x7f)
        return 1;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 1;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_CN: /* unassigned: one cell */
    case UTF8PROC_CATEGORY_CO: /* private use: one cell */
        return 1;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
        return 0;
    default:
        break;
    }
    int w = utf8proc_charwidth((utf8proc_int32_t)cp);
    if (w < 0)
        return 1;
    return w > 2 ? 2 : w;
}

int utf8_encode(uint32_t cp, char *out)
{
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        cp = 0xfffd;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Whether 'byte' may follow the lead byte whose partial value is in d as the
 * first continuation byte; rejects overlongs and surrogates as early as possible,
 * so a broken sequence is replaced by U+FFFD without swallowing what follows. */
static bool first_continuation_ok(const struct utf8_decoder *d, uint8_t byte)
{
    if (d->min == 0x800 && d->cp == 0x0)
        return byte >= 0xa0;            /* E0: no overlong 3-byte forms */
    if (d->min == 0x800 && d->cp == 0xd)
        return byte <= 0x9f;            /* ED: no surrogates */
    if (d->min == 0x10000 && d->cp == 0x0)
        return byte >= 0x90;            /* F0: no overlong 4-byte forms */
    if (d->min == 0x10000 && d->cp == 0x4)
        return byte <= 0x8f;            /* F4: nothing above U+10FFFF */
    return true;
}

/* Start a new sequence with lead byte 'byte'. */
static int32_t decode_lead(struct utf8_decoder *d, uint8_t byte)
{
    if (byte < 0x80)
        return byte;
    if (byte >= 0xc2 && byte <= 0xdf) {
        d->cp = byte & 0x1f;
        d->need = 1;
        d->min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
        d->cp = byte & 0x0f;
        d->need = 2;
        d->min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
        d->cp = byte & 0x07;
        d->need = 3;
        d->min = 0x10000;
    } else {
        return UTF8_INVALID; /* stray continuation, C0/C1 overlong lead, F5-FF */
    }
    return UTF8_MORE;
}

int32_t utf8_decode_byte(struct utf8_decoder *d, uint8_t byte, int *reprocess)
{
    if (reprocess != NULL)
        *reprocess = 0;
    if (d->need == 0)
        return decode_lead(d, byte);

    bool first = (d->min == 0x80 && d->need == 1) || (d->min == 0x800 && d->need == 2) ||
                 (d->min == 0x10000 && d->need == 3);
    if ((byte & 0xc0) != 0x80 || (first && !first_continuation_ok(d, byte))) {
        /* Broken: the byte begins something new, the caller feeds it again. */
        d->need = 0;
        d->cp = 0;
        if (reprocess != NULL)
            *reprocess = 1;
        return UTF8_INVALID;
    }
    d->cp = (d->cp << 6) | (byte & 0x3f);
    if (--d->need > 0)
        return UTF8_MORE;
    uint32_t cp = d->cp;
    d->cp = 0;
    if (cp < d->min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return UTF8_INVALID;
    return (int32_t)cp;
}
