/* report.c - what the terminal answers when a program asks: device attributes (DA1,
 * DA2, DA3, XTVERSION), status and cursor position (DSR, DECXCPR), modes (DECRQM), the
 * window's size (XTWINOPS), a rectangle's checksum (DECRQCRA), colours (OSC 4, 10, 11,
 * 12), settings (DECRQSS) and terminfo capabilities (XTGETTCAP). Each reply is written
 * as xterm writes it and handed to the owner through screen_reply. Which sequence asks
 * is dispatch.c's business. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"

static void reply_printf(struct screen *s, const char *fmt, int a, int b)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, fmt, a, b);
    if (n > 0 && (size_t)n < sizeof buf)
        screen_reply(s, buf, (size_t)n);
}

static void reply_fmt(struct screen *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void reply_fmt(struct screen *s, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n < sizeof buf)
        screen_reply(s, buf, (size_t)n);
}

/* ---- device attributes ---- */

void report_da1(struct screen *s)
{
    screen_reply(s, "\033[?1;2c", 7);
}

void report_da2(struct screen *s)
{
    screen_reply(s, "\033[>84;0;0c", 10);
}

/* DA3: the unit ID, as xterm (zeros). */
void report_da3(struct screen *s)
{
    screen_reply(s, "\033P!|00000000\033\\", 14);
}

/* XTVERSION: name and version. */
void report_xtversion(struct screen *s)
{
    reply_fmt(s, "\033P>|tmx 0.1\033\\");
}

/* ---- state: cursor, modes, size, checksum ---- */

/* DSR 5 (status) and 6 (cursor position, relative to the margins' top-left in
 * origin mode). */
void report_status(struct screen *s, int which, bool private)
{
    int row = s->cy + 1, col = s->cx + 1;
    if (s->modes & VT_MODE_ORIGIN) {
        row -= s->top;
        col -= s->left;
    }
    switch (which) {
    case 5:
        if (!private)
            screen_reply(s, "\033[0n", 4);
        break;
    case 6:
        reply_printf(s, private ? "\033[?%d;%dR" : "\033[%d;%dR", row, col);
        break;
    default:
        break;
    }
}

/* DECRQM for DEC private modes: reply 1 set, 2 reset, 0 unknown. */
void report_private_mode(struct screen *s, int mode)
{
    static const struct { int mode; uint32_t bit; } known[] = {
        { 1, VT_MODE_CURSOR_KEYS }, { 5, VT_MODE_REVERSE_VIDEO }, { 6, VT_MODE_ORIGIN },
        { 7, VT_MODE_WRAP }, { 9, VT_MODE_MOUSE_X10 }, { 25, VT_MODE_CURSOR_VISIBLE },
        { 45, VT_MODE_REVERSE_WRAP }, { 47, VT_MODE_ALT_SCREEN }, { 66, VT_MODE_KEYPAD },
        { 69, VT_MODE_LR_MARGINS },
        { 1047, VT_MODE_ALT_SCREEN }, { 1049, VT_MODE_ALT_SCREEN },
        { 1000, VT_MODE_MOUSE }, { 1002, VT_MODE_MOUSE_BUTTON },
        { 1003, VT_MODE_MOUSE_ANY }, { 1004, VT_MODE_FOCUS },
        { 1005, VT_MODE_MOUSE_UTF8 }, { 1006, VT_MODE_MOUSE_SGR },
        { 1015, VT_MODE_MOUSE_URXVT },
        { 2004, VT_MODE_BRACKETED_PASTE }, { 2026, VT_MODE_SYNC },
    };
    int state = 0;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (known[i].mode != mode)
            continue;
        state = (s->modes & known[i].bit) ? 1 : 2;
        if (mode == 1000 && (s->modes & (VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY |
                                         VT_MODE_MOUSE_X10)))
            state = 2;
    }
    reply_printf(s, "\033[?%d;%d$y", mode, state);
}

/* DECRQM for ANSI modes: IRM, LNM, and KAM (never locked). */
void report_ansi_mode(struct screen *s, int mode)
{
    int state = 0;
    if (mode == 4)
        state = (s->modes & VT_MODE_INSERT) ? 1 : 2;
    else if (mode == 20)
        state = (s->modes & VT_MODE_LNM) ? 1 : 2;
    else if (mode == 2)
        state = 4; /* KAM: the keyboard is never locked */
    reply_printf(s, "\033[%d;%d$y", mode, state);
}

/* XTWINOPS size reports, with a nominal 8x16 pixel cell. */
#define CELL_WIDTH_PX 8
#define CELL_HEIGHT_PX 16

void report_window_size(struct screen *s, int op)
{
    switch (op) {
    case 14: /* text area in pixels: height; width */
        reply_fmt(s, "\033[4;%d;%dt", s->rows * CELL_HEIGHT_PX, s->cols * CELL_WIDTH_PX);
        break;
    case 16: /* cell size in pixels */
        reply_fmt(s, "\033[6;%d;%dt", CELL_HEIGHT_PX, CELL_WIDTH_PX);
        break;
    case 18: /* text area in characters: rows; columns */
        reply_fmt(s, "\033[8;%d;%dt", s->rows, s->cols);
        break;
    case 19: /* screen in characters */
        reply_fmt(s, "\033[9;%d;%dt", s->rows, s->cols);
        break;
    default:
        break;
    }
}

/* DECRQCRA: DCS Pid ! ~ XXXX ST. */
void report_checksum(struct screen *s, int id, unsigned sum)
{
    reply_fmt(s, "\033P%d!~%04X\033\\", id, sum);
}

/* ---- OSC colour queries ---- */

/* The colours reported to OSC 4 / 10 / 11 / 12 queries: xterm's default palette, a
 * white foreground (and cursor) on a black background. Setting colours is ignored. */
#define DEFAULT_FG 0xffffffu
#define DEFAULT_BG 0x000000u

static uint32_t palette_rgb(int n)
{
    static const uint32_t base[16] = {
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    };
    static const uint8_t level[6] = { 0, 95, 135, 175, 215, 255 };
    if (n < 16)
        return base[n];
    if (n < 232) {
        n -= 16;
        return (uint32_t)level[n / 36] << 16 | (uint32_t)level[n / 6 % 6] << 8 | level[n % 6];
    }
    uint32_t g = (uint32_t)(8 + 10 * (n - 232));
    return g << 16 | g << 8 | g;
}

/* Reply OSC prefix rgb:RRRR/GGGG/BBBB, ending as the query did. */
static void reply_colour(struct screen *s, const char *prefix, uint32_t rgb, bool bel)
{
    unsigned r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
    reply_fmt(s, "\033]%srgb:%02x%02x/%02x%02x/%02x%02x%s", prefix, r, r, g, g, b, b,
              bel ? "\007" : "\033\\");
}

static int field_number(const uint8_t *f, size_t n)
{
    int v = 0;
    if (n == 0 || n > 4)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (f[i] < '0' || f[i] > '9')
            return -1;
        v = v * 10 + (f[i] - '0');
    }
    return v;
}

/* OSC 4 ; n ; spec [; n ; spec ...]: answer the "?" specs. */
void report_osc_palette(struct screen *s, const uint8_t *p, const uint8_t *end, bool bel)
{
    const uint8_t *f, *spec;
    size_t n, nspec;
    while (parser_next_field(&p, end, &f, &n) && parser_next_field(&p, end, &spec, &nspec)) {
        int idx = field_number(f, n);
        if (idx >= 0 && idx <= 255 && nspec == 1 && spec[0] == '?') {
            char prefix[16];
            snprintf(prefix, sizeof prefix, "4;%d;", idx);
            reply_colour(s, prefix, palette_rgb(idx), bel);
        }
    }
}

/* OSC 10/11/12 ; spec [; spec ...]: each spec is for the next colour. */
void report_osc_colours(struct screen *s, int cmd, const uint8_t *p, const uint8_t *end,
                        bool bel)
{
    const uint8_t *f;
    size_t n;
    for (; cmd <= 19 && parser_next_field(&p, end, &f, &n); cmd++) {
        if (n != 1 || f[0] != '?')
            continue;
        char prefix[16];
        snprintf(prefix, sizeof prefix, "%d;", cmd);
        if (cmd == 10 || cmd == 12)
            reply_colour(s, prefix, DEFAULT_FG, bel);
        else if (cmd == 11)
            reply_colour(s, prefix, DEFAULT_BG, bel);
    }
}

/* ---- DCS: settings and capabilities ---- */

/* The current pen as SGR parameters (for DECRQSS). */
static void pen_sgr(const struct grid_pen *pen, char *buf, size_t size)
{
    size_t n = 0;
#define ADD(...)                                                            \
    do {                                                                    \
        int k_ = snprintf(buf + n, size - n, __VA_ARGS__);                  \
        if (k_ > 0 && (size_t)k_ < size - n)                                \
            n += (size_t)k_;                                                \
    } while (0)
    ADD("0");
    static const struct { uint16_t bit; int code; } attrs[] = {
        { ATTR_BOLD, 1 }, { ATTR_DIM, 2 }, { ATTR_ITALIC, 3 }, { ATTR_BLINK, 5 },
        { ATTR_REVERSE, 7 }, { ATTR_HIDDEN, 8 }, { ATTR_STRIKE, 9 }, { ATTR_OVERLINE, 53 },
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        if (pen->attr & attrs[i].bit)
            ADD(";%d", attrs[i].code);
    }
    if (pen->attr & ATTR_UNDERLINE) {
        int style = ATTR_UNDERLINE_STYLE(pen->attr);
        if (style >= 2)
            ADD(";4:%d", style);
        else
            ADD(";4");
    }
    const uint32_t colours[3] = { pen->fg, pen->bg, pen->ul };
    for (int i = 0; i < 3; i++) {
        uint32_t c = colours[i], v = COLOUR_VALUE(c);
        int base = i == 0 ? 30 : i == 1 ? 40 : 50;
        if (COLOUR_KIND(c) == COLOUR_PALETTE && v < 8 && i < 2)
            ADD(";%u", base + v);
        else if (COLOUR_KIND(c) == COLOUR_PALETTE && v < 16 && i < 2)
            ADD(";%u", base + 60 + v - 8);
        else if (COLOUR_KIND(c) == COLOUR_PALETTE)
            ADD(";%d:5:%u", base + 8, v);
        else if (COLOUR_KIND(c) == COLOUR_RGB)
            ADD(";%d:2::%u:%u:%u", base + 8, v >> 16, v >> 8 & 0xff, v & 0xff);
    }
#undef ADD
}

/* DECRQSS: DCS $ q Pt ST -> DCS 1 $ r setting ST, or DCS 0 $ r ST if unknown. */
void report_decrqss(struct screen *s, const uint8_t *str, size_t len)
{
    char buf[256];
    if (len == 1 && str[0] == 'm') {
        pen_sgr(&s->pen, buf, sizeof buf);
        reply_fmt(s, "\033P1$r%sm\033\\", buf);
    } else if (len == 1 && str[0] == 'r') {
        reply_fmt(s, "\033P1$r%d;%dr\033\\", s->top + 1, s->bottom + 1);
    } else if (len == 1 && str[0] == 's') {
        reply_fmt(s, "\033P1$r%d;%ds\033\\", s->left + 1, s->right + 1);
    } else if (len == 2 && str[0] == ' ' && str[1] == 'q') {
        reply_fmt(s, "\033P1$r%d q\033\\", s->cursor_style);
    } else if (len == 2 && str[0] == '"' && str[1] == 'q') {
        reply_fmt(s, "\033P1$r%d\"q\033\\", (s->pen.attr & ATTR_PROTECTED) ? 1 : 0);
    } else {
        reply_fmt(s, "\033P0$r\033\\");
    }
}

/* XTGETTCAP: DCS + q name;name ST. tmx answers none: each name is reported
 * unknown (DCS 0 + r name ST), so programs stop waiting. */
void report_xtgettcap(struct screen *s, const uint8_t *str, size_t len)
{
    const uint8_t *p = str, *end = str + len, *f;
    size_t n;
    while (parser_next_field(&p, end, &f, &n)) {
        if (n == 0 || n > 64)
            continue;
        char name[65];
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (!strchr("0123456789abcdefABCDEF", f[i]) || f[i] == '\0')
                return;
            name[k++] = (char)f[i];
        }
        name[k] = '\0';
        reply_fmt(s, "\033P0+r%s\033\\", name);
    }
}
