/* vt_snapshot.c - a vt's screen state and lines as bytes and back (vt_snapshot.h). The
 * encoder writes what the screen holds; the decoder accepts only what a screen could
 * hold (sizes, positions, colours, characters: no C0/C1 control in a cell), so a
 * snapshot file cannot put anything into a vt that its own parser would not. */
#include "vt_snapshot.h"

#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "screen.h"
#include "screen_strings.h"
#include "vt.h"
#include "xmalloc.h"

#define STATE_VERSION 1

/* Line tokens: a printable ASCII byte is a cell of its own; the others: */
enum {
    TOK_CHAR = 0x01,  /* varint: a width-1 character */
    TOK_WIDE = 0x02,  /* varint: a width-2 character and its continuation cell */
    TOK_STYLE = 0x03, /* varint fg, bg, attr, ul: the style of the cells after it */
    TOK_BLANK = 0x04, /* varint n: n blank cells (character 0) */
    TOK_RAW = 0x05,   /* varint ch, comb, byte width: any other cell */
};

/* The known mode bits (vt_modes.h) a restored screen may have; mode 2026 (an update in
 * progress) is never restored. */
#define KNOWN_MODES ((uint32_t)((1u << 21) - 1) & ~(uint32_t)VT_MODE_SYNC)

static bool same_style(const struct grid_cell *a, const struct grid_cell *b)
{
    return a->fg == b->fg && a->bg == b->bg && a->attr == b->attr && a->ul == b->ul;
}

void vt_snapshot_put_line(struct sbuf *b, const struct grid_line *l)
{
    int used = l->used > VT_SNAPSHOT_MAX_COLS ? VT_SNAPSHOT_MAX_COLS : l->used;
    sbuf_varint(b, (uint64_t)(used < 0 ? 0 : used));
    sbuf_byte(b, l->wrapped ? 1 : 0);
    struct grid_cell style = GRID_BLANK_CELL;
    for (int x = 0; x < used;) {
        const struct grid_cell *c = &l->cells[x];
        if (!same_style(c, &style)) {
            sbuf_byte(b, TOK_STYLE);
            sbuf_varint(b, c->fg);
            sbuf_varint(b, c->bg);
            sbuf_varint(b, c->attr);
            sbuf_varint(b, c->ul);
            style = *c;
        }
        unsigned w = grid_cell_width(c);
        if (c->ch == 0 && c->comb == 0 && w == 1) {
            int n = 1;
            while (x + n < used && l->cells[x + n].ch == 0 && l->cells[x + n].comb == 0 &&
                   grid_cell_width(&l->cells[x + n]) == 1 && same_style(&l->cells[x + n], c))
                n++;
            sbuf_byte(b, TOK_BLANK);
            sbuf_varint(b, (uint64_t)n);
            x += n;
            continue;
        }
        if (w == 1 && c->comb == 0 && c->ch >= 0x20 && c->ch < 0x7f) {
            sbuf_byte(b, (uint8_t)c->ch);
        } else if (w == 1 && c->comb == 0) {
            sbuf_byte(b, TOK_CHAR);
            sbuf_varint(b, c->ch);
        } else if (w == 2 && c->comb == 0 && x + 1 < used && l->cells[x + 1].ch == 0 &&
                   l->cells[x + 1].comb == 0 && grid_cell_width(&l->cells[x + 1]) == 0 &&
                   same_style(&l->cells[x + 1], c)) {
            sbuf_byte(b, TOK_WIDE);
            sbuf_varint(b, c->ch);
            x++;
        } else {
            sbuf_byte(b, TOK_RAW);
            sbuf_varint(b, c->ch);
            sbuf_varint(b, c->comb);
            sbuf_byte(b, (uint8_t)w);
        }
        x++;
    }
}

/* A character a cell may hold: blank, or a Unicode scalar value that is no C0/C1
 * control and no surrogate. */
static bool valid_char(uint64_t ch)
{
    if (ch == 0)
        return true;
    if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
        return false;
    return ch <= 0x10ffff && !(ch >= 0xd800 && ch <= 0xdfff);
}

static bool valid_colour(uint64_t c)
{
    if (c > UINT32_MAX)
        return false;
    switch (COLOUR_KIND((uint32_t)c)) {
    case COLOUR_DEFAULT:
        return COLOUR_VALUE((uint32_t)c) == 0;
    case COLOUR_PALETTE:
        return COLOUR_VALUE((uint32_t)c) <= 255;
    case COLOUR_RGB:
        return true;
    default:
        return false;
    }
}

static struct grid_cell *line_cell(struct grid_line *out, int x)
{
    if (x >= out->size) {
        int size = out->size < 16 ? 16 : out->size;
        while (size <= x)
            size *= 2;
        out->cells = xreallocarray(out->cells, (size_t)size, sizeof *out->cells);
        out->size = size;
    }
    return &out->cells[x];
}

bool vt_snapshot_get_line(struct sbuf_reader *r, struct grid_line *out)
{
    uint64_t used = sbuf_get_varint(r);
    uint8_t flags = sbuf_get_byte(r);
    if (r->bad || used > VT_SNAPSHOT_MAX_COLS || (flags & ~1u) != 0) {
        r->bad = true;
        return false;
    }
    out->used = 0;
    out->wrapped = (flags & 1) != 0;
    out->plain = false;
    struct grid_cell style = GRID_BLANK_CELL;
    int x = 0;
    while (x < (int)used) {
        uint8_t t = sbuf_get_byte(r);
        if (r->bad)
            return false;
        uint64_t ch = 0, comb = 0;
        unsigned w = 1;
        int n = 1;
        if (t >= 0x20 && t < 0x7f) {
            ch = t;
        } else if (t == TOK_CHAR || t == TOK_WIDE) {
            ch = sbuf_get_varint(r);
            w = t == TOK_WIDE ? 2 : 1;
            if (ch == 0 || (t == TOK_WIDE && x + 2 > (int)used))
                r->bad = true;
        } else if (t == TOK_STYLE) {
            uint64_t fg = sbuf_get_varint(r), bg = sbuf_get_varint(r);
            uint64_t attr = sbuf_get_varint(r), ul = sbuf_get_varint(r);
            if (r->bad || !valid_colour(fg) || !valid_colour(bg) || !valid_colour(ul) ||
                attr > UINT16_MAX) {
                r->bad = true;
                return false;
            }
            style.fg = (uint32_t)fg;
            style.bg = (uint32_t)bg;
            style.attr = (uint16_t)attr;
            style.ul = (uint32_t)ul;
            continue;
        } else if (t == TOK_BLANK) {
            uint64_t v = sbuf_get_varint(r);
            if (v == 0 || v > used - (uint64_t)x)
                r->bad = true;
            n = (int)v;
        } else if (t == TOK_RAW) {
            ch = sbuf_get_varint(r);
            comb = sbuf_get_varint(r);
            w = sbuf_get_byte(r);
            if (w > 2 || !valid_char(comb) || (comb != 0 && ch == 0))
                r->bad = true;
        } else {
            r->bad = true;
        }
        if (!valid_char(ch))
            r->bad = true;
        if (r->bad)
            break;
        for (int i = 0; i < n; i++) {
            struct grid_cell *c = line_cell(out, x++);
            *c = style;
            c->ch = (uint32_t)ch;
            c->comb = (uint32_t)comb;
            c->wl = GRID_WL(w, 0);
        }
        if (t == TOK_WIDE) {
            struct grid_cell *c = line_cell(out, x++);
            *c = style;
            c->ch = 0;
            c->comb = 0;
            c->wl = GRID_WL(0, 0);
        }
    }
    if (r->bad) {
        out->used = 0;
        return false;
    }
    out->used = x;
    return true;
}

static void put_pen(struct sbuf *b, const struct grid_pen *pen)
{
    sbuf_varint(b, pen->fg);
    sbuf_varint(b, pen->bg);
    sbuf_varint(b, pen->attr);
    sbuf_varint(b, pen->ul);
}

static void get_pen(struct sbuf_reader *r, struct grid_pen *pen)
{
    uint64_t fg = sbuf_get_varint(r), bg = sbuf_get_varint(r);
    uint64_t attr = sbuf_get_varint(r), ul = sbuf_get_varint(r);
    if (!valid_colour(fg) || !valid_colour(bg) || !valid_colour(ul) || attr > UINT16_MAX) {
        r->bad = true;
        return;
    }
    pen->fg = (uint32_t)fg;
    pen->bg = (uint32_t)bg;
    pen->attr = (uint16_t)attr;
    pen->ul = (uint32_t)ul;
}

static void put_cursor(struct sbuf *b, const struct screen_cursor *c)
{
    sbuf_svarint(b, c->x);
    sbuf_svarint(b, c->y);
    sbuf_byte(b, (uint8_t)((c->wrap_pending ? 1 : 0) | (c->origin ? 2 : 0) | (c->valid ? 4 : 0)));
    put_pen(b, &c->pen);
    sbuf_byte(b, c->charset[0]);
    sbuf_byte(b, c->charset[1]);
    sbuf_byte(b, c->gl);
}

static void get_cursor(struct sbuf_reader *r, struct screen_cursor *c, int cols, int rows)
{
    c->x = (int)sbuf_get_int(r, 0, cols - 1);
    c->y = (int)sbuf_get_int(r, 0, rows - 1);
    uint8_t f = sbuf_get_byte(r);
    c->wrap_pending = (f & 1) != 0;
    c->origin = (f & 2) != 0;
    c->valid = (f & 4) != 0;
    get_pen(r, &c->pen);
    for (int i = 0; i < 2; i++) {
        c->charset[i] = sbuf_get_byte(r);
        if (c->charset[i] > SCREEN_CHARSET_UK)
            r->bad = true;
    }
    c->gl = sbuf_get_byte(r);
    if ((f & ~7u) != 0 || c->gl > 1)
        r->bad = true;
}

void vt_snapshot_put_state(struct sbuf *b, const struct vt *vt)
{
    const struct screen *s = vt_snapshot_screen((struct vt *)vt);
    sbuf_byte(b, STATE_VERSION);
    sbuf_svarint(b, s->cols);
    sbuf_svarint(b, s->rows);
    sbuf_svarint(b, s->cx);
    sbuf_svarint(b, s->cy);
    sbuf_byte(b, (uint8_t)((s->wrap_pending ? 1 : 0) | (s->rect_extent ? 2 : 0)));
    put_pen(b, &s->pen);
    sbuf_svarint(b, s->top);
    sbuf_svarint(b, s->bottom);
    sbuf_svarint(b, s->left);
    sbuf_svarint(b, s->right);
    sbuf_varint(b, s->modes & KNOWN_MODES);
    sbuf_byte(b, s->charset[0]);
    sbuf_byte(b, s->charset[1]);
    sbuf_byte(b, s->gl);
    put_cursor(b, &s->saved[0]);
    put_cursor(b, &s->saved[1]);
    int ntabs = 0;
    for (int x = 0; x < s->cols && x < s->tabs_cap; x++)
        ntabs += s->tabs[x] != 0;
    sbuf_varint(b, (uint64_t)ntabs);
    for (int x = 0; x < s->cols && x < s->tabs_cap; x++)
        if (s->tabs[x] != 0)
            sbuf_svarint(b, x);
    sbuf_svarint(b, s->cursor_style);
    sbuf_str(b, s->title);
    sbuf_str(b, s->cwd);
    sbuf_str(b, s->window_name);
}

bool vt_snapshot_get_state(struct sbuf_reader *r, struct vt *vt)
{
    struct screen *s = vt_snapshot_screen(vt);
    struct screen n; /* what is read, applied only when all of it is valid */
    memset(&n, 0, sizeof n);
    if (sbuf_get_byte(r) != STATE_VERSION)
        r->bad = true;
    int cols = (int)sbuf_get_int(r, s->cols, s->cols);
    int rows = (int)sbuf_get_int(r, s->rows, s->rows);
    if (r->bad)
        return false;
    n.cx = (int)sbuf_get_int(r, 0, cols - 1);
    n.cy = (int)sbuf_get_int(r, 0, rows - 1);
    uint8_t f = sbuf_get_byte(r);
    n.wrap_pending = (f & 1) != 0;
    n.rect_extent = (f & 2) != 0;
    if ((f & ~3u) != 0)
        r->bad = true;
    get_pen(r, &n.pen);
    n.top = (int)sbuf_get_int(r, 0, rows - 1);
    n.bottom = (int)sbuf_get_int(r, n.top, rows - 1);
    n.left = (int)sbuf_get_int(r, 0, cols - 1);
    n.right = (int)sbuf_get_int(r, n.left, cols - 1);
    uint64_t modes = sbuf_get_varint(r);
    if ((modes & ~(uint64_t)KNOWN_MODES) != 0)
        r->bad = true;
    n.modes = (uint32_t)modes;
    for (int i = 0; i < 2; i++) {
        n.charset[i] = sbuf_get_byte(r);
        if (n.charset[i] > SCREEN_CHARSET_UK)
            r->bad = true;
    }
    n.gl = sbuf_get_byte(r);
    if (n.gl > 1)
        r->bad = true;
    get_cursor(r, &n.saved[0], cols, rows);
    get_cursor(r, &n.saved[1], cols, rows);
    uint64_t ntabs = sbuf_get_varint(r);
    if (ntabs > (uint64_t)cols)
        r->bad = true;
    uint8_t *tabs = xcalloc((size_t)cols, 1);
    for (uint64_t i = 0; i < ntabs && !r->bad; i++)
        tabs[sbuf_get_int(r, 0, cols - 1)] = 1;
    int style = (int)sbuf_get_int(r, 0, 255);
    size_t tlen, clen, wlen;
    const uint8_t *title = sbuf_get_bytes(r, SCREEN_TITLE_MAX, &tlen);
    const uint8_t *cwd = sbuf_get_bytes(r, SCREEN_CWD_MAX, &clen);
    const uint8_t *wname = sbuf_get_bytes(r, SCREEN_WINDOW_NAME_MAX, &wlen);
    if (r->bad) {
        free(tabs);
        return false;
    }
    s->cx = n.cx;
    s->cy = n.cy;
    s->wrap_pending = n.wrap_pending;
    s->rect_extent = n.rect_extent;
    s->pen = n.pen;
    s->top = n.top;
    s->bottom = n.bottom;
    s->left = n.left;
    s->right = n.right;
    s->modes = n.modes;
    if (s->no_alt_screen)
        s->modes &= ~(uint32_t)VT_MODE_ALT_SCREEN;
    s->grid = (s->modes & VT_MODE_ALT_SCREEN) != 0 ? s->alt : s->main;
    memcpy(s->charset, n.charset, sizeof s->charset);
    s->gl = n.gl;
    s->saved[0] = n.saved[0];
    s->saved[1] = n.saved[1];
    if (s->tabs_cap < cols) {
        free(s->tabs);
        s->tabs = tabs;
        s->tabs_cap = cols;
    } else {
        memcpy(s->tabs, tabs, (size_t)cols);
        free(tabs);
    }
    s->cursor_style = style;
    /* Through the setters: they clean the strings as if the program had sent them. */
    if (tlen > 0)
        screen_set_title(s, title, tlen);
    if (clen > 0)
        screen_set_cwd(s, cwd, clen);
    if (wlen > 0) {
        free(s->window_name);
        s->window_name = NULL;
        const struct vt_ops *ops = s->ops;
        void *arg = s->ops_arg;
        screen_set_ops(s, NULL, NULL); /* restoring is not the program naming its window */
        screen_set_window_name(s, wname, wlen);
        screen_set_ops(s, ops, arg);
    }
    return true;
}

const struct grid *vt_snapshot_alt_grid(const struct vt *vt)
{
    return vt_snapshot_screen((struct vt *)vt)->alt;
}

void vt_snapshot_set_line(struct vt *vt, bool alt, int y, const struct grid_line *l)
{
    struct screen *s = vt_snapshot_screen(vt);
    struct grid *g = alt ? s->alt : s->main;
    if (y < 0 || y >= grid_rows(g))
        return;
    static const struct grid_pen blank_pen;
    grid_clear_lines(g, y, 1, &blank_pen);
    int n = l->used < grid_cols(g) ? l->used : grid_cols(g);
    if (n > 0) {
        struct grid_cell *c = grid_set_run(g, 0, y, n);
        if (c != NULL) {
            memcpy(c, l->cells, (size_t)n * sizeof *c);
            /* A wide character cut at the edge, or a continuation without its
             * character, becomes a blank. */
            for (int x = 0; x < n; x++) {
                unsigned w = grid_cell_width(&c[x]);
                if ((w == 2 && (x + 1 >= n || grid_cell_width(&c[x + 1]) != 0)) ||
                    (w == 0 && (x == 0 || grid_cell_width(&c[x - 1]) != 2))) {
                    c[x].ch = 0;
                    c[x].comb = 0;
                    grid_cell_set_width(&c[x], 1);
                }
            }
        }
    }
    grid_set_wrapped(g, y, l->wrapped);
}

void vt_snapshot_push_history(struct vt *vt, const struct grid_line *l)
{
    struct screen *s = vt_snapshot_screen(vt);
    /* Through the top row: put the line there and scroll that row alone into history. */
    vt_snapshot_set_line(vt, false, 0, l);
    static const struct grid_pen blank_pen;
    grid_scroll_up(s->main, 0, 0, 1, true, &blank_pen);
}
