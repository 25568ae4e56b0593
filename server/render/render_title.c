/* render_title.c - cleaning a title for the terminal: programs in panes set any bytes
 * they like as their title (OSC 0/2), and the title reaches the user's terminal inside
 * an OSC string, where a control character or a cut UTF-8 sequence could end it early
 * or start something else. */
#include "render_title.h"

#include <stdint.h>
#include <string.h>

void render_title_clean(const char *title, bool utf8, char *out)
{
    const unsigned char *p = (const unsigned char *)title;
    size_t len = 0;
    while (*p != '\0') {
        uint32_t cp;
        int n;
        if (p[0] < 0x80) {
            cp = p[0];
            n = 1;
        } else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
            cp = p[0] & 0x1fu;
            n = 2;
        } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
            cp = p[0] & 0x0fu;
            n = 3;
        } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
            cp = p[0] & 0x07u;
            n = 4;
        } else {
            p++; /* a stray continuation byte or an impossible lead byte */
            continue;
        }
        int i = 1;
        for (; i < n && (p[i] & 0xc0) == 0x80; i++)
            cp = cp << 6 | (p[i] & 0x3fu);
        if (i < n) {
            p += i; /* truncated: drop what there is, the next byte starts afresh */
            continue;
        }
        static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
        bool valid = cp >= min[n] && cp <= 0x10ffff && !(cp >= 0xd800 && cp < 0xe000);
        bool control = cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
        if (valid && !control) {
            const char *bytes = (const char *)p;
            size_t blen = (size_t)n;
            if (!utf8 && n > 1) {
                bytes = "?";
                blen = 1;
            }
            if (len + blen > RENDER_TITLE_MAX)
                break;
            memcpy(out + len, bytes, blen);
            len += blen;
        }
        p += n;
    }
    out[len] = '\0';
}
