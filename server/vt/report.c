/* report.c - what the terminal answers when a program asks: device attributes (DA1,
 * DA2, DA3, XTVERSION), status and cursor position (DSR, DECXCPR), modes (DECRQM), the
 * window's size (XTWINOPS), a rectangle's checksum (DECRQCRA), colours (OSC 4, 10-19),
 * settings (DECRQSS) and terminfo capabilities (XTGETTCAP). Each reply is written
 * as xterm writes it and handed to the owner through screen_reply. Which sequence asks
 * is dispatch.c's business. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "version.h"

static void reply_fmt(struct screen *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One reply of at most SCREEN_TITLE_MAX + 64 bytes (a title report is the longest);
 * a longer one is not sent. */
static void reply_fmt(struct screen *s, const char *fmt, ...)
{
    char buf[SCREEN_TITLE_MAX + 64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n < sizeof buf)
        screen_reply(s, buf, (size_t)n);
}

/* ---- device attributes ---- */

/* DA1 as a VT420 (level 4, 64) with what tmx has of its extensions: 6 selective erase
 * (DECSCA, DECSED, DECSEL), 21 horizontal scrolling (SL, SR), 22 ANSI colour, 28
 * rectangular editing (DECFRA...). Not 1 (132 columns: a pane keeps its width). */
void report_da1(struct screen *s)
{
    reply_fmt(s, "\033[?64;6;21;22;28c");
}

/* DA2: tmux's own identity (84, 'T'), which programs (vim among them) read as "inside
 * tmux", version 0. */
void report_da2(struct screen *s)
{
    reply_fmt(s, "\033[>84;0;0c");
}

/* DA3: the unit ID, as xterm (zeros). */
void report_da3(struct screen *s)
{
    reply_fmt(s, "\033P!|00000000\033\\");
}

/* XTVERSION: name and version. */
void report_xtversion(struct screen *s)
{
    reply_fmt(s, "\033P>|tmx " TMX_VERSION "\033\\");
}

/* ---- state: cursor, modes, size, checksum ---- */

/* DSR 5 (status) and 6 (cursor position, relative to the margins' top-left in origin
 * mode); the DEC forms (private) as xterm answers them (ctlseqs, "DSR, DEC-specific"):
 * 6 the cursor (DECXCPR, no page), 15 no printer, 25 user-defined keys unlocked, 26 a
 * North American keyboard, ready, LK201, 53 / 55 no locator, 56 locator type unknown,
 * 62 no macro space, 63 the memory checksum (of no macros: 0) for request id 'arg', 75
 * data integrity fine, 85 not multi-session. */
void report_status(struct screen *s, int which, bool private, int arg)
{
    int row = s->cy + 1, col = s->cx + 1;
    if (s->modes & VT_MODE_ORIGIN) {
        row -= s->top;
        col -= s->left;
    }
    if (!private) {
        if (which == 5)
            reply_fmt(s, "\033[0n");
        else if (which == 6)
            reply_fmt(s, "\033[%d;%dR", row, col);
        return;
    }
    switch (which) {
    case 6:
        reply_fmt(s, "\033[?%d;%dR", row, col);
        break;
    case 15:
        reply_fmt(s, "\033[?13n");
        break;
    case 25:
        reply_fmt(s, "\033[?20n");
        break;
    case 26:
        reply_fmt(s, "\033[?27;1;0;0n");
        break;
    case 53:
    case 55:
        reply_fmt(s, "\033[?50n");
        break;
    case 56:
        reply_fmt(s, "\033[?57;0n");
        break;
    case 62:
        reply_fmt(s, "\033[0*{");
        break;
    case 63:
        reply_fmt(s, "\033P%d!~0000\033\\", arg);
        break;
    case 75:
        reply_fmt(s, "\033[?70n");
        break;
    case 85:
        reply_fmt(s, "\033[?83n");
        break;
    default:
        break;
    }
}

/* DECRPM's values. */
enum { RPM_UNKNOWN, RPM_SET, RPM_RESET, RPM_ALWAYS_SET, RPM_ALWAYS_RESET };

/* DECRQM for DEC private modes: 1 set, 2 reset for each mode tmx implements; 3 / 4 for
 * those it knows but that cannot change here; 0 for the rest. */
void report_private_mode(struct screen *s, int mode)
{
    static const struct { int mode; uint32_t bit; } known[] = {
        { 1, VT_MODE_CURSOR_KEYS }, { 3, VT_MODE_COLUMN_132 }, { 5, VT_MODE_REVERSE_VIDEO },
        { 6, VT_MODE_ORIGIN }, { 7, VT_MODE_WRAP }, { 9, VT_MODE_MOUSE_X10 },
        { 25, VT_MODE_CURSOR_VISIBLE }, { 45, VT_MODE_REVERSE_WRAP },
        { 47, VT_MODE_ALT_SCREEN }, { 66, VT_MODE_KEYPAD }, { 69, VT_MODE_LR_MARGINS },
        { 1047, VT_MODE_ALT_SCREEN }, { 1049, VT_MODE_ALT_SCREEN },
        { 1000, VT_MODE_MOUSE }, { 1002, VT_MODE_MOUSE_BUTTON },
        { 1003, VT_MODE_MOUSE_ANY }, { 1004, VT_MODE_FOCUS },
        { 1005, VT_MODE_MOUSE_UTF8 }, { 1006, VT_MODE_MOUSE_SGR },
        { 1015, VT_MODE_MOUSE_URXVT },
        { 2004, VT_MODE_BRACKETED_PASTE }, { 2026, VT_MODE_SYNC },
    };
    /* Fixed here: 2 DECANM (no VT52 mode), 8 DECARM (the outer terminal repeats keys)
     * always set; 4 DECSCLM (no smooth scroll), 18 DECPFF, 19 DECPEX (no printer), 38
     * (no Tektronix mode), 42 DECNRCM (no national sets), 67 DECBKM (backspace sends
     * DEL), 95 DECNCSM (DECCOLM always clears), 1001 (no highlight tracking), 2027
     * (characters are not joined into grapheme clusters) always reset. */
    static const struct { int mode, state; } fixed[] = {
        { 2, RPM_ALWAYS_SET }, { 8, RPM_ALWAYS_SET }, { 4, RPM_ALWAYS_RESET },
        { 18, RPM_ALWAYS_RESET }, { 19, RPM_ALWAYS_RESET }, { 38, RPM_ALWAYS_RESET },
        { 42, RPM_ALWAYS_RESET }, { 67, RPM_ALWAYS_RESET }, { 95, RPM_ALWAYS_RESET },
        { 1001, RPM_ALWAYS_RESET }, { 2027, RPM_ALWAYS_RESET },
    };
    int state = RPM_UNKNOWN;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (known[i].mode != mode)
            continue;
        state = (s->modes & known[i].bit) ? RPM_SET : RPM_RESET;
        if (mode == 1000 && (s->modes & (VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY |
                                         VT_MODE_MOUSE_X10)))
            state = RPM_RESET;
    }
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (fixed[i].mode == mode)
            state = fixed[i].state;
    }
    if (mode == 1048) /* set while a cursor is saved (as xterm) */
        state = s->saved[s->grid == s->alt].valid ? RPM_SET : RPM_RESET;
    reply_fmt(s, "\033[?%d;%d$y", mode, state);
}

/* DECRQM for ANSI modes: IRM (4) and LNM (20) as set; KAM (2) never locked, SRM (12)
 * always set (no local echo); the other modes of ECMA-48 that xterm lists are not
 * implemented by any terminal of the family: always reset. */
void report_ansi_mode(struct screen *s, int mode)
{
    int state = RPM_UNKNOWN;
    switch (mode) {
    case 4:
        state = (s->modes & VT_MODE_INSERT) ? RPM_SET : RPM_RESET;
        break;
    case 20:
        state = (s->modes & VT_MODE_LNM) ? RPM_SET : RPM_RESET;
        break;
    case 2:
        state = RPM_ALWAYS_RESET;
        break;
    case 12:
        state = RPM_ALWAYS_SET;
        break;
    case 1: case 5: case 7: case 10: case 11: case 13: case 14: case 15: case 16:
    case 17: case 18: case 19:
        state = RPM_ALWAYS_RESET;
        break;
    default:
        break;
    }
    reply_fmt(s, "\033[%d;%d$y", mode, state);
}

/* XTWINOPS reports, with a nominal 8x16 pixel cell and the window at the screen's
 * top-left corner: 11 state (never iconified), 13 position, 14 size in pixels (14 ; 2
 * the window: the same), 15 the screen in pixels, 16 the cell, 18 / 19 sizes in
 * characters. 20 / 21 (the icon label, the title) only when the owner allows them
 * (vt_set_title_reports), as OSC L label ST / OSC l title ST. */
#define CELL_WIDTH_PX 8
#define CELL_HEIGHT_PX 16

void report_window(struct screen *s, int op)
{
    switch (op) {
    case 11:
        reply_fmt(s, "\033[1t");
        break;
    case 13:
        reply_fmt(s, "\033[3;0;0t");
        break;
    case 14:
        reply_fmt(s, "\033[4;%d;%dt", s->rows * CELL_HEIGHT_PX, s->cols * CELL_WIDTH_PX);
        break;
    case 15:
        reply_fmt(s, "\033[5;%d;%dt", s->rows * CELL_HEIGHT_PX, s->cols * CELL_WIDTH_PX);
        break;
    case 16:
        reply_fmt(s, "\033[6;%d;%dt", CELL_HEIGHT_PX, CELL_WIDTH_PX);
        break;
    case 18:
        reply_fmt(s, "\033[8;%d;%dt", s->rows, s->cols);
        break;
    case 19:
        reply_fmt(s, "\033[9;%d;%dt", s->rows, s->cols);
        break;
    case 20:
    case 21:
        if (s->title_reports)
            reply_fmt(s, "\033]%c%s\033\\", op == 20 ? 'L' : 'l',
                      s->title != NULL ? s->title : "");
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

/* OSC 4 ; n ; rgb:RRRR/GGGG/BBBB (index >= 0) or OSC cmd ; rgb:... (index < 0): the
 * colour as xterm reports it (each 8-bit channel doubled to 16 bits), ending as the
 * query did (BEL or ST). */
void report_colour(struct screen *s, int cmd, int index, uint32_t rgb, bool bel)
{
    unsigned r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
    char prefix[16];
    if (index >= 0)
        snprintf(prefix, sizeof prefix, "%d;%d;", cmd, index);
    else
        snprintf(prefix, sizeof prefix, "%d;", cmd);
    reply_fmt(s, "\033]%srgb:%02x%02x/%02x%02x/%02x%02x%s", prefix, r, r, g, g, b, b,
              bel ? "\007" : "\033\\");
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
