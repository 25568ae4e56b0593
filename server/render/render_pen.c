/* render_pen.c - the terminal's pen: colours mapped to what the terminal can show
 * (RGB, 256, or the nearest of 16 or 8), attributes and colours changed with the
 * shortest SGR (the changes, or a reset and everything wanted) or capability by
 * capability on terminals whose SGR is not ANSI, and the OSC 8 hyperlink open. */
#include "render_pen.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "links.h"

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
uint32_t render_map_colour(const struct render_caps *caps, uint32_t c)
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

/* The attributes with a capability: what the terminal can show at all. */
uint16_t render_pen_attrs(const struct render_caps *caps)
{
    uint16_t mask = 0;
    for (size_t i = 0; i < ATTR_TABLE_SIZE; i++) {
        if (render_caps_string(caps, attr_table[i].cap) != NULL)
            mask |= attr_table[i].attr;
    }
    return mask;
}

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

void render_pen_reset(struct render_state *rs)
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
void render_pen_set(struct render_state *rs, const struct render_pen *t)
{
    if (!rs->pen_known)
        render_pen_reset(rs);
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
        render_pen_reset(rs);
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

void render_cell_pen(const struct render_state *rs, const struct grid_cell *c,
                     struct render_pen *p)
{
    p->attr = c->attr & rs->attr_mask;
    p->fg = render_map_colour(rs->caps, c->fg);
    p->bg = render_map_colour(rs->caps, c->bg);
    p->ul = rs->ul_colour && (p->attr & ATTR_UNDERLINE) ? render_map_colour(rs->caps, c->ul)
                                                        : COLOUR_DEFAULT;
}

/* Set the pen for an erasure to background bg, disturbing as little as possible. */
void render_pen_for_erase(struct render_state *rs, uint32_t bg)
{
    struct render_pen p = rs->pen;
    if (!rs->pen_known)
        p.fg = COLOUR_DEFAULT;
    p.attr = 0;
    p.bg = render_map_colour(rs->caps, bg);
    render_pen_set(rs, &p);
}

/* --- Hyperlinks --- */

/* Make n the hyperlink the terminal has open (0: none), sending OSC 8 if it is not. */
void render_link_set(struct render_state *rs, uint16_t n)
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
