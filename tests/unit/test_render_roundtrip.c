/* test_render_roundtrip.c - the renderer's strongest check: the bytes render_frame
 * produces, fed into tmx's own vt of the same size, must make the vt's screen equal the
 * wanted canvas, cell for cell and cursor included, for first frames and for long
 * sequences of incremental frames (which proves the diff and the front buffer right). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "grid.h"
#include "links.h"
#include "render.h"
#include "xmalloc.h"
#include "vt.h"

/* Deterministic pseudo-random numbers (xorshift32), so failures reproduce. */
static uint32_t rng_state;

static uint32_t rng(void)
{
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

static int rng_below(int n)
{
    return (int)(rng() % (uint32_t)n);
}

/* What one terminal under test can show, so generated canvases stay representable. */
struct profile {
    const char *term;
    bool truecolor;
    int colours;       /* 0, 8, 256, or RENDER_COLOURS_RGB: colours to generate */
    uint16_t attrs;    /* attributes the terminal has */
    bool sync;         /* frames wrapped in synchronized updates */
    bool extended;     /* underline styles and colours (Smulx), overline (Smol) */
    int links;         /* hyperlinks shown: how many distinct URIs to draw from (0: none) */
};

static const uint16_t all_attrs = ATTR_BOLD | ATTR_DIM | ATTR_ITALIC | ATTR_UNDERLINE |
                                  ATTR_BLINK | ATTR_REVERSE | ATTR_HIDDEN | ATTR_STRIKE;

static uint32_t random_colour(const struct profile *p)
{
    int r = rng_below(10);
    if (p->colours == 0 || r < 4)
        return COLOUR_DEFAULT;
    if (p->colours == RENDER_COLOURS_8)
        return COLOUR_PALETTE | (uint32_t)rng_below(8);
    if (p->colours == RENDER_COLOURS_RGB && r >= 7)
        return COLOUR_RGB | (rng() & 0xffffff);
    return COLOUR_PALETTE | (uint32_t)rng_below(r < 6 ? 16 : 256);
}

static uint16_t random_attr(const struct profile *p)
{
    if (rng_below(3) != 0)
        return 0;
    uint16_t attr = (uint16_t)(rng() & p->attrs);
    if (p->extended) {
        if (rng_below(3) == 0)
            attr |= ATTR_OVERLINE;
        if (attr & ATTR_UNDERLINE) /* single (0), double, curly, dotted or dashed */
            attr |= (uint16_t)((rng_below(5) == 0 ? 0 : 1 + rng_below(5)) << ATTR_UNDERLINE_STYLE_SHIFT);
    }
    return attr;
}

/* The underline colour of a cell with these attributes. */
static uint32_t random_ul(const struct profile *p, uint16_t attr)
{
    if (!p->extended || !(attr & ATTR_UNDERLINE) || rng_below(2) == 0)
        return COLOUR_DEFAULT;
    return rng_below(2) ? (COLOUR_RGB | (rng() & 0xffffff)) : (COLOUR_PALETTE | (rng() & 0xff));
}

static uint32_t random_narrow_char(void)
{
    static const uint32_t others[] = { 0xe9, 0xdf, 0x3bb, 0x416, 0x2500, 0x2502, 0x253c,
                                       0x2588, 0x20ac };
    int r = rng_below(20);
    if (r < 3)
        return 0;
    if (r < 4)
        return ' ';
    if (r < 5)
        return others[rng_below((int)(sizeof others / sizeof others[0]))];
    return (uint32_t)(0x21 + rng_below(0x7e - 0x21 + 1));
}

static struct grid_cell *cell(struct canvas *c, int x, int y)
{
    return canvas_cell(c, x, y);
}

/* A link for new text, from p->links URIs (a few with ids), or none. The canvas's
 * table is the test's own, like a vt's: frames are imported from it (draw_links). */
static unsigned random_link(struct canvas *c, const struct profile *p)
{
    if (p->links == 0 || c->links == NULL || rng_below(3) == 0)
        return 0;
    char uri[64], id[16];
    int k = rng_below(p->links);
    int n = snprintf(uri, sizeof uri, "http://h/%d?q=%d", k, k * 7);
    int nid = k % 3 == 0 ? snprintf(id, sizeof id, "i%d", k % 5) : 0;
    return links_intern(c->links, id, (size_t)nid, uri, (size_t)n);
}

/* Make (x, y) a plain blank, first repairing any wide character it belonged to. */
static void unpair(struct canvas *c, int x, int y)
{
    struct grid_cell *g = cell(c, x, y);
    if (grid_cell_width(g) == 0 && x > 0) {
        struct grid_cell *l = cell(c, x - 1, y);
        l->ch = 0;
        l->comb = 0;
        grid_cell_set_width(l, 1);
    }
    if (grid_cell_width(g) == 2 && x + 1 < c->cols) {
        struct grid_cell *r = cell(c, x + 1, y);
        r->ch = 0;
        grid_cell_set_width(r, 1);
    }
}

static void set_narrow(struct canvas *c, const struct profile *p, int x, int y, uint32_t ch)
{
    unpair(c, x, y);
    struct grid_cell *g = cell(c, x, y);
    g->ch = ch;
    g->comb = (ch >= 'a' && ch <= 'z' && rng_below(8) == 0) ? 0x301 : 0;
    grid_cell_set_width(g, 1);
    g->fg = random_colour(p);
    g->bg = random_colour(p);
    g->attr = random_attr(p);
    g->ul = random_ul(p, g->attr);
    grid_cell_set_link(g, random_link(c, p));
}

static void set_wide(struct canvas *c, const struct profile *p, int x, int y)
{
    if (x + 1 >= c->cols)
        return;
    unpair(c, x, y);
    unpair(c, x + 1, y);
    struct grid_cell *l = cell(c, x, y), *r = cell(c, x + 1, y);
    l->ch = 0x4e00 + (uint32_t)rng_below(0x400);
    l->comb = 0;
    grid_cell_set_width(l, 2);
    l->fg = random_colour(p);
    l->bg = random_colour(p);
    l->attr = random_attr(p);
    l->ul = random_ul(p, l->attr);
    grid_cell_set_link(l, random_link(c, p));
    *r = *l;
    r->ch = 0;
    grid_cell_set_width(r, 0);
}

/* Blank from x to the end of row y in one background: a line the program erased. */
static void blank_tail(struct canvas *c, const struct profile *p, int x, int y)
{
    uint32_t bg = rng_below(2) ? COLOUR_DEFAULT : random_colour(p);
    unpair(c, x, y);
    for (int i = x; i < c->cols; i++) {
        struct grid_cell *g = cell(c, i, y);
        memset(g, 0, sizeof *g);
        grid_cell_set_width(g, 1);
        g->bg = bg;
    }
}

static void random_cursor(struct canvas *c)
{
    c->cx = rng_below(c->cols);
    c->cy = rng_below(c->rows);
    c->cursor_visible = rng_below(4) != 0;
    c->cursor_style = rng_below(5) == 0 ? rng_below(7) : 0;
}

static void fill_random(struct canvas *c, const struct profile *p)
{
    for (int y = 0; y < c->rows; y++) {
        for (int x = 0; x < c->cols; x++) {
            if (rng_below(12) == 0)
                set_wide(c, p, x, y);
            else if (grid_cell_width(cell(c, x, y)) != 0)
                set_narrow(c, p, x, y, random_narrow_char());
        }
        if (rng_below(3) == 0)
            blank_tail(c, p, rng_below(c->cols), y);
    }
    random_cursor(c);
}

/* A typical frame-to-frame change: a few cells, a run of text, an erased line end,
 * a scrolled region, or everything. */
static void mutate(struct canvas *c, const struct profile *p)
{
    int kind = rng_below(12);
    int y = rng_below(c->rows), x = rng_below(c->cols);
    if (kind < 3) {
        for (int n = rng_below(4) + 1; n > 0; n--)
            set_narrow(c, p, rng_below(c->cols), rng_below(c->rows), random_narrow_char());
    } else if (kind < 5) {
        uint32_t fg = random_colour(p), bg = random_colour(p);
        uint16_t attr = random_attr(p);
        uint32_t ul = random_ul(p, attr);
        unsigned link = random_link(c, p); /* a linked run of text */
        for (int n = rng_below(c->cols); n > 0 && x < c->cols; n--, x++) {
            set_narrow(c, p, x, y, (uint32_t)(0x21 + rng_below(90)));
            cell(c, x, y)->fg = fg;
            cell(c, x, y)->bg = bg;
            cell(c, x, y)->attr = attr;
            cell(c, x, y)->ul = ul;
            grid_cell_set_link(cell(c, x, y), link);
        }
    } else if (kind < 6) {
        for (int n = rng_below(4) + 1; n > 0; n--)
            set_wide(c, p, rng_below(c->cols), rng_below(c->rows));
    } else if (kind < 7) {
        blank_tail(c, p, x, y);
    } else if (kind < 8) {
        /* rows [top, bottom] scroll up or down by n, new lines appear: a program's
         * output running up the screen, maybe above a status line */
        int top = rng_below(2) ? 0 : rng_below(c->rows);
        int bottom = rng_below(2) ? c->rows - 1 : c->rows - 2;
        if (bottom < top)
            bottom = top;
        int height = bottom - top + 1, n = rng_below(3) + 1;
        if (n > height)
            n = height;
        size_t cols = (size_t)c->cols, keep = (size_t)(height - n);
        struct grid_cell *first = cell(c, 0, top);
        bool up = rng_below(4) != 0;
        if (up)
            memmove(first, first + (size_t)n * cols, keep * cols * sizeof *first);
        else
            memmove(first + (size_t)n * cols, first, keep * cols * sizeof *first);
        int from = up ? bottom - n + 1 : top;
        for (y = from; y < from + n; y++) {
            blank_tail(c, p, 0, y);
            for (int i = 0; i < rng_below(c->cols + 1); i++)
                set_narrow(c, p, i, y, (uint32_t)('a' + i % 26));
        }
    } else if (kind < 9) {
        /* a long blank run in the middle of a line (ECH territory) */
        int n = rng_below(c->cols - x) + 1;
        uint32_t bg = rng_below(2) ? COLOUR_DEFAULT : random_colour(p);
        unpair(c, x, y);
        for (int i = x; i < x + n; i++) {
            struct grid_cell *g = cell(c, i, y);
            memset(g, 0, sizeof *g);
            grid_cell_set_width(g, 1);
            g->bg = bg;
        }
        if (x + n < c->cols && grid_cell_width(cell(c, x + n, y)) == 0) {
            grid_cell_set_width(cell(c, x + n, y), 1);
        }
    } else if (kind < 11) {
        /* a run of one character in one pen (a rule, a filled bar): REP territory,
         * often reaching the last column */
        static const char rule[] = " -=#._";
        uint32_t ch = (uint32_t)rule[rng_below((int)sizeof rule - 1)];
        uint32_t fg = random_colour(p), bg = random_colour(p);
        uint16_t attr = random_attr(p);
        unsigned link = random_link(c, p);
        int n = rng_below(2) ? c->cols - x : rng_below(c->cols - x) + 1;
        for (int i = x; i < x + n; i++) {
            set_narrow(c, p, i, y, ch);
            cell(c, i, y)->fg = fg;
            cell(c, i, y)->bg = bg;
            cell(c, i, y)->attr = attr;
            grid_cell_set_link(cell(c, i, y), link);
        }
        if (x + n < c->cols && grid_cell_width(cell(c, x + n, y)) == 0)
            grid_cell_set_width(cell(c, x + n, y), 1);
    } else {
        fill_random(c, p);
    }
    if (rng_below(3) == 0)
        random_cursor(c);
}

static void describe(char *buf, size_t size, const struct grid_cell *g)
{
    snprintf(buf, size, "ch=U+%04X comb=%X w=%u fg=%08X bg=%08X attr=%04X ul=%08X link=%u",
             g->ch, g->comb, grid_cell_width(g), g->fg, g->bg, g->attr, g->ul, grid_cell_link(g));
}

/* Attributes with underline style 1 (SGR 4:1) written as 0: both are one line. */
static uint16_t same_underline(uint16_t attr)
{
    if (ATTR_UNDERLINE_STYLE(attr) == 1)
        attr &= (uint16_t)~ATTR_UNDERLINE_STYLE_MASK;
    return attr;
}

/* Whether the vt shows canvas cell w. Blanks need only agree on the background. */
static bool cell_matches(const struct grid_cell *w, const struct grid_cell *v)
{
    uint16_t on_blank = ATTR_UNDERLINE | ATTR_REVERSE | ATTR_STRIKE | ATTR_OVERLINE;
    if (grid_cell_width(w) != grid_cell_width(v))
        return false;
    if (grid_cell_width(w) == 0)
        return true;
    uint32_t wch = w->ch == 0 ? ' ' : w->ch, vch = v->ch == 0 ? ' ' : v->ch;
    bool wblank = wch == ' ' && w->comb == 0 && !(w->attr & on_blank);
    bool vblank = vch == ' ' && v->comb == 0 && !(v->attr & on_blank);
    if (wblank && vblank)
        return w->bg == v->bg;
    return wch == vch && w->comb == v->comb && w->fg == v->fg && w->bg == v->bg &&
           same_underline(w->attr) == same_underline(v->attr) &&
           (w->ul == v->ul || !(w->attr & ATTR_UNDERLINE)); /* a colour for no line */
}

/* Whether the vt's cell v has the link (URI and id) of canvas cell w. */
static bool link_matches(const struct canvas *c, const struct grid_cell *w, struct vt *vt,
                         const struct grid_cell *v)
{
    if (grid_cell_width(w) == 0)
        return true;
    const char *wu = grid_cell_link(w) != 0 && c->links != NULL
                         ? links_uri(c->links, grid_cell_link(w)) : NULL;
    const char *vu = grid_cell_link(v) != 0 ? links_uri(vt_links(vt), grid_cell_link(v))
                                            : NULL;
    if (wu == NULL || vu == NULL)
        return wu == vu;
    return strcmp(wu, vu) == 0 && strcmp(links_id(c->links, grid_cell_link(w)),
                                         links_id(vt_links(vt), grid_cell_link(v))) == 0;
}

static void dump_bytes(const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n && i < 4000; i++) {
        if (b[i] == 0x1b)
            fputs("\\e", stderr);
        else if (b[i] < 0x20 || b[i] >= 0x7f)
            fprintf(stderr, "\\x%02x", b[i]);
        else
            fputc(b[i], stderr);
    }
    fputc('\n', stderr);
}

/* Render c, feed the bytes to vt, and check the vt shows exactly c, with the links of
 * 'src' (c's cells before their links were imported, which keeps its numbers valid
 * while the renderer may renumber its own after the frame). */
static void render_and_check_links(const struct render_caps *caps, struct render_state *rs,
                                   struct vt *vt, const struct canvas *c,
                                   const struct canvas *src, int step)
{
    struct evbuffer *out = evbuffer_new();
    render_frame(rs, c, out);
    size_t n = evbuffer_get_length(out);
    unsigned char *bytes = evbuffer_pullup(out, -1);
    vt_feed(vt, bytes, n);

    for (int y = 0; y < c->rows; y++) {
        for (int x = 0; x < c->cols; x++) {
            const struct grid_cell *w = &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
            const struct grid_cell *v = vt_cell(vt, x, y);
            const struct grid_cell *ws = &src->cells[(size_t)y * (size_t)c->cols + (size_t)x];
            if (!cell_matches(w, v) || !link_matches(src, ws, vt, v)) {
                char a[128], b[128];
                describe(a, sizeof a, w);
                describe(b, sizeof b, v);
                fprintf(stderr, "frame bytes (%zu): ", n);
                dump_bytes(bytes, n);
                evbuffer_free(out);
                const char *wu = grid_cell_link(ws) != 0 && src->links != NULL
                                     ? links_uri(src->links, grid_cell_link(ws)) : NULL;
                const char *vu = grid_cell_link(v) != 0
                                     ? links_uri(vt_links(vt), grid_cell_link(v)) : NULL;
                fail_msg("step %d cell (%d,%d): want %s %s, vt has %s %s", step, x, y, a,
                         wu != NULL ? wu : "-", b, vu != NULL ? vu : "-");
            }
        }
    }
    int vx, vy;
    vt_cursor(vt, &vx, &vy);
    if (vx != c->cx || vy != c->cy) {
        fprintf(stderr, "frame bytes (%zu): ", n);
        dump_bytes(bytes, n);
        evbuffer_free(out);
        fail_msg("step %d cursor: want (%d,%d), vt has (%d,%d)", step, c->cx, c->cy, vx, vy);
    }
    /* a synchronized update, if any, is always ended, and so is a hyperlink */
    assert_int_equal(vt_modes(vt) & VT_MODE_SYNC, 0);
    const char *last_link = NULL;
    for (size_t i = 0; i + 4 <= n; i++) {
        if (memcmp(bytes + i, "\033]8;", 4) == 0)
            last_link = (const char *)bytes + i;
    }
    if (last_link != NULL)
        assert_memory_equal(last_link, "\033]8;;\033\\", 6);
    /* cursor visibility and style only where the terminal can change them */
    if (render_caps_string(caps, RENDER_CAP_CIVIS) != NULL)
        assert_int_equal((vt_modes(vt) & VT_MODE_CURSOR_VISIBLE) != 0, c->cursor_visible);
    if (render_caps_string(caps, RENDER_CAP_SS) != NULL)
        assert_int_equal(vt_cursor_style(vt), c->cursor_style);
    evbuffer_free(out);
}

/* The canvas rs draws for c: c itself without links, else a copy whose links are
 * renumbered into rs's table (what composing a frame from a pane does). */
static const struct canvas *import_frame(struct canvas *drawn, const struct canvas *c,
                                         struct render_state *rs)
{
    if (c->links == NULL)
        return c;
    size_t n = (size_t)c->cols * (size_t)c->rows;
    memcpy(drawn->cells, c->cells, n * sizeof *c->cells);
    drawn->cx = c->cx;
    drawn->cy = c->cy;
    drawn->cursor_visible = c->cursor_visible;
    drawn->cursor_style = c->cursor_style;
    drawn->links = render_links(rs);
    canvas_import_links(drawn, drawn->cells, (int)n, c->links);
    return drawn;
}

static void render_and_check(const struct render_caps *caps, struct render_state *rs,
                             struct vt *vt, const struct canvas *c, int step)
{
    render_and_check_links(caps, rs, vt, c, c, step);
}

/* A long run of frames on one terminal: a first full frame, incremental changes,
 * an invalidate and a resize along the way. */
static int run_profile(const struct profile *p, uint32_t seed, int cols, int rows, int steps)
{
    int renumbered = 0;
    char err[256];
    const struct render_caps *caps = render_caps_get(p->term, p->truecolor, err, sizeof err);
    if (caps == NULL)
        fail_msg("%s", err);
    rng_state = seed;
    struct render_state *rs = render_create(caps, true);
    if (p->sync)
        render_set_sync(rs, true);
    /* With links, the canvas drawn is imported from the test's one as a pane's is
     * from its vt: the test's numbers become the renderer's. */
    struct links *src = p->links > 0 ? links_create(NULL, NULL) : NULL;
    if (src != NULL)
        render_set_hyperlinks(rs, true);
    struct vt *vt = vt_create(cols, rows, 0);
    struct canvas c, drawn;
    canvas_init(&c, cols, rows);
    canvas_init(&drawn, cols, rows);
    c.links = src;
    fill_random(&c, p);
    render_and_check_links(caps, rs, vt, import_frame(&drawn, &c, rs), &c, 0);
    for (int step = 1; step <= steps; step++) {
        if (step == steps / 2) {
            render_invalidate(rs);
        } else if (step == steps * 3 / 4) {
            canvas_free(&c);
            canvas_free(&drawn);
            cols += 3;
            rows -= 1;
            canvas_init(&c, cols, rows);
            canvas_init(&drawn, cols, rows);
            c.links = src;
            vt_resize(vt, cols, rows);
            fill_random(&c, p);
        }
        mutate(&c, p);
        render_and_check_links(caps, rs, vt, import_frame(&drawn, &c, rs), &c, step);
        if (src != NULL && links_count(render_links(rs)) == 0) {
            /* the renderer renumbered its links: the same frame redraws linked cells */
            render_and_check_links(caps, rs, vt, import_frame(&drawn, &c, rs), &c, step);
            renumbered++;
        }
        /* an unchanged frame sends nothing at all */
        struct evbuffer *out = evbuffer_new();
        render_frame(rs, import_frame(&drawn, &c, rs), out);
        assert_int_equal(evbuffer_get_length(out), 0);
        evbuffer_free(out);
    }
    canvas_free(&c);
    canvas_free(&drawn);
    vt_free(vt);
    render_free(rs);
    links_free(src);
    return renumbered;
}

static void test_roundtrip_truecolour_xterm(void **state)
{
    (void)state;
    struct profile p = { "xterm-256color", true, RENDER_COLOURS_RGB, all_attrs, false, false, 0 };
    for (uint32_t seed = 1; seed <= 20; seed++)
        run_profile(&p, seed * 2654435761u, 40, 12, 60);
}

static void test_roundtrip_256_colour_xterm(void **state)
{
    (void)state;
    struct profile p = { "xterm-256color", false, RENDER_COLOURS_256, all_attrs, false, false, 0 };
    for (uint32_t seed = 1; seed <= 20; seed++)
        run_profile(&p, seed * 40503u + 7, 80, 24, 40);
}

static void test_roundtrip_8_colour_xterm(void **state)
{
    (void)state;
    struct profile p = { "xterm", false, RENDER_COLOURS_8, all_attrs, false, false, 0 };
    for (uint32_t seed = 1; seed <= 10; seed++)
        run_profile(&p, seed * 977u + 3, 30, 8, 60);
}

static void test_roundtrip_screen_without_bce(void **state)
{
    (void)state;
    struct profile p = { "screen", false, RENDER_COLOURS_8,
                         ATTR_BOLD | ATTR_DIM | ATTR_UNDERLINE | ATTR_BLINK | ATTR_REVERSE,
                         false, false, 0 };
    for (uint32_t seed = 1; seed <= 10; seed++)
        run_profile(&p, seed * 7919u + 11, 33, 9, 60);
}

static void test_roundtrip_vt100_without_colours(void **state)
{
    (void)state;
    struct profile p = { "vt100", false, 0,
                         ATTR_BOLD | ATTR_UNDERLINE | ATTR_BLINK | ATTR_REVERSE, false, false, 0 };
    for (uint32_t seed = 1; seed <= 10; seed++)
        run_profile(&p, seed * 104729u + 5, 25, 7, 60);
}

static void test_roundtrip_tiny_screens(void **state)
{
    (void)state;
    struct profile p = { "xterm-256color", true, RENDER_COLOURS_RGB, all_attrs, false, false, 0 };
    for (uint32_t seed = 1; seed <= 30; seed++)
        run_profile(&p, seed * 31337u + 1, 2 + (int)(seed % 3), 2 + (int)(seed % 4), 30);
}

static void test_roundtrip_synchronized_xterm(void **state)
{
    (void)state;
    struct profile p = { "xterm-256color", false, RENDER_COLOURS_256, all_attrs, true, false, 0 };
    for (uint32_t seed = 1; seed <= 10; seed++)
        run_profile(&p, seed * 6007u + 13, 50, 14, 60);
}

/* A terminal with styled and coloured underlines and overline (vte's terminfo has
 * Smulx and Smol): every style, colour and overline reaches the terminal. */
static void test_roundtrip_underline_styles_colours_and_overline(void **state)
{
    (void)state;
    struct profile p = { "vte-256color", true, RENDER_COLOURS_RGB, all_attrs, false, true, 0 };
    for (uint32_t seed = 1; seed <= 20; seed++)
        run_profile(&p, seed * 1000003u + 17, 40, 12, 60);
}

/* Where the terminal has no styled underlines (xterm's terminfo lacks Smulx and
 * Smol), a curly coloured underline is drawn as a plain one and overline not at all:
 * never a sequence the terminal could misread. */
/* Hyperlinks: linked runs of text, REP runs and wide characters, links changing under
 * unchanged text, scrolling and erasing around them: the vt ends up with every cell's
 * link (URI and id) as wanted and no link left open after any frame. With thousands
 * of URIs the renderer's table fills and is renumbered along the way. */
static void test_roundtrip_hyperlinks(void **state)
{
    (void)state;
    struct profile p = { "xterm-256color", true, RENDER_COLOURS_RGB, all_attrs, false, false, 6 };
    for (uint32_t seed = 1; seed <= 20; seed++)
        run_profile(&p, seed * 2246822519u + 3, 40, 12, 60);
    struct profile many = { "xterm-256color", false, RENDER_COLOURS_256, all_attrs, true, false,
                            3000 };
    int renumbered = 0;
    for (uint32_t seed = 1; seed <= 4; seed++)
        renumbered += run_profile(&many, seed * 3266489917u + 5, 60, 20, 80);
    assert_true(renumbered >= 4);
}

static void test_plain_terminal_gets_a_plain_underline(void **state)
{
    (void)state;
    char err[256];
    const struct render_caps *caps = render_caps_get("xterm-256color", false, err, sizeof err);
    assert_non_null(caps);
    struct render_state *rs = render_create(caps, true);
    struct canvas c;
    canvas_init(&c, 10, 2);
    struct grid_cell *g = canvas_cell(&c, 0, 0);
    g->ch = 'x';
    g->attr = ATTR_UNDERLINE | ATTR_OVERLINE | (3 << ATTR_UNDERLINE_STYLE_SHIFT);
    g->ul = COLOUR_PALETTE | 196;
    struct evbuffer *out = evbuffer_new();
    render_frame(rs, &c, out);
    size_t n = evbuffer_get_length(out);
    char *bytes = xstrndup((const char *)evbuffer_pullup(out, -1), n);
    assert_non_null(strstr(bytes, "\033[4mx"));
    assert_null(strstr(bytes, "4:"));
    assert_null(strstr(bytes, "58"));
    assert_null(strstr(bytes, "53"));
    free(bytes);
    evbuffer_free(out);
    canvas_free(&c);
    render_free(rs);
}

/* Several combining marks on one cell are all drawn, after their character, in the
 * order they came: the canvas numbers them in the renderer's table (two vts' cells with
 * the same marks get the same number), a changed sequence is drawn again, and the
 * terminal's vt ends up with every mark. A canvas without a table keeps the first. */
#define MARKS3 "\xcc\x81\xcc\xa3\xcc\x83" /* U+0301 U+0323 U+0303 */
static void row_from_vt(struct canvas *c, int y, const struct vt *vt)
{
    for (int x = 0; x < c->cols; x++)
        *canvas_cell(c, x, y) = *vt_cell(vt, x, 0);
    canvas_import_combs(c, canvas_cell(c, 0, y), c->cols, vt_grid(vt));
}

static const char *marks_of(const struct vt *vt, int x, int y)
{
    static char out[GRID_MARKS_UTF8_MAX + 1];
    out[grid_cell_marks_utf8(vt_grid(vt), vt_cell(vt, x, y), out)] = '\0';
    return out;
}

static void test_several_combining_marks_drawn(void **state)
{
    (void)state;
    char err[256];
    const struct render_caps *caps = render_caps_get("xterm-256color", false, err, sizeof err);
    assert_non_null(caps);
    struct render_state *rs = render_create(caps, true);
    struct vt *a = vt_create(10, 1, 0), *b = vt_create(10, 1, 0), *term = vt_create(10, 3, 0);
    const char *ta = "e" MARKS3 "x\xcc\x81\xcc\x81o", *tb = "qe" MARKS3;
    vt_feed(a, ta, strlen(ta));
    vt_feed(b, tb, strlen(tb));
    struct canvas c;
    canvas_init(&c, 10, 3);
    c.combs = render_combs(rs);
    row_from_vt(&c, 0, a);
    row_from_vt(&c, 1, b);
    assert_true(canvas_cell(&c, 0, 0)->comb & GRID_COMB_SEQ);
    assert_int_equal(canvas_cell(&c, 0, 0)->comb, canvas_cell(&c, 1, 1)->comb);
    struct evbuffer *out = evbuffer_new();
    render_frame(rs, &c, out);
    vt_feed(term, evbuffer_pullup(out, -1), evbuffer_get_length(out));
    evbuffer_drain(out, evbuffer_get_length(out));
    assert_string_equal(marks_of(term, 0, 0), MARKS3);
    assert_string_equal(marks_of(term, 1, 0), "\xcc\x81\xcc\x81");
    assert_string_equal(marks_of(term, 2, 0), "");
    assert_string_equal(marks_of(term, 1, 1), MARKS3);
    /* The program changes its marks: only that cell differs, and is drawn again. */
    const char *again = "\re\xcc\xa3\xcc\x81";
    vt_feed(a, again, strlen(again));
    row_from_vt(&c, 0, a);
    canvas_none_dirty(&c);
    c.dirty[0] = 1;
    render_frame(rs, &c, out);
    vt_feed(term, evbuffer_pullup(out, -1), evbuffer_get_length(out));
    assert_string_equal(marks_of(term, 0, 0), "\xcc\xa3\xcc\x81");
    assert_string_equal(marks_of(term, 1, 0), "\xcc\x81\xcc\x81");
    /* No table: the first mark only. */
    struct canvas plain;
    canvas_init(&plain, 10, 1);
    row_from_vt(&plain, 0, b);
    assert_int_equal(canvas_cell(&plain, 1, 0)->comb, 0x301);
    canvas_free(&plain);
    evbuffer_free(out);
    canvas_free(&c);
    vt_free(a);
    vt_free(b);
    vt_free(term);
    render_free(rs);
}

/* --- A scripted session: a shell pane above a status line --- */

/* Rows [0, rows-2] scroll up by one; the new bottom pane row is blank. */
static void pane_scroll_up(struct canvas *c)
{
    size_t cols = (size_t)c->cols;
    memmove(c->cells, c->cells + cols, cols * (size_t)(c->rows - 2) * sizeof *c->cells);
    for (int x = 0; x < c->cols; x++) {
        struct grid_cell *g = cell(c, x, c->rows - 2);
        memset(g, 0, sizeof *g);
        grid_cell_set_width(g, 1);
    }
}

static void put_ascii(struct canvas *c, int x, int y, const char *s, uint32_t fg,
                      uint32_t bg)
{
    for (; *s != '\0' && x < c->cols; s++, x++) {
        struct grid_cell *g = cell(c, x, y);
        unpair(c, x, y);
        memset(g, 0, sizeof *g);
        g->ch = (unsigned char)*s;
        grid_cell_set_width(g, 1);
        g->fg = fg;
        g->bg = bg;
    }
}

static void put_wide_at(struct canvas *c, int x, int y, uint32_t ch, uint32_t fg)
{
    if (x < 0 || x + 1 >= c->cols)
        return;
    unpair(c, x, y);
    unpair(c, x + 1, y);
    struct grid_cell *l = cell(c, x, y), *r = cell(c, x + 1, y);
    memset(l, 0, sizeof *l);
    l->ch = ch;
    grid_cell_set_width(l, 2);
    l->fg = fg;
    *r = *l;
    r->ch = 0;
    grid_cell_set_width(r, 0);
}

/* The status line on the last row: "[s] 0:sh* 1:vim-" left, a clock right, in the
 * status colours; sometimes a wide character ends it in the bottom-right corner. */
static void session_status(struct canvas *c, int step, uint32_t fg, uint32_t bg)
{
    int y = c->rows - 1;
    for (int x = 0; x < c->cols; x++) {
        unpair(c, x, y);
        struct grid_cell *g = cell(c, x, y);
        memset(g, 0, sizeof *g);
        grid_cell_set_width(g, 1);
        g->fg = fg;
        g->bg = bg;
    }
    put_ascii(c, 0, y, step % 26 < 13 ? "[s] 0:sh* 1:vim-" : "[s] 0:sh- 1:vim*", fg, bg);
    char clock[16];
    snprintf(clock, sizeof clock, "%02d:%02d", 10 + step / 420, step / 7 % 60);
    put_ascii(c, c->cols - 5 - (step % 3 == 0 ? 2 : 0), y, clock, fg, bg);
    if (step % 3 == 0)
        put_wide_at(c, c->cols - 2, y, 0x65e5, fg); /* 日 in the corner */
}

/* One line of program output on the bottom pane row. */
static void session_line(struct canvas *c, int step)
{
    int y = c->rows - 2;
    char text[64];
    snprintf(text, sizeof text, "step %d: output", step);
    put_ascii(c, 0, y, text, COLOUR_DEFAULT, COLOUR_DEFAULT);
    switch (step % 6) {
    case 0: /* a wide character exactly filling the last two columns */
        put_wide_at(c, c->cols - 2, y, 0x4e2d, COLOUR_PALETTE | 3);
        break;
    case 1: /* one that does not fit in the last column: that column stays blank */
        put_wide_at(c, c->cols - 3, y, 0x6587, COLOUR_DEFAULT);
        break;
    case 2: /* a rule across the whole width */
        for (int x = 0; x < c->cols; x++)
            put_ascii(c, x, y, "-", COLOUR_PALETTE | 4, COLOUR_DEFAULT);
        break;
    case 3: /* coloured words and a coloured blank tail */
        put_ascii(c, 2, y, "ERROR", COLOUR_PALETTE | 1, COLOUR_DEFAULT);
        for (int x = 20; x < c->cols; x++)
            put_ascii(c, x, y, " ", COLOUR_DEFAULT, COLOUR_PALETTE | 52);
        break;
    case 4: /* a wide character in the first column */
        put_wide_at(c, 0, y, 0x5b57, COLOUR_RGB | 0x336699);
        break;
    default:
        break;
    }
}

/* A canvas of the new size keeping what fits of the old one (a wide character cut by
 * the new right edge becomes a blank), cursor kept inside. */
static void session_resize(struct canvas *c, int cols, int rows)
{
    struct canvas n;
    canvas_init(&n, cols, rows);
    for (int y = 0; y < rows && y < c->rows; y++) {
        for (int x = 0; x < cols && x < c->cols; x++)
            *cell(&n, x, y) = *cell(c, x, y);
        if (cols < c->cols && grid_cell_width(cell(&n, cols - 1, y)) == 2) {
            cell(&n, cols - 1, y)->ch = 0;
            grid_cell_set_width(cell(&n, cols - 1, y), 1);
        }
    }
    n.cx = c->cx < cols ? c->cx : cols - 1;
    n.cy = c->cy < rows ? c->cy : rows - 1;
    canvas_free(c);
    *c = n;
}

/* Only colours the terminal can show exactly, so the vt can be compared cell for cell. */
static uint32_t session_colour(uint32_t c, int colours)
{
    if (colours == 0 || c == COLOUR_DEFAULT)
        return COLOUR_DEFAULT;
    if (COLOUR_KIND(c) == COLOUR_RGB)
        return colours == RENDER_COLOURS_RGB ? c : COLOUR_PALETTE | 4;
    uint32_t v = COLOUR_VALUE(c) & 0xff;
    return COLOUR_PALETTE | (colours >= RENDER_COLOURS_256 ? v : v % (uint32_t)colours);
}

static void session_representable(struct canvas *c, int colours)
{
    for (size_t i = 0; i < (size_t)c->cols * (size_t)c->rows; i++) {
        c->cells[i].fg = session_colour(c->cells[i].fg, colours);
        c->cells[i].bg = session_colour(c->cells[i].bg, colours);
    }
}

static void run_session(const char *term, bool truecolor, bool sync)
{
    static const uint32_t status_bg[] = { COLOUR_PALETTE | 2, COLOUR_PALETTE | 4,
                                          COLOUR_RGB | 0x204060, COLOUR_PALETTE | 200,
                                          COLOUR_DEFAULT };
    static const struct {
        int step, cols, rows;
    } sizes[] = { { 60, 30, 8 }, { 100, 50, 12 }, { 140, 12, 3 }, { 170, 40, 10 } };
    char err[256];
    const struct render_caps *caps = render_caps_get(term, truecolor, err, sizeof err);
    if (caps == NULL)
        fail_msg("%s", err);
    struct render_state *rs = render_create(caps, true);
    render_set_sync(rs, sync);
    struct vt *vt = vt_create(40, 10, 0);
    struct canvas c;
    canvas_init(&c, 40, 10);
    uint32_t fg = COLOUR_PALETTE | 0, bg = status_bg[0];
    for (int step = 0; step < 200; step++) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            if (sizes[i].step == step) {
                session_resize(&c, sizes[i].cols, sizes[i].rows);
                vt_resize(vt, sizes[i].cols, sizes[i].rows);
            }
        }
        if (step % 11 == 10) {
            bg = status_bg[step / 11 % 5];
            fg = step % 2 ? COLOUR_PALETTE | 15 : COLOUR_PALETTE | 0;
        }
        if (step % 4 != 3) { /* output: one to three lines scroll up */
            for (int n = step % 3; n >= 0; n--) {
                pane_scroll_up(&c);
                session_line(&c, step * 3 + n);
            }
        } else { /* typing at the prompt */
            put_ascii(&c, step % c.cols, c.rows - 2, "k", COLOUR_DEFAULT, COLOUR_DEFAULT);
        }
        session_status(&c, step, fg, bg);
        c.cx = (step * 7) % c.cols;
        c.cy = c.rows - 2;
        session_representable(&c, render_caps_colours(caps));
        render_and_check(caps, rs, vt, &c, step);
    }
    canvas_free(&c);
    vt_free(vt);
    render_free(rs);
}

static void test_roundtrip_shell_session_with_status_line(void **state)
{
    (void)state;
    run_session("xterm-256color", false, false);
    run_session("xterm-256color", true, true);
    run_session("xterm", false, false);
    run_session("screen", false, false);
    run_session("vt100", false, false);
}

static int teardown_caps(void **state)
{
    (void)state;
    render_caps_free_all();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_truecolour_xterm),
        cmocka_unit_test(test_roundtrip_256_colour_xterm),
        cmocka_unit_test(test_roundtrip_8_colour_xterm),
        cmocka_unit_test(test_roundtrip_screen_without_bce),
        cmocka_unit_test(test_roundtrip_vt100_without_colours),
        cmocka_unit_test(test_roundtrip_tiny_screens),
        cmocka_unit_test(test_roundtrip_synchronized_xterm),
        cmocka_unit_test(test_roundtrip_underline_styles_colours_and_overline),
        cmocka_unit_test(test_roundtrip_hyperlinks),
        cmocka_unit_test(test_plain_terminal_gets_a_plain_underline),
        cmocka_unit_test(test_several_combining_marks_drawn),
        cmocka_unit_test(test_roundtrip_shell_session_with_status_line),
    };
    return cmocka_run_group_tests(tests, NULL, teardown_caps);
}
