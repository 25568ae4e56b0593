/* palette.c - the program's and the owner's colours, and xterm's colour specifications
 * (palette.h). */
#include "palette.h"

#include <stdlib.h>
#include <string.h>

void palette_init(struct palette *p)
{
    memset(p, 0, sizeof *p);
}

uint32_t palette_default(int i)
{
    static const uint32_t base[16] = {
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    };
    static const uint8_t level[6] = { 0, 95, 135, 175, 215, 255 };
    if (i < 0 || i >= PALETTE_SIZE)
        return 0;
    if (i < 16)
        return base[i];
    if (i < 232) {
        int n = i - 16;
        return (uint32_t)level[n / 36] << 16 | (uint32_t)level[n / 6 % 6] << 8 | level[n % 6];
    }
    if (i < 256) {
        uint32_t g = (uint32_t)(8 + 10 * (i - 232));
        return g << 16 | g << 8 | g;
    }
    /* Dynamic colours: the ones that are "background" in xterm's resources (pointer
     * background 14, Tektronix background 16, highlight text 19) are black, the rest
     * (foreground, cursor, pointer, highlight, Tektronix cursor) white. */
    switch (i) {
    case PALETTE_DYNAMIC + 1:
    case PALETTE_DYNAMIC + 4:
    case PALETTE_DYNAMIC + 6:
    case PALETTE_DYNAMIC + 9:
        return 0x000000;
    default:
        return 0xffffff;
    }
}

uint32_t palette_get(const struct palette *p, int i)
{
    if (i < 0 || i >= PALETTE_SIZE)
        return 0;
    if (p != NULL && p->program[i] != 0)
        return COLOUR_VALUE(p->program[i]);
    if (p != NULL && p->owner[i] != 0)
        return COLOUR_VALUE(p->owner[i]);
    /* The cursor and the special colours, unset, follow the foreground (xterm's
     * cursorColor, colorBD... default to the foreground). */
    if (i == PALETTE_CURSOR || i >= PALETTE_SPECIAL)
        return palette_get(p, PALETTE_FG);
    return palette_default(i);
}

static void remap(struct palette *p)
{
    p->mapped = false;
    for (int i = 0; i < PALETTE_INDEXED; i++) {
        p->map[i] = p->program[i] != 0 ? p->program[i] : p->owner[i];
        if (p->map[i] != 0)
            p->mapped = true;
    }
}

void palette_set(struct palette *p, int i, int32_t rgb, bool owner)
{
    if (i < 0 || i >= PALETTE_SIZE)
        return;
    uint32_t v = rgb < 0 ? 0 : (COLOUR_RGB | ((uint32_t)rgb & 0xffffffu));
    uint32_t *slot = &(owner ? p->owner : p->program)[i];
    if (*slot != v)
        p->generation++;
    *slot = v;
    if (i < PALETTE_INDEXED)
        remap(p);
}

void palette_reset_program(struct palette *p, bool dynamic)
{
    memset(p->program, 0, (dynamic ? PALETTE_SIZE : PALETTE_INDEXED) * sizeof p->program[0]);
    p->generation++;
    remap(p);
}

static int hexdigit(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* n (1-4) hex digits at s as a 16-bit value scaled as X scales them (rgb:), or -1. */
static int scaled_hex(const uint8_t *s, size_t n)
{
    if (n < 1 || n > 4)
        return -1;
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = hexdigit(s[i]);
        if (d < 0)
            return -1;
        v = v << 4 | (unsigned)d;
    }
    unsigned max = (1u << (4 * n)) - 1;
    return (int)((v * 65535u + max / 2) / max);
}

/* "0.5", "1", ".25": a number 0.0-1.0 as 0-65535, or -1. */
static int unit_float(const uint8_t *s, size_t n)
{
    char buf[32];
    if (n == 0 || n >= sizeof buf)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
            return -1;
        buf[i] = (char)s[i];
    }
    buf[n] = '\0';
    char *end;
    double d = strtod(buf, &end);
    if (*end != '\0' || d < 0.0 || d > 1.0)
        return -1;
    return (int)(d * 65535.0 + 0.5);
}

/* Split "a/b/c" into three fields and convert each with conv; returns 0xRRGGBB. */
static int32_t three_fields(const uint8_t *s, size_t len, int (*conv)(const uint8_t *, size_t))
{
    int v[3];
    size_t start = 0;
    for (int k = 0; k < 3; k++) {
        size_t end = start;
        while (end < len && s[end] != '/')
            end++;
        if ((k < 2) != (end < len))
            return -1;
        v[k] = conv(s + start, end - start);
        if (v[k] < 0)
            return -1;
        start = end + 1;
    }
    return (int32_t)((unsigned)(v[0] >> 8) << 16 | (unsigned)(v[1] >> 8) << 8 |
                     (unsigned)(v[2] >> 8));
}

static int cmp_name(const void *key, const void *elem)
{
    return strcmp(key, ((const struct palette_name *)elem)->name);
}

int32_t palette_parse(const uint8_t *spec, size_t len)
{
    if (len > 5 && memcmp(spec, "rgbi:", 5) == 0)
        return three_fields(spec + 5, len - 5, unit_float);
    if (len > 4 && memcmp(spec, "rgb:", 4) == 0)
        return three_fields(spec + 4, len - 4, scaled_hex);
    if (len > 1 && spec[0] == '#') {
        size_t n = len - 1;
        if (n % 3 != 0 || n > 12)
            return -1;
        size_t w = n / 3;
        unsigned v[3];
        for (int k = 0; k < 3; k++) {
            v[k] = 0;
            for (size_t i = 0; i < w; i++) {
                int d = hexdigit(spec[1 + (size_t)k * w + i]);
                if (d < 0)
                    return -1;
                v[k] = v[k] << 4 | (unsigned)d;
            }
            /* The digits are the high bits of a 16-bit value. */
            v[k] <<= 4 * (4 - w);
        }
        return (int32_t)((v[0] >> 8) << 16 | (v[1] >> 8) << 8 | (v[2] >> 8));
    }
    char name[32];
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = spec[i];
        if (c == ' ')
            continue;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ||
            k + 1 >= sizeof name)
            return -1;
        name[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (k == 0)
        return -1;
    name[k] = '\0';
    const struct palette_name *found =
        bsearch(name, palette_names, palette_names_count, sizeof palette_names[0], cmp_name);
    return found != NULL ? (int32_t)found->rgb : -1;
}
