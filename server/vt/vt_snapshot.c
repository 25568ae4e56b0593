/* vt_snapshot.c - a vt's screen state and lines as bytes and back (vt_snapshot.h). The
 * encoder writes what the screen holds; the decoder accepts only what a screen could
 * hold (sizes, positions, colours, characters: no C0/C1 control in a cell), so a
 * snapshot file cannot put anything into a vt that its own parser would not. */
#include "vt_snapshot.h"

#include <stdlib.h>
#include <string.h>

#include "combs.h"
#include "grid.h"
#include "links.h"
#include "palette.h"
#include "parser.h"
#include "screen.h"
#include "screen_strings.h"
#include "vt.h"
#include "xmalloc.h"

/* 1: up to the window name; 2: then the keyboard, the title stack, the program's
 * colours and the open hyperlink (a version 1 state is still read). */
#define STATE_VERSION 2

/* Line tokens: a printable ASCII byte is a cell of its own; the others: */
enum {
    TOK_CHAR = 0x01,  /* varint: a width-1 character */
    TOK_WIDE = 0x02,  /* varint: a width-2 character and its continuation cell */
    TOK_STYLE = 0x03, /* varint fg, bg, attr, ul: the style of the cells after it */
    TOK_BLANK = 0x04, /* varint n: n blank cells (character 0) */
    TOK_RAW = 0x05,   /* varint ch, comb, byte width: any other cell */
    TOK_LINK = 0x06,  /* string id, string uri (empty: none): the hyperlink (OSC 8) of
                         the cells after it */
    TOK_MARKS = 0x07, /* varint ch, byte width, byte n (2-8), n varint marks: a cell with
                         several combining marks */
};

/* The known mode bits (vt_modes.h) a restored screen may have; mode 2026 (an update in
 * progress) is never restored. */
#define KNOWN_MODES ((uint32_t)((1u << 22) - 1) & ~(uint32_t)VT_MODE_SYNC)

/* The flags byte of a line: wrapped, then the OSC 133 marks (GRID_MARK_*). */
#define LINE_WRAPPED 1u
#define LINE_MARK_SHIFT 1
#define LINE_FLAGS ((1u << (LINE_MARK_SHIFT + GRID_MARK_BITS)) - 1)

static bool same_style(const struct grid_cell *a, const struct grid_cell *b)
{
    return a->fg == b->fg && a->bg == b->bg && a->attr == b->attr && a->ul == b->ul &&
           grid_cell_link(a) == grid_cell_link(b);
}

/* The hyperlink cells of the line take from here on: its id and URI (empty: none). */
static void put_link(struct sbuf *b, const struct links *links, uint16_t n)
{
    const char *uri = links != NULL && n != 0 ? links_uri(links, n) : NULL;
    sbuf_byte(b, TOK_LINK);
    sbuf_str(b, uri != NULL ? links_id(links, n) : "");
    sbuf_str(b, uri != NULL ? uri : "");
}

void vt_snapshot_put_line(struct sbuf *b, const struct vt *vt, const struct grid_line *l)
{
    const struct screen *s = vt != NULL ? vt_snapshot_screen((struct vt *)vt) : NULL;
    int used = l->used > VT_SNAPSHOT_MAX_COLS ? VT_SNAPSHOT_MAX_COLS : l->used;
    sbuf_varint(b, (uint64_t)(used < 0 ? 0 : used));
    sbuf_byte(b, (uint8_t)((l->wrapped ? LINE_WRAPPED : 0) |
                           (unsigned)(l->mark & ((1u << GRID_MARK_BITS) - 1)) << LINE_MARK_SHIFT));
    struct grid_cell style = GRID_BLANK_CELL;
    for (int x = 0; x < used;) {
        const struct grid_cell *c = &l->cells[x];
        if (!same_style(c, &style)) {
            if (c->fg != style.fg || c->bg != style.bg || c->attr != style.attr ||
                c->ul != style.ul) {
                sbuf_byte(b, TOK_STYLE);
                sbuf_varint(b, c->fg);
                sbuf_varint(b, c->bg);
                sbuf_varint(b, c->attr);
                sbuf_varint(b, c->ul);
            }
            if (grid_cell_link(c) != grid_cell_link(&style))
                put_link(b, s != NULL ? s->links : NULL, grid_cell_link(c));
            style = *c;
        }
        unsigned w = grid_cell_width(c);
        if ((c->comb & GRID_COMB_SEQ) != 0) {
            uint32_t marks[COMBS_MARKS];
            int n = s != NULL ? combs_get(s->combs, c->comb, marks) : 0;
            if (n >= 2) {
                sbuf_byte(b, TOK_MARKS);
                sbuf_varint(b, c->ch);
                sbuf_byte(b, (uint8_t)w);
                sbuf_byte(b, (uint8_t)n);
                for (int i = 0; i < n; i++)
                    sbuf_varint(b, marks[i]);
            } else {
                /* A sequence the table no longer holds: the character alone. */
                sbuf_byte(b, TOK_RAW);
                sbuf_varint(b, c->ch);
                sbuf_varint(b, n == 1 ? marks[0] : 0);
                sbuf_byte(b, (uint8_t)w);
            }
            x++;
            continue;
        }
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

bool vt_snapshot_get_line(struct sbuf_reader *r, struct vt *vt, struct grid_line *out)
{
    struct screen *s = vt != NULL ? vt_snapshot_screen(vt) : NULL;
    uint64_t used = sbuf_get_varint(r);
    uint8_t flags = sbuf_get_byte(r);
    if (r->bad || used > VT_SNAPSHOT_MAX_COLS || (flags & ~LINE_FLAGS) != 0) {
        r->bad = true;
        return false;
    }
    out->used = 0;
    out->wrapped = (flags & LINE_WRAPPED) != 0;
    out->mark = (uint8_t)(flags >> LINE_MARK_SHIFT);
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
        } else if (t == TOK_LINK) {
            size_t idlen, urilen;
            const uint8_t *id = sbuf_get_bytes(r, LINK_ID_MAX, &idlen);
            const uint8_t *uri = sbuf_get_bytes(r, LINK_URI_MAX, &urilen);
            if (r->bad)
                return false;
            /* Interned as OSC 8 would (the table refuses what it would refuse): with no
             * vt (checking only) or no room, the text is kept unlinked. */
            uint16_t n = 0;
            if (s != NULL && urilen > 0)
                n = links_intern(s->links, (const char *)id, idlen, (const char *)uri, urilen);
            grid_cell_set_link(&style, n);
            continue;
        } else if (t == TOK_MARKS) {
            ch = sbuf_get_varint(r);
            w = sbuf_get_byte(r);
            uint8_t nm = sbuf_get_byte(r);
            if (ch == 0 || w < 1 || w > 2 || nm < 2 || nm > COMBS_MARKS ||
                (w == 2 && x + 2 > (int)used))
                r->bad = true;
            for (unsigned i = 0; i < nm && !r->bad; i++) {
                uint64_t m = sbuf_get_varint(r);
                if (m == 0 || !valid_char(m))
                    r->bad = true;
                else if (i == 0)
                    comb = m;
                else if (s != NULL)
                    comb = combs_add(s->combs, (uint32_t)comb, (uint32_t)m);
            }
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
            c->wl = GRID_WL(w, grid_cell_link(&style));
        }
        if (t == TOK_WIDE || (t == TOK_MARKS && w == 2)) {
            struct grid_cell *c = line_cell(out, x++);
            *c = style;
            c->ch = 0;
            c->comb = 0;
            c->wl = GRID_WL(0, grid_cell_link(&style));
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
    /* Version 2. The keyboard the program asked for (the owner's extended_always is
     * not the program's: not saved). */
    for (int a = 0; a < 2; a++) {
        sbuf_svarint(b, s->kbd.flags[a]);
        sbuf_svarint(b, s->kbd.depth[a]);
        for (int i = 0; i < s->kbd.depth[a] && i < KEYBOARD_STACK_MAX; i++)
            sbuf_svarint(b, s->kbd.stack[a][i]);
    }
    sbuf_svarint(b, s->kbd.modify_other_keys);
    /* Titles saved by CSI 22 t, oldest first (1 = a title follows, 0 = none). */
    sbuf_svarint(b, s->ntitle_stack);
    for (int i = 0; i < s->ntitle_stack; i++) {
        sbuf_svarint(b, s->title_stack[i] != NULL ? 1 : 0);
        if (s->title_stack[i] != NULL)
            sbuf_str(b, s->title_stack[i]);
    }
    /* The colours the program set (OSC 4 / 10-19), not the owner's. */
    size_t ncol = 0;
    for (int i = 0; s->palette != NULL && i < PALETTE_SIZE; i++)
        ncol += s->palette->program[i] != 0;
    sbuf_svarint(b, (int64_t)ncol);
    for (int i = 0; s->palette != NULL && i < PALETTE_SIZE; i++) {
        if (s->palette->program[i] != 0) {
            sbuf_svarint(b, i);
            sbuf_svarint(b, COLOUR_VALUE(s->palette->program[i]));
        }
    }
    /* The hyperlink text printed next gets (OSC 8 still open). */
    const char *uri = s->link != 0 ? links_uri(s->links, s->link) : NULL;
    sbuf_str(b, uri != NULL ? links_id(s->links, s->link) : "");
    sbuf_str(b, uri != NULL ? uri : "");
}

/* Version 2's part of a state, read whole before any of it is applied. */
struct state2 {
    struct screen_keyboard kbd;
    int ntitles;
    const uint8_t *titles[SCREEN_TITLE_STACK_MAX]; /* NULL: no title */
    size_t title_len[SCREEN_TITLE_STACK_MAX];
    int ncol;
    uint16_t col_index[PALETTE_SIZE];
    uint32_t col_rgb[PALETTE_SIZE];
    const uint8_t *link_id, *link_uri;
    size_t link_idlen, link_urilen;
};

static void get_state2(struct sbuf_reader *r, struct state2 *v)
{
    for (int a = 0; a < 2 && !r->bad; a++) {
        v->kbd.flags[a] = (uint8_t)sbuf_get_int(r, 0, KEYBOARD_KITTY_ALL);
        v->kbd.depth[a] = (uint8_t)sbuf_get_int(r, 0, KEYBOARD_STACK_MAX);
        for (int i = 0; i < v->kbd.depth[a] && !r->bad; i++)
            v->kbd.stack[a][i] = (uint8_t)sbuf_get_int(r, 0, KEYBOARD_KITTY_ALL);
    }
    v->kbd.modify_other_keys = (uint8_t)sbuf_get_int(r, 0, 2);
    v->ntitles = (int)sbuf_get_int(r, 0, SCREEN_TITLE_STACK_MAX);
    for (int i = 0; i < v->ntitles && !r->bad; i++) {
        uint8_t has = (uint8_t)sbuf_get_int(r, 0, 1);
        v->titles[i] = NULL;
        if (has)
            v->titles[i] = sbuf_get_bytes(r, SCREEN_TITLE_MAX, &v->title_len[i]);
    }
    v->ncol = (int)sbuf_get_int(r, 0, PALETTE_SIZE);
    for (int i = 0; i < v->ncol && !r->bad; i++) {
        v->col_index[i] = (uint16_t)sbuf_get_int(r, 0, PALETTE_SIZE - 1);
        v->col_rgb[i] = (uint32_t)sbuf_get_int(r, 0, 0xffffff);
    }
    v->link_id = sbuf_get_bytes(r, LINK_ID_MAX, &v->link_idlen);
    v->link_uri = sbuf_get_bytes(r, LINK_URI_MAX, &v->link_urilen);
}

/* Put version 2's part into s (titles through the setters, which clean them). */
static void apply_state2(struct screen *s, const struct state2 *v)
{
    for (int i = 0; i < s->ntitle_stack; i++)
        free(s->title_stack[i]);
    s->ntitle_stack = 0;
    bool always = s->kbd.extended_always;
    s->kbd = v->kbd;
    s->kbd.extended_always = always;
    if (always)
        s->kbd.modify_other_keys = v->kbd.modify_other_keys != 0 ? v->kbd.modify_other_keys : 1;
    if (v->ntitles > 0) {
        char *title = s->title;
        for (int i = 0; i < v->ntitles; i++) {
            s->title = NULL;
            if (v->titles[i] != NULL)
                screen_set_title(s, v->titles[i], v->title_len[i]);
            screen_push_title(s);
            free(s->title);
        }
        s->title = title;
    }
    for (int i = 0; i < v->ncol; i++)
        palette_set(screen_palette(s), v->col_index[i], (int32_t)v->col_rgb[i], false);
    if (v->link_urilen > 0)
        screen_set_link(s, (const char *)v->link_id, v->link_idlen, (const char *)v->link_uri,
                        v->link_urilen);
}

bool vt_snapshot_get_state(struct sbuf_reader *r, struct vt *vt)
{
    struct screen *s = vt_snapshot_screen(vt);
    struct screen n; /* what is read, applied only when all of it is valid */
    memset(&n, 0, sizeof n);
    uint8_t version = sbuf_get_byte(r);
    if (version < 1 || version > STATE_VERSION)
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
    struct state2 *v2 = NULL;
    if (version >= 2 && !r->bad) {
        v2 = xcalloc(1, sizeof *v2);
        get_state2(r, v2);
    }
    if (r->bad) {
        free(v2);
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
    s->grid = (s->modes & VT_MODE_ALT_SCREEN) != 0 ? screen_alt_grid(s) : s->main;
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
    if (v2 != NULL) {
        apply_state2(s, v2);
        free(v2);
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
    if (alt && s->alt == NULL && l->used == 0 && !l->wrapped && l->mark == 0)
        return; /* a blank row of an alternate screen not made yet: nothing to make */
    struct grid *g = alt ? screen_alt_grid(s) : s->main;
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
    if (l->mark != 0)
        grid_add_mark(g, y, l->mark);
}

void vt_snapshot_push_history(struct vt *vt, const struct grid_line *l)
{
    struct screen *s = vt_snapshot_screen(vt);
    /* Through the top row: put the line there and scroll that row alone into history. */
    vt_snapshot_set_line(vt, false, 0, l);
    static const struct grid_pen blank_pen;
    grid_scroll_up(s->main, 0, 0, 1, true, &blank_pen);
}

/* Whether an ESC followed by intro (-1: the ESC is the last byte) began the unfinished
 * sequence of this state: a string (OSC, DCS...) began with its own introducer, an escape
 * or control sequence with its last ESC. */
static bool unfinished_starts(uint8_t state, int intro)
{
    switch (state) {
    case PARSER_OSC_STRING:
        return intro == ']';
    case PARSER_DCS_ENTRY:
    case PARSER_DCS_PARAM:
    case PARSER_DCS_INTERMEDIATE:
    case PARSER_DCS_PASSTHROUGH:
    case PARSER_DCS_ESCAPE:
    case PARSER_DCS_IGNORE:
        return intro == 'P';
    case PARSER_SOS_PM_APC_STRING:
        return intro == 'X' || intro == '^' || intro == '_';
    case PARSER_WINDOW_NAME_STRING:
        return intro == 'k';
    default:
        return true; /* an escape or control sequence: its last ESC, whatever follows */
    }
}

size_t vt_snapshot_unfinished(const struct vt *vt, const uint8_t *recent, size_t n)
{
    const struct parser *p = vt_snapshot_parser(vt);
    if (p->state == PARSER_GROUND) {
        if (p->utf8.need <= 0)
            return 0;
        /* Inside a character: back to its lead byte (at most 3 back). */
        for (size_t k = 1; k <= 4 && k <= n; k++) {
            if ((recent[n - k] & 0xc0) == 0xc0)
                return k;
        }
        return 0;
    }
    for (size_t k = 1; k <= n; k++) {
        if (recent[n - k] == 0x1b && unfinished_starts(p->state, k == 1 ? -1 : recent[n - k + 1]))
            return k;
    }
    return 0;
}
