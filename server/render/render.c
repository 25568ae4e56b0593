/* render.c - turns a client's terminal into a wanted canvas by diffing it against a
 * front buffer (what the terminal shows now) and writing only the changed cells, with
 * the cheapest cursor motion and attribute changes the terminal's capabilities allow
 * (scroll regions, EL/ECH erasures, REP runs), each frame optionally wrapped in a
 * synchronized update, and linked cells inside OSC 8 hyperlinks where the terminal
 * takes them. Also keeps the terminal's title and input modes (mouse, bracketed paste,
 * focus) as the server wants them, sending only changes. */
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "../vt/links.h"
#include "../vt/vt.h"
#include "render_title.h"
#include "xmalloc.h"

/* A front-buffer cell whose content is unknown: never equal to any wanted cell. */
#define WIDTH_INVALID 3 /* (widths are 2 bits) */
/* Blank runs at least this long are erased with ECH instead of written as spaces. */
#define ECH_MIN_RUN 8
/* Unchanged cells are rewritten instead of skipped over if there are at most this many. */
#define REWRITE_MAX 8
/* Attributes that show on a space. */
#define ATTR_VISIBLE_ON_BLANK (ATTR_UNDERLINE | ATTR_REVERSE | ATTR_STRIKE | ATTR_OVERLINE)

struct render_pen {
    uint16_t attr;   /* with the underline style bits when the terminal has Smulx */
    uint32_t fg, bg; /* mapped to what the terminal can show */
    uint32_t ul;     /* underline colour (SGR 58), COLOUR_DEFAULT when not shown */
};

struct render_state {
    const struct render_caps *caps;
    bool utf8;
    uint16_t attr_mask;       /* attributes the terminal can show */
    bool ul_colour;           /* the terminal takes SGR 58 (Setulc, or styled underlines) */

    int cols, rows;           /* size of the front buffer; 0 before the first frame */
    struct grid_cell *front;  /* what the terminal shows (cols * rows) */
    uint64_t *hash_want;      /* per-row hashes for scroll detection (rows each) */
    uint64_t *hash_front;
    bool *row_same;           /* per frame: want row is byte-identical to the front row */
    bool valid;               /* false: the screen is unknown, clear and repaint */

    int tx, ty;               /* terminal cursor; -1 = unknown */
    struct render_pen pen;    /* the terminal's current SGR state */
    bool pen_known;
    int cursor_visible;       /* -1 unknown, 0, 1 */
    int cursor_style;         /* last DECSCUSR sent (0 assumed at start) */

    struct links *links;      /* hyperlinks of the canvases drawn (NULL: not shown) */
    uint16_t link;            /* the hyperlink the terminal has open, 0 = none */

    bool sync;                /* wrap frames in a synchronized update */
    char sync_begin[32], sync_end[32];

    bool title_known;         /* title holds what the terminal's title was set to */
    char title[RENDER_TITLE_MAX + 1];
    bool modes_known;         /* modes holds the input modes the terminal has */
    uint32_t modes;

    struct evbuffer *out;     /* valid during render_frame */
    size_t len;
    size_t emitted;           /* bytes of this frame, synchronized-update marks aside */
    char buf[8192];
};

/* --- Output --- */

static void out_flush(struct render_state *rs)
{
    if (rs->len > 0 && rs->out != NULL)
        evbuffer_add(rs->out, rs->buf, rs->len);
    rs->len = 0;
}

static void out_bytes(struct render_state *rs, const char *p, size_t n)
{
    rs->emitted += n;
    if (rs->len + n > sizeof rs->buf) {
        out_flush(rs);
        if (n > sizeof rs->buf) {
            evbuffer_add(rs->out, p, n);
            return;
        }
    }
    memcpy(rs->buf + rs->len, p, n);
    rs->len += n;
}

static void out_str(struct render_state *rs, const char *s)
{
    if (s != NULL)
        out_bytes(rs, s, strlen(s));
}

static const char *cap(const struct render_state *rs, enum render_cap c)
{
    return render_caps_string(rs->caps, c);
}

static bool flag(const struct render_state *rs, enum render_flag f)
{
    return render_caps_flag(rs->caps, f);
}

/* --- Colours --- */

/* The xterm default palette as RGB. */
static uint32_t palette_rgb(int i)
{
    static const uint32_t base[16] = {
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    };
    static const int level[6] = { 0, 95, 135, 175, 215, 255 };
    if (i < 16)
        return base[i];
    if (i < 232) {
        i -= 16;
        return (uint32_t)level[i / 36] << 16 | (uint32_t)level[(i / 6) % 6] << 8 |
               (uint32_t)level[i % 6];
    }
    uint32_t g = 8 + 10 * (uint32_t)(i - 232);
    return g << 16 | g << 8 | g;
}

static int rgb_distance(uint32_t a, uint32_t b)
{
    int dr = (int)(a >> 16 & 0xff) - (int)(b >> 16 & 0xff);
    int dg = (int)(a >> 8 & 0xff) - (int)(b >> 8 & 0xff);
    int db = (int)(a & 0xff) - (int)(b & 0xff);
    return dr * dr + dg * dg + db * db;
}

/* Nearest entry among palette colours [first, first+n) to rgb. */
static int nearest_in_palette(uint32_t rgb, int first, int n)
{
    int best = first, best_d = -1;
    for (int i = first; i < first + n; i++) {
        int d = rgb_distance(rgb, palette_rgb(i));
        if (best_d < 0 || d < best_d) {
            best = i;
            best_d = d;
        }
    }
    return best;
}

/* Nearest of the 6x6x6 cube and the grey ramp (indexes 16-255) to rgb. */
static int rgb_to_256(uint32_t rgb)
{
    int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
#define CUBE_STEP(v) ((v) < 48 ? 0 : (v) < 115 ? 1 : ((v) - 35) / 40)
    int cube = 16 + 36 * CUBE_STEP(r) + 6 * CUBE_STEP(g) + CUBE_STEP(b);
#undef CUBE_STEP
    int avg = (r + g + b) / 3;
    int grey = avg > 238 ? 23 : avg < 8 ? 0 : (avg - 3) / 10;
    if (grey > 23)
        grey = 23;
    int grey_idx = 232 + grey;
    if (rgb_distance(rgb, palette_rgb(grey_idx)) < rgb_distance(rgb, palette_rgb(cube)))
        return grey_idx;
    return cube;
}

/* A colour as the terminal can show it: unchanged, or the nearest palette entry. */
static uint32_t map_colour(const struct render_caps *caps, uint32_t c)
{
    int colours = render_caps_colours(caps);
    if (COLOUR_KIND(c) != COLOUR_PALETTE && COLOUR_KIND(c) != COLOUR_RGB)
        return COLOUR_DEFAULT;
    if (colours == 0)
        return COLOUR_DEFAULT;
    if (COLOUR_KIND(c) == COLOUR_RGB) {
        if (colours == RENDER_COLOURS_RGB)
            return c;
        if (colours == RENDER_COLOURS_256)
            return COLOUR_PALETTE | (uint32_t)rgb_to_256(COLOUR_VALUE(c));
        return COLOUR_PALETTE | (uint32_t)nearest_in_palette(COLOUR_VALUE(c), 0,
                                                             colours);
    }
    int i = (int)(COLOUR_VALUE(c) & 0xff);
    if (colours >= RENDER_COLOURS_256 || i < colours)
        return COLOUR_PALETTE | (uint32_t)i;
    if (i < 16) /* bright colour on an 8-colour terminal */
        return COLOUR_PALETTE | (uint32_t)(i - 8);
    return COLOUR_PALETTE | (uint32_t)nearest_in_palette(palette_rgb(i), 0, colours);
}

/* --- Attributes (SGR) --- */

struct sgr_params {
    char buf[128];
    size_t len;
};

static void sgr_add(struct sgr_params *p, const char *fmt, unsigned a, unsigned b,
                    unsigned c, unsigned d)
{
    char tmp[48];
    int n = snprintf(tmp, sizeof tmp, fmt, a, b, c, d);
    if (n <= 0 || p->len + (size_t)n + 1 >= sizeof p->buf)
        return;
    if (p->len > 0)
        p->buf[p->len++] = ';';
    memcpy(p->buf + p->len, tmp, (size_t)n);
    p->len += (size_t)n;
}

/* SGR parameters selecting colour c (already mapped) as foreground or background. */
static void sgr_colour(struct sgr_params *p, uint32_t c, bool bg)
{
    unsigned base = bg ? 40 : 30;
    unsigned v = COLOUR_VALUE(c);
    if (COLOUR_KIND(c) == COLOUR_RGB)
        sgr_add(p, "%u;2;%u;%u;%u", base + 8, v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    else if (COLOUR_KIND(c) != COLOUR_PALETTE)
        sgr_add(p, "%u", base + 9, 0, 0, 0);
    else if (v < 8)
        sgr_add(p, "%u", base + v, 0, 0, 0);
    else if (v < 16)
        sgr_add(p, "%u", base + 60 + v - 8, 0, 0, 0);
    else
        sgr_add(p, "%u;5;%u", base + 8, v, 0, 0);
}

static const struct {
    uint16_t attr;
    enum render_cap cap;
    unsigned on, off;
} attr_table[] = {
    { ATTR_BOLD, RENDER_CAP_BOLD, 1, 22 },      { ATTR_DIM, RENDER_CAP_DIM, 2, 22 },
    { ATTR_ITALIC, RENDER_CAP_SITM, 3, 23 },    { ATTR_UNDERLINE, RENDER_CAP_SMUL, 4, 24 },
    { ATTR_BLINK, RENDER_CAP_BLINK, 5, 25 },    { ATTR_REVERSE, RENDER_CAP_REV, 7, 27 },
    { ATTR_HIDDEN, RENDER_CAP_INVIS, 8, 28 },   { ATTR_STRIKE, RENDER_CAP_SMXX, 9, 29 },
    { ATTR_OVERLINE, RENDER_CAP_SMOL, 53, 55 },
};

/* The underline parameter for a pen: "4", or "4:n" for a style (2 double, 3 curly,
 * 4 dotted, 5 dashed) on a terminal with Smulx (attr_mask keeps the style bits only
 * then). */
static void sgr_underline(struct sgr_params *p, uint16_t attr)
{
    unsigned style = ATTR_UNDERLINE_STYLE(attr);
    if (style >= 2)
        sgr_add(p, "4:%u", style, 0, 0, 0);
    else
        sgr_add(p, "4", 0, 0, 0, 0);
}

/* SGR 58 for an underline colour (colon form, as terminals with styled underlines
 * take it), or 59 for the default. */
static void sgr_ul_colour(struct sgr_params *p, uint32_t c)
{
    uint32_t v = COLOUR_VALUE(c);
    if (COLOUR_KIND(c) == COLOUR_RGB)
        sgr_add(p, "58:2::%u:%u:%u", v >> 16, (v >> 8) & 0xff, v & 0xff, 0);
    else if (COLOUR_KIND(c) == COLOUR_PALETTE)
        sgr_add(p, "58:5:%u", v, 0, 0, 0);
    else
        sgr_add(p, "59", 0, 0, 0, 0);
}
#define ATTR_TABLE_SIZE (sizeof attr_table / sizeof attr_table[0])

/* Emit a colour through setaf/setab (terminals whose SGR is not plain ANSI). */
static void emit_colour_cap(struct render_state *rs, uint32_t c, bool bg)
{
    if (COLOUR_KIND(c) == COLOUR_RGB) {
        struct sgr_params p = { .len = 0 };
        sgr_colour(&p, c, bg);
        out_str(rs, "\033[");
        out_bytes(rs, p.buf, p.len);
        out_str(rs, "m");
        return;
    }
    const char *s = cap(rs, bg ? RENDER_CAP_SETAB : RENDER_CAP_SETAF);
    if (s == NULL)
        return;
    char tmp[128];
    size_t n = render_tparm(tmp, sizeof tmp, s, (int)COLOUR_VALUE(c), 0);
    out_bytes(rs, tmp, n);
}

static void pen_reset(struct render_state *rs)
{
    const char *sgr0 = cap(rs, RENDER_CAP_SGR0);
    out_str(rs, sgr0 != NULL ? sgr0 : "\033[m");
    rs->pen.attr = 0;
    rs->pen.fg = COLOUR_DEFAULT;
    rs->pen.bg = COLOUR_DEFAULT;
    rs->pen.ul = COLOUR_DEFAULT;
    rs->pen_known = true;
}

/* Change the terminal's pen to t, sending only what differs. */
static void pen_set(struct render_state *rs, const struct render_pen *t)
{
    if (!rs->pen_known)
        pen_reset(rs);
    struct render_pen *cur = &rs->pen;
    if (cur->attr == t->attr && cur->fg == t->fg && cur->bg == t->bg && cur->ul == t->ul)
        return;

    if (flag(rs, RENDER_FLAG_ANSI_SGR)) {
        /* The changes from the current pen, or a reset and everything wanted: the
         * shorter (a reset is just ESC[m when the wanted pen is the default). */
        struct sgr_params p = { .len = 0 }, r = { .len = 0 };
        struct render_pen from = *cur;
        uint16_t off = from.attr & ~t->attr;
        if (off != 0 && flag(rs, RENDER_FLAG_ANSI_OFF)) {
            for (size_t i = 0; i < ATTR_TABLE_SIZE; i++) {
                if (!(off & attr_table[i].attr))
                    continue;
                if (attr_table[i].attr == ATTR_DIM && (off & ATTR_BOLD))
                    continue; /* 22 already sent for bold */
                sgr_add(&p, "%u", attr_table[i].off, 0, 0, 0);
                if (attr_table[i].off == 22)
                    from.attr &= ~(ATTR_BOLD | ATTR_DIM);
                else
                    from.attr &= ~attr_table[i].attr;
            }
        } else if (off != 0) {
            sgr_add(&p, "0", 0, 0, 0, 0);
            from.attr = 0;
            from.fg = from.bg = from.ul = COLOUR_DEFAULT;
        }
        uint16_t on = t->attr & ~from.attr;
        /* A new underline style is sent again even when underline stays on. */
        if ((t->attr & ATTR_UNDERLINE) &&
            ATTR_UNDERLINE_STYLE(t->attr) != ATTR_UNDERLINE_STYLE(from.attr))
            on |= ATTR_UNDERLINE;
        for (size_t i = 0; i < ATTR_TABLE_SIZE; i++) {
            bool ul = attr_table[i].attr == ATTR_UNDERLINE;
            if (on & attr_table[i].attr) {
                if (ul)
                    sgr_underline(&p, t->attr);
                else
                    sgr_add(&p, "%u", attr_table[i].on, 0, 0, 0);
            }
            if (t->attr & attr_table[i].attr) {
                if (ul)
                    sgr_underline(&r, t->attr);
                else
                    sgr_add(&r, "%u", attr_table[i].on, 0, 0, 0);
            }
        }
        if (t->ul != from.ul)
            sgr_ul_colour(&p, t->ul);
        if (t->ul != COLOUR_DEFAULT)
            sgr_ul_colour(&r, t->ul);
        if (t->fg != from.fg)
            sgr_colour(&p, t->fg, false);
        if (t->bg != from.bg)
            sgr_colour(&p, t->bg, true);
        if (t->fg != COLOUR_DEFAULT)
            sgr_colour(&r, t->fg, false);
        if (t->bg != COLOUR_DEFAULT)
            sgr_colour(&r, t->bg, true);
        size_t reset_len = r.len == 0 ? 0 : r.len + 2; /* "0;" first */
        if (p.len == 0) { /* nothing the terminal would see differs */
            *cur = *t;
            return;
        }
        out_str(rs, "\033[");
        if (reset_len < p.len) {
            if (r.len > 0)
                out_str(rs, "0;");
            out_bytes(rs, r.buf, r.len);
        } else {
            out_bytes(rs, p.buf, p.len);
        }
        out_str(rs, "m");
        *cur = *t;
        return;
    }

    /* Capability by capability: sgr0 is the only way to turn attributes off, and op
     * (or sgr0) the only way back to default colours. */
    bool need_default = (t->fg == COLOUR_DEFAULT && cur->fg != COLOUR_DEFAULT) ||
                        (t->bg == COLOUR_DEFAULT && cur->bg != COLOUR_DEFAULT);
    if ((cur->attr & ~t->attr) != 0 || (need_default && cap(rs, RENDER_CAP_OP) == NULL))
        pen_reset(rs);
    else if (need_default) {
        out_str(rs, cap(rs, RENDER_CAP_OP));
        cur->fg = cur->bg = COLOUR_DEFAULT;
    }
    uint16_t on = t->attr & ~cur->attr;
    for (size_t i = 0; i < ATTR_TABLE_SIZE; i++) {
        if (on & attr_table[i].attr)
            out_str(rs, cap(rs, attr_table[i].cap));
    }
    if (t->fg != cur->fg && t->fg != COLOUR_DEFAULT)
        emit_colour_cap(rs, t->fg, false);
    if (t->bg != cur->bg && t->bg != COLOUR_DEFAULT)
        emit_colour_cap(rs, t->bg, true);
    *cur = *t;
}

static void cell_pen(const struct render_state *rs, const struct grid_cell *c,
                     struct render_pen *p)
{
    p->attr = c->attr & rs->attr_mask;
    p->fg = map_colour(rs->caps, c->fg);
    p->bg = map_colour(rs->caps, c->bg);
    p->ul = rs->ul_colour && (p->attr & ATTR_UNDERLINE) ? map_colour(rs->caps, c->ul)
                                                        : COLOUR_DEFAULT;
}

/* --- Cells --- */

/* A cell an erasure can make: a space showing only its background (a linked space is
 * not one: erasures do not link). */
static bool cell_is_blank(const struct grid_cell *c)
{
    return (c->ch == 0 || c->ch == ' ') && c->comb == 0 && grid_cell_width(c) == 1 &&
           (c->attr & ATTR_VISIBLE_ON_BLANK) == 0 && grid_cell_link(c) == 0;
}

/* Whether two cells look the same on a terminal. Right halves of wide characters are
 * drawn with their left half, so any two of them are equal. */
static bool cells_same(const struct grid_cell *a, const struct grid_cell *b)
{
    if (grid_cell_width(a) != grid_cell_width(b))
        return false;
    if (grid_cell_width(a) == 0)
        return true;
    if (cell_is_blank(a) && cell_is_blank(b))
        return a->bg == b->bg;
    uint32_t ach = a->ch == 0 ? ' ' : a->ch, bch = b->ch == 0 ? ' ' : b->ch;
    return ach == bch && a->comb == b->comb && a->fg == b->fg && a->bg == b->bg &&
           a->attr == b->attr && (a->ul == b->ul || !(a->attr & ATTR_UNDERLINE)) &&
           grid_cell_link(a) == grid_cell_link(b);
}

static int utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

static bool codepoint_printable(uint32_t cp)
{
    return cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0) &&
           !(cp >= 0xd800 && cp < 0xe000) && cp <= 0x10ffff;
}

/* ASCII stand-in for a box-drawing character (U+2500-U+257F) on non-UTF-8 terminals. */
static char box_to_ascii(uint32_t cp)
{
    static const uint16_t horizontal[] = { 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509,
                                           0x254c, 0x254d, 0x2550, 0x2574, 0x2576, 0x2578,
                                           0x257a, 0x257c, 0x257e };
    static const uint16_t vertical[] = { 0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b,
                                         0x254e, 0x254f, 0x2551, 0x2575, 0x2577, 0x2579,
                                         0x257b, 0x257d, 0x257f };
    for (size_t i = 0; i < sizeof horizontal / sizeof horizontal[0]; i++) {
        if (cp == horizontal[i])
            return '-';
    }
    for (size_t i = 0; i < sizeof vertical / sizeof vertical[0]; i++) {
        if (cp == vertical[i])
            return '|';
    }
    if (cp == 0x2571)
        return '/';
    if (cp == 0x2572)
        return '\\';
    return '+';
}

/* The bytes that draw cell c taking 'width' columns (1 or 2). Never emits a control
 * character, whatever the cell holds. */
static size_t cell_text(const struct render_state *rs, const struct grid_cell *c, int width,
                        char *out)
{
    uint32_t ch = c->ch;
    if (width == 1 && grid_cell_width(c) != 1)
        ch = ' '; /* a wide character that cannot be drawn whole */
    if (ch == 0)
        ch = ' ';
    if (!codepoint_printable(ch))
        ch = '?';
    if (!rs->utf8 && ch >= 0x80) {
        if (width == 2) {
            out[0] = out[1] = '?';
            return 2;
        }
        out[0] = (ch >= 0x2500 && ch <= 0x257f) ? box_to_ascii(ch) : '?';
        return 1;
    }
    size_t n = (size_t)utf8_put(ch, out);
    if (rs->utf8 && c->comb >= 0x300 && codepoint_printable(c->comb) && ch == c->ch)
        n += (size_t)utf8_put(c->comb, out + n);
    return n;
}

/* --- Cursor motion --- */

struct seq {
    char buf[160];
    size_t len;
    bool ok;
};

static void seq_add(struct seq *s, const char *str, size_t n)
{
    if (!s->ok || s->len + n >= sizeof s->buf) {
        s->ok = false;
        return;
    }
    memcpy(s->buf + s->len, str, n);
    s->len += n;
}

/* Move n (> 0) in one direction: one-step cap repeated or parametrised cap, shorter. */
static void seq_step(const struct render_state *rs, struct seq *s, enum render_cap one,
                     enum render_cap many, int n)
{
    const char *c1 = cap(rs, one), *cn = cap(rs, many);
    if (c1 != NULL && one == RENDER_CAP_CUD1 && strcmp(c1, "\n") == 0)
        c1 = NULL; /* a line feed may become CR LF if the tty post-processes output */
    char tmp[64];
    size_t nlen = cn != NULL ? render_tparm(tmp, sizeof tmp, cn, n, 0) : 0;
    size_t len1 = c1 != NULL ? strlen(c1) * (size_t)n : SIZE_MAX;
    if (cn == NULL && c1 == NULL) {
        s->ok = false;
        return;
    }
    if (c1 != NULL && (cn == NULL || len1 <= nlen)) {
        for (int i = 0; i < n; i++)
            seq_add(s, c1, strlen(c1));
    } else {
        seq_add(s, tmp, nlen);
    }
}

/* Rewriting the cells between the cursor and x on row y is an alternative to moving
 * over them when they are plain ASCII in the current pen. */
static bool seq_rewrite(const struct render_state *rs, struct seq *s, int y, int from,
                        int to)
{
    if (!rs->pen_known || to - from > REWRITE_MAX)
        return false;
    const struct grid_cell *row = &rs->front[(size_t)y * (size_t)rs->cols];
    for (int x = from; x < to; x++) {
        const struct grid_cell *c = &row[x];
        uint32_t ch = c->ch == 0 ? ' ' : c->ch;
        if (grid_cell_width(c) != 1 || ch >= 0x7f || ch < 0x20 || c->comb != 0)
            return false;
        struct render_pen p;
        cell_pen(rs, c, &p);
        if (p.attr != rs->pen.attr || p.fg != rs->pen.fg || p.bg != rs->pen.bg ||
            grid_cell_link(c) != rs->link)
            return false;
        char b = (char)ch;
        seq_add(s, &b, 1);
    }
    return s->ok;
}

static void seq_horizontal(const struct render_state *rs, struct seq *s, int y, int from,
                           int to)
{
    if (to > from) {
        struct seq r = { .len = 0, .ok = true };
        struct seq m = { .len = 0, .ok = true };
        seq_step(rs, &m, RENDER_CAP_CUF1, RENDER_CAP_CUF, to - from);
        if (seq_rewrite(rs, &r, y, from, to) && (!m.ok || r.len <= m.len))
            seq_add(s, r.buf, r.len);
        else if (m.ok)
            seq_add(s, m.buf, m.len);
        else
            s->ok = false;
    } else if (to < from) {
        seq_step(rs, s, RENDER_CAP_CUB1, RENDER_CAP_CUB, from - to);
    }
}

static void seq_vertical(const struct render_state *rs, struct seq *s, int from, int to)
{
    if (to > from)
        seq_step(rs, s, RENDER_CAP_CUD1, RENDER_CAP_CUD, to - from);
    else if (to < from)
        seq_step(rs, s, RENDER_CAP_CUU1, RENDER_CAP_CUU, from - to);
}

/* Put the terminal's cursor at (x, y) by the shortest of: absolute addressing, home,
 * relative moves from where it is, or carriage return plus relative moves. */
static void move_to(struct render_state *rs, int x, int y)
{
    if (rs->tx == x && rs->ty == y)
        return;

    struct seq best = { .len = 0, .ok = true };
    char tmp[64];
    size_t n = render_tparm(tmp, sizeof tmp, cap(rs, RENDER_CAP_CUP), y, x);
    seq_add(&best, tmp, n);

    const char *home = cap(rs, RENDER_CAP_HOME);
    if (x == 0 && y == 0 && home != NULL && strlen(home) < best.len) {
        best.len = 0;
        seq_add(&best, home, strlen(home));
    }
    if (rs->ty >= 0 && rs->tx >= 0) {
        struct seq s = { .len = 0, .ok = true };
        seq_vertical(rs, &s, rs->ty, y);
        seq_horizontal(rs, &s, y, rs->tx, x);
        if (s.ok && s.len < best.len)
            best = s;
    }
    const char *cr = cap(rs, RENDER_CAP_CR);
    if (rs->ty >= 0 && cr != NULL) {
        struct seq s = { .len = 0, .ok = true };
        seq_add(&s, cr, strlen(cr));
        seq_vertical(rs, &s, rs->ty, y);
        seq_horizontal(rs, &s, y, 0, x);
        if (s.ok && s.len < best.len)
            best = s;
    }
    out_bytes(rs, best.buf, best.len);
    rs->tx = x;
    rs->ty = y;
}

/* --- Front buffer --- */

static struct grid_cell *front_cell(struct render_state *rs, int x, int y)
{
    return &rs->front[(size_t)y * (size_t)rs->cols + (size_t)x];
}

static void front_blank(struct render_state *rs)
{
    size_t n = (size_t)rs->cols * (size_t)rs->rows;
    memset(rs->front, 0, n * sizeof *rs->front);
    for (size_t i = 0; i < n; i++)
        grid_cell_set_width(&rs->front[i], 1);
}

/* Record that cells [x, x+n) of row y are about to be overwritten. A wide character
 * partly overwritten is destroyed by the terminal: its other half becomes unknown.
 * Returns the leftmost column that must now be redrawn (x if none to the left). */
static int front_overwrite(struct render_state *rs, int x, int y, int n)
{
    int redo = x;
    if (grid_cell_width(front_cell(rs, x, y)) == 0 && x > 0) {
        grid_cell_set_width(front_cell(rs, x - 1, y), WIDTH_INVALID);
        redo = x - 1;
    }
    if (x + n < rs->cols && grid_cell_width(front_cell(rs, x + n - 1, y)) == 2)
        grid_cell_set_width(front_cell(rs, x + n, y), WIDTH_INVALID);
    return redo;
}

/* --- Hyperlinks --- */

/* Make n the hyperlink the terminal has open (0: none), sending OSC 8 if it is not. */
static void link_set(struct render_state *rs, uint16_t n)
{
    if (rs->links == NULL || n == rs->link)
        return;
    if (n != 0 && links_uri(rs->links, n) == NULL)
        n = 0; /* not a link (any more): close */
    if (n == rs->link)
        return;
    char seq[LINKS_OSC8_MAX];
    out_bytes(rs, seq, links_osc8(rs->links, n, seq));
    rs->link = n;
}

/* Cells the terminal shows with a link are drawn again on the next frame (their numbers
 * are about to mean something else, or nothing). */
static void front_forget_links(struct render_state *rs)
{
    size_t n = (size_t)rs->cols * (size_t)rs->rows;
    for (size_t i = 0; i < n; i++) {
        if (grid_cell_link(&rs->front[i]) != 0)
            grid_cell_set_width(&rs->front[i], WIDTH_INVALID);
    }
}

/* After a frame: a table more than half full starts again, so the next frames have
 * room; cells drawn with the old numbers are drawn again. */
static void links_renumber(struct render_state *rs)
{
    if (rs->links == NULL || (links_count(rs->links) < LINKS_MAX / 2 &&
                              links_bytes(rs->links) < LINKS_BYTES_MAX / 2))
        return;
    links_clear(rs->links);
    front_forget_links(rs);
}

/* --- Drawing --- */

/* How many columns wanted cell x of row occupies when drawn: 2 for a wide character
 * followed by its continuation, else 1 (anything inconsistent is drawn as a space). */
static int draw_width(const struct canvas *want, const struct grid_cell *row, int x)
{
    if (grid_cell_width(&row[x]) == 2 && x + 1 < want->cols && grid_cell_width(&row[x + 1]) == 0)
        return 2;
    return 1;
}

/* Write wanted cell x of row y (and its continuation). Returns the column to carry on
 * from: past the cell, or further left if the write destroyed a wide character there. */
static int draw_cell(struct render_state *rs, const struct canvas *want, int x, int y)
{
    const struct grid_cell *row = &want->cells[(size_t)y * (size_t)want->cols];
    const struct grid_cell *c = &row[x];
    int w = draw_width(want, row, x);

    move_to(rs, x, y);
    struct render_pen p;
    if (grid_cell_width(c) == 0 || (grid_cell_width(c) == 2 && w == 1)) {
        /* orphan half of a wide character: a space in its colours */
        p.attr = 0;
        p.fg = map_colour(rs->caps, c->fg);
        p.bg = map_colour(rs->caps, c->bg);
    } else {
        cell_pen(rs, c, &p);
    }
    pen_set(rs, &p);
    link_set(rs, grid_cell_link(c));

    char text[16];
    size_t n = (grid_cell_width(c) == 0) ? (text[0] = ' ', 1) : cell_text(rs, c, w, text);
    bool last = x + w >= rs->cols;
    bool corner = last && y == rs->rows - 1;
    int redo = front_overwrite(rs, x, y, w);
    if (corner && flag(rs, RENDER_FLAG_AM) && !flag(rs, RENDER_FLAG_XENL)) {
        /* Writing the last cell would scroll the screen: only with autowrap off. */
        if (cap(rs, RENDER_CAP_RMAM) != NULL && cap(rs, RENDER_CAP_SMAM) != NULL) {
            out_str(rs, cap(rs, RENDER_CAP_RMAM));
            out_bytes(rs, text, n);
            out_str(rs, cap(rs, RENDER_CAP_SMAM));
        }
    } else {
        out_bytes(rs, text, n);
    }
    for (int i = 0; i < w; i++)
        *front_cell(rs, x + i, y) = row[x + i];

    if (!last)
        rs->tx = x + w;
    else if (!flag(rs, RENDER_FLAG_AM))
        rs->tx = rs->cols - 1;
    else if (flag(rs, RENDER_FLAG_XENL))
        rs->tx = -1; /* pending wrap: only CR or absolute moves are safe */
    else
        rs->tx = rs->ty = -1;
    return redo < x ? redo : x + w;
}

/* Whether an erasure (EL, ECH) would give cells background bg. */
static bool can_erase(const struct render_state *rs, uint32_t bg)
{
    return bg == COLOUR_DEFAULT || flag(rs, RENDER_FLAG_BCE);
}

/* Set the pen for an erasure to background bg, disturbing as little as possible. */
static void pen_for_erase(struct render_state *rs, uint32_t bg)
{
    struct render_pen p = rs->pen;
    if (!rs->pen_known)
        p.fg = COLOUR_DEFAULT;
    p.attr = 0;
    p.bg = map_colour(rs->caps, bg);
    pen_set(rs, &p);
}

/* Whether two wanted cells are the same plain character in the same colours and
 * attributes (the condition for drawing both with one REP). */
static bool cells_repeat(const struct grid_cell *a, const struct grid_cell *b)
{
    uint32_t ach = a->ch == 0 ? ' ' : a->ch, bch = b->ch == 0 ? ' ' : b->ch;
    return a->wl == b->wl && grid_cell_width(a) == 1 && a->comb == 0 && b->comb == 0 &&
           ach == bch && a->fg == b->fg && a->bg == b->bg && a->attr == b->attr &&
           (a->ul == b->ul || !(a->attr & ATTR_UNDERLINE));
}

/* How many cells from x of row y to draw with one REP, or 0 if writing them is as
 * cheap. Only printable ASCII (nothing a terminal could treat specially, nothing
 * multi-byte or combining) and never the last column, so the repeat can never reach
 * the right margin and autowrap. Trailing cells the terminal already shows are left. */
static int repeat_run(struct render_state *rs, const struct grid_cell *row, int x, int y)
{
    const char *rep = cap(rs, RENDER_CAP_REP);
    const struct grid_cell *c = &row[x];
    uint32_t ch = c->ch == 0 ? ' ' : c->ch;
    if (rep == NULL || !cells_repeat(c, c) || ch < 0x20 || ch > 0x7e)
        return 0;
    int n = 1;
    while (x + n < rs->cols - 1 && cells_repeat(&row[x + n], c))
        n++;
    while (n > 0 && cells_same(front_cell(rs, x + n - 1, y), &row[x + n - 1]))
        n--;
    if (n < 3) /* some rep strings (xterm's) get a count of 1 wrong */
        return 0;
    char tmp[64];
    size_t len = render_tparm(tmp, sizeof tmp, rep, (int)ch, n);
    return len > 0 && len < (size_t)n ? n : 0;
}

/* Draw n copies of wanted cell x of row y with REP. Returns the column to carry on
 * from, as draw_cell. */
static int draw_repeat(struct render_state *rs, const struct grid_cell *row, int x, int y,
                       int n)
{
    const struct grid_cell *c = &row[x];
    move_to(rs, x, y);
    struct render_pen p;
    cell_pen(rs, c, &p);
    pen_set(rs, &p);
    link_set(rs, grid_cell_link(c));
    int redo = front_overwrite(rs, x, y, n);
    char tmp[64];
    out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, cap(rs, RENDER_CAP_REP),
                                    (int)(c->ch == 0 ? ' ' : c->ch), n));
    for (int i = x; i < x + n; i++)
        *front_cell(rs, i, y) = row[i];
    rs->tx = x + n; /* repeat_run never reaches the last column */
    return redo < x ? redo : x + n;
}

static void draw_row(struct render_state *rs, const struct canvas *want, int y)
{
    int cols = want->cols;
    const struct grid_cell *row = &want->cells[(size_t)y * (size_t)cols];
    const char *el = cap(rs, RENDER_CAP_EL), *ech = cap(rs, RENDER_CAP_ECH);

    /* The blank tail: cells [tail, cols) are blank in one background. */
    uint32_t tail_bg = row[cols - 1].bg;
    int tail = cols;
    while (tail > 0 && cell_is_blank(&row[tail - 1]) && row[tail - 1].bg == tail_bg)
        tail--;
    bool use_el = el != NULL && can_erase(rs, tail_bg);

    int x = 0;
    while (x < cols) {
        if (cells_same(front_cell(rs, x, y), &row[x])) {
            x++;
            continue;
        }
        if (grid_cell_width(&row[x]) == 0 && x > 0 && grid_cell_width(&row[x - 1]) == 2) {
            x = draw_cell(rs, want, x - 1, y); /* redraw the whole wide character */
            continue;
        }
        if (x >= tail && use_el && cols - x > 1) {
            move_to(rs, x, y);
            front_overwrite(rs, x, y, cols - x);
            pen_for_erase(rs, tail_bg);
            link_set(rs, 0);
            out_str(rs, el);
            for (int i = x; i < cols; i++)
                *front_cell(rs, i, y) = row[i];
            break;
        }
        if (ech != NULL && cell_is_blank(&row[x]) && can_erase(rs, row[x].bg)) {
            int run = 1;
            while (x + run < cols && cell_is_blank(&row[x + run]) &&
                   row[x + run].bg == row[x].bg)
                run++;
            if (run >= ECH_MIN_RUN && x + run < cols) {
                move_to(rs, x, y);
                int redo = front_overwrite(rs, x, y, run);
                pen_for_erase(rs, row[x].bg);
                link_set(rs, 0);
                char tmp[64];
                out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, ech, run, 0));
                for (int i = x; i < x + run; i++)
                    *front_cell(rs, i, y) = row[i];
                x = redo < x ? redo : x + run;
                continue;
            }
        }
        int run = repeat_run(rs, row, x, y);
        if (run > 0) {
            x = draw_repeat(rs, row, x, y, run);
            continue;
        }
        x = draw_cell(rs, want, x, y);
    }
}

/* --- Scrolling --- */

/* A hash of a row consistent with cells_same: rows that look the same hash the same. */
static uint64_t row_hash(const struct grid_cell *row, int cols)
{
    uint64_t h = 1469598103934665603u;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211u)
    for (int x = 0; x < cols; x++) {
        const struct grid_cell *c = &row[x];
        MIX(grid_cell_width(c));
        if (grid_cell_width(c) == 0)
            continue;
        if (cell_is_blank(c)) {
            MIX(c->bg);
            continue;
        }
        MIX(c->ch == 0 ? ' ' : c->ch);
        MIX(c->comb);
        MIX(c->fg);
        MIX(c->bg);
        MIX(c->attr);
        MIX(grid_cell_link(c));
    }
#undef MIX
    return h;
}

static bool rows_same(const struct grid_cell *a, const struct grid_cell *b, int cols)
{
    for (int x = 0; x < cols; x++) {
        if (!cells_same(&a[x], &b[x]))
            return false;
    }
    return true;
}

static bool row_is_blank(const struct grid_cell *row, int cols)
{
    for (int x = 0; x < cols; x++) {
        if (!cell_is_blank(&row[x]) || row[x].bg != COLOUR_DEFAULT)
            return false;
    }
    return true;
}

/* Rows [top, bottom] of the terminal scroll by n lines (n > 0: up, content moves to
 * lower row numbers; n < 0: down) with the scroll region, and the front buffer with
 * them. New lines are blank in the default background. */
static void scroll_region(struct render_state *rs, int top, int bottom, int n)
{
    bool whole = top == 0 && bottom == rs->rows - 1;
    char tmp[64];
    pen_for_erase(rs, COLOUR_DEFAULT);
    link_set(rs, 0);
    if (!whole) {
        out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, cap(rs, RENDER_CAP_CSR), top, bottom));
        rs->tx = rs->ty = -1; /* cursor position is undefined after csr */
    }
    int count = n > 0 ? n : -n;
    move_to(rs, 0, n > 0 ? bottom : top);
    const char *step = cap(rs, n > 0 ? RENDER_CAP_IND : RENDER_CAP_RI);
    for (int i = 0; i < count; i++)
        out_str(rs, step);
    if (!whole) {
        out_bytes(rs, tmp,
                  render_tparm(tmp, sizeof tmp, cap(rs, RENDER_CAP_CSR), 0, rs->rows - 1));
        rs->tx = rs->ty = -1;
    }

    size_t cols = (size_t)rs->cols;
    size_t keep = (size_t)(bottom - top + 1 - count);
    struct grid_cell *first = front_cell(rs, 0, top);
    if (n > 0)
        memmove(first, first + (size_t)count * cols, keep * cols * sizeof *first);
    else
        memmove(first + (size_t)count * cols, first, keep * cols * sizeof *first);
    int blank_from = n > 0 ? bottom - count + 1 : top;
    for (int y = blank_from; y < blank_from + count; y++) {
        for (int x = 0; x < rs->cols; x++) {
            struct grid_cell *c = front_cell(rs, x, y);
            memset(c, 0, sizeof *c);
            grid_cell_set_width(c, 1);
        }
    }
    uint64_t *h = rs->hash_front;
    if (n > 0)
        memmove(h + top, h + top + count, keep * sizeof *h);
    else
        memmove(h + top + count, h + top, keep * sizeof *h);
}

/* Note which wanted rows are byte-for-byte what the front buffer has (nothing to draw);
 * returns how many are not. */
static int mark_same_rows(struct render_state *rs, const struct canvas *want)
{
    size_t row_bytes = (size_t)rs->cols * sizeof *rs->front;
    int changed = 0;
    for (int y = 0; y < rs->rows; y++) {
        rs->row_same[y] = memcmp(&want->cells[(size_t)y * (size_t)rs->cols], front_cell(rs, 0, y),
                                 row_bytes) == 0;
        changed += !rs->row_same[y];
    }
    return changed;
}

/* If the wanted screen is (part of) the front buffer scrolled by some lines, scroll
 * the terminal instead of redrawing those lines: the common case of output running
 * up a pane. Picks the shift that saves the most non-blank lines, and the smallest
 * region holding them, so lines outside (a status line) stay put. */
static bool try_scroll(struct render_state *rs, const struct canvas *want)
{
    int rows = rs->rows, cols = rs->cols;
    if (rows < 3 || cap(rs, RENDER_CAP_IND) == NULL)
        return false;
    for (int y = 0; y < rows; y++) {
        rs->hash_want[y] = row_hash(&want->cells[(size_t)y * (size_t)cols], cols);
        rs->hash_front[y] = row_hash(front_cell(rs, 0, y), cols);
    }

    int best_n = 0, best_gain = 2, best_top = 0, best_bottom = 0; /* worth >= 3 lines */
    for (int n = -(rows - 1); n <= rows - 1; n++) {
        if (n == 0 || (n < 0 && cap(rs, RENDER_CAP_RI) == NULL))
            continue;
        int gain = 0, lo = -1, hi = -1;
        for (int y = 0; y < rows; y++) {
            int from = y + n; /* front row that would land on y */
            if (from < 0 || from >= rows || rs->hash_want[y] != rs->hash_front[from] ||
                rs->hash_want[y] == rs->hash_front[y])
                continue;
            const struct grid_cell *w = &want->cells[(size_t)y * (size_t)cols];
            if (row_is_blank(w, cols))
                continue;
            gain++;
            if (lo < 0)
                lo = y;
            hi = y;
        }
        if (gain <= best_gain)
            continue;
        int top = n > 0 ? lo : lo + n, bottom = n > 0 ? hi + n : hi;
        /* lines already right inside the region would be scrolled away */
        for (int y = top; y <= bottom; y++) {
            bool lands = y + n >= top && y + n <= bottom &&
                         rs->hash_want[y] == rs->hash_front[y + n];
            if (rs->hash_want[y] == rs->hash_front[y] && !lands)
                gain--;
        }
        if (gain <= best_gain)
            continue;
        if ((top != 0 || bottom != rows - 1) && cap(rs, RENDER_CAP_CSR) == NULL)
            continue;
        best_gain = gain;
        best_n = n;
        best_top = top;
        best_bottom = bottom;
    }
    if (best_n == 0)
        return false;
    /* Hashes can collide: confirm the lines really match before relying on them. */
    int matched = 0;
    for (int y = best_top; y <= best_bottom; y++) {
        int from = y + best_n;
        if (from >= best_top && from <= best_bottom &&
            rows_same(&want->cells[(size_t)y * (size_t)cols], front_cell(rs, 0, from), cols))
            matched++;
    }
    if (matched < 3)
        return false;
    scroll_region(rs, best_top, best_bottom, best_n);
    return true;
}

/* Clear the screen and note it as blank with the cursor home. */
static void clear_screen(struct render_state *rs)
{
    pen_reset(rs);
    link_set(rs, 0);
    const char *clear = cap(rs, RENDER_CAP_CLEAR);
    const char *el = cap(rs, RENDER_CAP_EL);
    if (clear != NULL) {
        out_str(rs, clear);
        front_blank(rs);
    } else if (el != NULL) {
        rs->tx = rs->ty = -1;
        for (int y = 0; y < rs->rows; y++) {
            move_to(rs, 0, y);
            out_str(rs, el);
        }
        front_blank(rs);
    } else {
        for (size_t i = 0; i < (size_t)rs->cols * (size_t)rs->rows; i++)
            grid_cell_set_width(&rs->front[i], WIDTH_INVALID);
    }
    rs->tx = rs->ty = -1;
    const char *home = cap(rs, RENDER_CAP_HOME);
    if (clear != NULL) {
        rs->tx = rs->ty = 0; /* terminfo: clear screen and home cursor */
    } else if (home != NULL) {
        out_str(rs, home);
        rs->tx = rs->ty = 0;
    }
}

static void apply_cursor(struct render_state *rs, const struct canvas *want)
{
    int cx = want->cx < 0 ? 0 : want->cx >= want->cols ? want->cols - 1 : want->cx;
    int cy = want->cy < 0 ? 0 : want->cy >= want->rows ? want->rows - 1 : want->cy;
    move_to(rs, cx, cy);

    int visible = want->cursor_visible ? 1 : 0;
    if (visible != rs->cursor_visible) {
        out_str(rs, cap(rs, visible ? RENDER_CAP_CNORM : RENDER_CAP_CIVIS));
        rs->cursor_visible = visible;
    }
    int style = want->cursor_style < 0 || want->cursor_style > 6 ? 0 : want->cursor_style;
    if (style != rs->cursor_style) {
        const char *ss = cap(rs, RENDER_CAP_SS), *se = cap(rs, RENDER_CAP_SE);
        char tmp[64];
        if (ss != NULL)
            out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, ss, style, 0));
        else if (style == 0 && se != NULL)
            out_str(rs, se);
        rs->cursor_style = style;
    }
}

struct render_state *render_create(const struct render_caps *caps, bool utf8)
{
    struct render_state *rs = xcalloc(1, sizeof *rs);
    rs->caps = caps;
    rs->utf8 = utf8;
    for (size_t i = 0; i < ATTR_TABLE_SIZE; i++) {
        if (render_caps_string(caps, attr_table[i].cap) != NULL)
            rs->attr_mask |= attr_table[i].attr;
    }
    /* Styled underlines and their colour only where the terminal says it has them
     * (every terminal with Smulx known to us also takes SGR 58). Both need the
     * combined ANSI SGR form. */
    if (render_caps_flag(caps, RENDER_FLAG_ANSI_SGR)) {
        bool smulx = render_caps_string(caps, RENDER_CAP_SMULX) != NULL;
        if (smulx)
            rs->attr_mask |= ATTR_UNDERLINE_STYLE_MASK;
        rs->ul_colour = smulx || render_caps_string(caps, RENDER_CAP_SETULC) != NULL;
    } else {
        rs->attr_mask &= (uint16_t)~ATTR_OVERLINE;
    }
    rs->cursor_style = 0;
    render_set_sync(rs, render_caps_string(caps, RENDER_CAP_SYNC) != NULL);
    render_set_hyperlinks(rs, render_caps_string(caps, RENDER_CAP_HLS) != NULL);
    render_invalidate(rs);
    return rs;
}

void render_free(struct render_state *rs)
{
    if (rs == NULL)
        return;
    free(rs->front);
    free(rs->hash_want);
    free(rs->hash_front);
    free(rs->row_same);
    links_free(rs->links);
    free(rs);
}

void render_invalidate(struct render_state *rs)
{
    rs->valid = false;
    rs->tx = rs->ty = -1;
    rs->pen_known = false;
    rs->cursor_visible = -1;
    rs->title_known = false;
    rs->modes_known = false;
    rs->link = 0; /* every frame closes what it opened */
}

void render_set_hyperlinks(struct render_state *rs, bool on)
{
    if (on && rs->links == NULL) {
        rs->links = links_create(NULL, NULL);
    } else if (!on && rs->links != NULL) {
        links_free(rs->links);
        rs->links = NULL;
        rs->link = 0;
        front_forget_links(rs);
    }
}

struct links *render_links(struct render_state *rs)
{
    return rs->links;
}

void render_set_sync(struct render_state *rs, bool on)
{
    const char *sync = render_caps_string(rs->caps, RENDER_CAP_SYNC);
    rs->sync = on;
    if (sync != NULL) {
        render_tparm(rs->sync_begin, sizeof rs->sync_begin, sync, 1, 0);
        render_tparm(rs->sync_end, sizeof rs->sync_end, sync, 2, 0);
    }
    if (sync == NULL || rs->sync_begin[0] == '\0' || rs->sync_end[0] == '\0') {
        snprintf(rs->sync_begin, sizeof rs->sync_begin, "\033[?2026h");
        snprintf(rs->sync_end, sizeof rs->sync_end, "\033[?2026l");
    }
}

void render_frame(struct render_state *rs, const struct canvas *want, struct evbuffer *out)
{
    if (want->cols <= 0 || want->rows <= 0 || want->cells == NULL)
        return;
    rs->out = out;
    rs->len = 0;
    rs->emitted = 0;
    if (rs->sync) { /* taken back below if the frame turns out empty */
        rs->len = strlen(rs->sync_begin);
        memcpy(rs->buf, rs->sync_begin, rs->len);
    }
    if (want->cols != rs->cols || want->rows != rs->rows) {
        free(rs->front);
        free(rs->hash_want);
        free(rs->hash_front);
        free(rs->row_same);
        rs->cols = want->cols;
        rs->rows = want->rows;
        rs->row_same = xcalloc((size_t)rs->rows, sizeof *rs->row_same);
        rs->front = xcalloc((size_t)rs->cols * (size_t)rs->rows, sizeof *rs->front);
        rs->hash_want = xcalloc((size_t)rs->rows, sizeof *rs->hash_want);
        rs->hash_front = xcalloc((size_t)rs->rows, sizeof *rs->hash_front);
        rs->valid = false;
    }
    if (!rs->valid) {
        clear_screen(rs);
        rs->valid = true;
        memset(rs->row_same, 0, (size_t)rs->rows * sizeof *rs->row_same);
    } else {
        /* Most frames change a line or two (an echo, a clock): find them with memcmp,
         * and look for a scroll only when enough lines changed for one to pay. */
        int changed = mark_same_rows(rs, want);
        if (changed >= 3 && try_scroll(rs, want))
            mark_same_rows(rs, want);
    }
    for (int y = 0; y < want->rows; y++) {
        if (!rs->row_same[y])
            draw_row(rs, want, y);
    }
    link_set(rs, 0);
    links_renumber(rs);
    apply_cursor(rs, want);
    if (rs->sync) {
        if (rs->emitted == 0)
            rs->len = 0; /* nothing changed: no frame at all */
        else
            out_str(rs, rs->sync_end);
    }
    out_flush(rs);
    rs->out = NULL;
}

/* --- Title --- */

void render_set_title(struct render_state *rs, const char *title, struct evbuffer *out)
{
    if (!flag(rs, RENDER_FLAG_TITLE))
        return;
    char clean[RENDER_TITLE_MAX + 1];
    render_title_clean(title != NULL ? title : "", rs->utf8, clean);
    if (rs->title_known && strcmp(clean, rs->title) == 0)
        return;
    memcpy(rs->title, clean, sizeof clean);
    rs->title_known = true;

    const char *tsl = cap(rs, RENDER_CAP_TSL), *fsl = cap(rs, RENDER_CAP_FSL);
    char start[64];
    if (tsl != NULL && fsl != NULL) {
        render_tparm(start, sizeof start, tsl, 0, 0);
    } else {
        snprintf(start, sizeof start, "\033]2;");
        fsl = "\007";
    }
    evbuffer_add(out, start, strlen(start));
    evbuffer_add(out, clean, strlen(clean));
    evbuffer_add(out, fsl, strlen(fsl));
}

/* --- Input modes --- */

#define MODES_MOUSE (VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY)

/* The DECSET number of the mouse tracking mode in modes, 0 for none. The three
 * replace each other; the most reporting one wins. */
static int mouse_tracking(uint32_t modes)
{
    if (modes & VT_MODE_MOUSE_ANY)
        return 1003;
    if (modes & VT_MODE_MOUSE_BUTTON)
        return 1002;
    if (modes & VT_MODE_MOUSE)
        return 1000;
    return 0;
}

static void mode_out(struct evbuffer *out, int mode, bool on)
{
    evbuffer_add_printf(out, "\033[?%d%c", mode, on ? 'h' : 'l');
}

void render_set_modes(struct render_state *rs, uint32_t modes, struct evbuffer *out)
{
    static const struct {
        uint32_t bit;
        int mode;
    } simple[] = {
        { VT_MODE_MOUSE_SGR, 1006 }, /* first: no mouse event in the old encoding */
        { VT_MODE_FOCUS, 1004 },
        { VT_MODE_BRACKETED_PASTE, 2004 },
    };
    if (!flag(rs, RENDER_FLAG_XTERM_MODES))
        return;
    int track = mouse_tracking(modes);
    modes &= VT_MODE_MOUSE_SGR | VT_MODE_FOCUS | VT_MODE_BRACKETED_PASTE;
    if (track != 0)
        modes |= VT_MODE_MOUSE | (track == 1002 ? VT_MODE_MOUSE_BUTTON : 0) |
                 (track == 1003 ? VT_MODE_MOUSE_ANY : 0);
    bool known = rs->modes_known;
    int had = known ? mouse_tracking(rs->modes) : -1;
    uint32_t changed = known ? modes ^ rs->modes : ~(uint32_t)0;

    /* Everything going off first (the old tracking mode before its encoding), then
     * everything coming on (the encoding before the tracking). */
    if (track != had) {
        if (!known) {
            for (int m = 1000; m <= 1003; m++) {
                if (m != 1001 && m != track)
                    mode_out(out, m, false);
            }
        } else if (had != 0) {
            mode_out(out, had, false);
        }
    }
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
        if ((changed & simple[i].bit) && !(modes & simple[i].bit))
            mode_out(out, simple[i].mode, false);
    }
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
        if ((changed & simple[i].bit) && (modes & simple[i].bit)) {
            mode_out(out, simple[i].mode, true);
        }
        if (i == 0 && track != had && track != 0)
            mode_out(out, track, true);
    }
    rs->modes = modes;
    rs->modes_known = true;
}
