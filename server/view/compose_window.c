/* compose_window.c - the window part of a client's canvas: each visible pane at its
 * place in the layout, the borders between panes (the active pane's in
 * pane-active-border-style), pane-border-status lines, and a marker past the window
 * when the client is larger than it. */
#include "compose_window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "layout.h"
#include "options.h"
#include "pane_draw.h"
#include "proto.h"
#include "client_state.h"
#include "session.h"
#include "style.h"
#include "utf8.h"
#include "xmalloc.h"
#include "window.h"

/* Border neighbours of a cell, one bit each. */
enum { B_UP = 1, B_DOWN = 2, B_LEFT = 4, B_RIGHT = 8, B_IS = 16 };

/* The pen a style option of window w gives; a style holding a format (tmux's default
 * pane-active-border-style does) is expanded for pane p first. */
static struct grid_pen option_pen(struct window *w, struct pane *p, const char *name)
{
    struct grid_pen pen = {0};
    char err[128];
    const struct options *o = p != NULL ? p->options : w->options;
    const char *style = options_get_string(o, name);
    if (strstr(style, "#{") != NULL) {
        struct format_ctx f = {.server = w->server, .session = window_session(w),
                               .window = w, .pane = p};
        char *expanded = format_expand(&f, style);
        style_apply(&pen, expanded, err, sizeof err);
        free(expanded);
    } else
        style_apply(&pen, style, err, sizeof err);
    return pen;
}

/* The area of the window this canvas shows: vw x vh cells from the top-left. */
struct view {
    uint8_t *mask;
    int vw, vh;
};

static void mark(struct view *v, int x, int y)
{
    if (x >= 0 && y >= 0 && x < v->vw && y < v->vh)
        v->mask[y * v->vw + x] = B_IS;
}

/* Mark the borders between the children of every split cell. */
static void mark_borders(struct view *v, const struct layout_cell *lc)
{
    const struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        mark_borders(v, child);
        if (TAILQ_NEXT(child, entry) == NULL)
            break;
        if (lc->type == LAYOUT_LEFTRIGHT) {
            for (int y = lc->yoff; y < lc->yoff + lc->sy; y++)
                mark(v, child->xoff + child->sx, y);
        } else {
            for (int x = lc->xoff; x < lc->xoff + lc->sx; x++)
                mark(v, x, child->yoff + child->sy);
        }
    }
}

static bool is_border(const struct view *v, int x, int y)
{
    return x >= 0 && y >= 0 && x < v->vw && y < v->vh && v->mask[y * v->vw + x] != 0;
}

/* The line-drawing character joining a border cell to its border neighbours, in the
 * pane-border-lines style: 0 single, 1 double, 2 heavy, 3 simple (ASCII), 4 number
 * (drawn single here). Without UTF-8, ASCII. */
static uint32_t border_char(int joins, bool utf8, long lines)
{
    /* ┼ ├ ┤ ┬ ┴ ┌ ┐ └ ┘ │ ─ in each style. */
    static const uint32_t sets[3][11] = {
        {0x253c, 0x251c, 0x2524, 0x252c, 0x2534, 0x250c, 0x2510, 0x2514, 0x2518, 0x2502, 0x2500},
        {0x256c, 0x2560, 0x2563, 0x2566, 0x2569, 0x2554, 0x2557, 0x255a, 0x255d, 0x2551, 0x2550},
        {0x254b, 0x2523, 0x252b, 0x2533, 0x253b, 0x250f, 0x2513, 0x2517, 0x251b, 0x2503, 0x2501},
    };
    bool up = joins & B_UP, down = joins & B_DOWN, left = joins & B_LEFT,
         right = joins & B_RIGHT;
    if (!utf8 || lines == 3)
        return (up || down) && (left || right) ? '+' : (up || down) ? '|' : '-';
    const uint32_t *set = sets[lines == 1 ? 1 : lines == 2 ? 2 : 0];
    if (up && down && left && right)
        return set[0];
    if (up && down && right)
        return set[1];
    if (up && down && left)
        return set[2];
    if (left && right && down)
        return set[3];
    if (left && right && up)
        return set[4];
    if (down && right)
        return set[5];
    if (down && left)
        return set[6];
    if (up && right)
        return set[7];
    if (up && left)
        return set[8];
    if (up || down)
        return set[9];
    return set[10];
}

/* Is border cell (x, y) on the edge of pane p (the ring of cells around it)? */
static bool touches(const struct pane *p, int x, int y)
{
    return x >= p->xoff - 1 && x <= p->xoff + p->cols && y >= p->yoff - 1 &&
           y <= p->yoff + p->rows;
}

/* The two panes of a window that has exactly two, side by side (across false: first left,
 * second right) or one above the other (across true); false if it has not. */
static bool two_panes(const struct window *w, bool across, const struct pane **first,
                      const struct pane **second)
{
    const struct pane *a = TAILQ_FIRST(&w->panes);
    const struct pane *b = a != NULL ? TAILQ_NEXT(a, entry) : NULL;
    if (b == NULL || TAILQ_NEXT(b, entry) != NULL)
        return false;
    if (across ? b->yoff == a->yoff : b->xoff == a->xoff)
        return false;
    *first = a;
    *second = b;
    return true;
}

/* Is border cell (x, y) the active pane's, for its colour? With pane-border-indicators
 * colour or both, no pane-border-status and exactly two panes, as tmux: the border between them is cut in two, the
 * first half (up to the middle of the first pane) is the first pane's and the rest the
 * second's; otherwise every border cell around the active pane is. */
static bool on_active_border(const struct window *w, long indicators, int x, int y)
{
    const struct pane *a, *b;
    if (w->active == NULL)
        return false;
    if ((indicators == 1 || indicators == 3) &&
        options_get_number(w->options, "pane-border-status") == 0) {
        if (two_panes(w, false, &a, &b) && x == b->xoff - 1)
            return w->active == (y - a->yoff <= a->rows / 2 ? a : b);
        if (two_panes(w, true, &a, &b) && y == b->yoff - 1)
            return w->active == (x - a->xoff <= a->cols / 2 ? a : b);
    }
    return touches(w->active, x, y);
}

static void draw_borders(struct canvas *cv, struct view *v, struct window *w, bool utf8)
{
    struct grid_pen pen = option_pen(w, w->active, "pane-border-style");
    struct grid_pen active = option_pen(w, w->active, "pane-active-border-style");
    long lines = options_get_number(w->options, "pane-border-lines");
    long indicators = options_get_number(w->options, "pane-border-indicators");
    for (int y = 0; y < v->vh; y++) {
        for (int x = 0; x < v->vw; x++) {
            if (!is_border(v, x, y))
                continue;
            int joins = (is_border(v, x, y - 1) ? B_UP : 0) |
                        (is_border(v, x, y + 1) ? B_DOWN : 0) |
                        (is_border(v, x - 1, y) ? B_LEFT : 0) |
                        (is_border(v, x + 1, y) ? B_RIGHT : 0);
            bool on_active = on_active_border(w, indicators, x, y);
            canvas_put_cell(cv, x, y, border_char(joins, utf8, lines), 1,
                            on_active ? &active : &pen);
        }
    }
}

/* pane-border-status: the line above (top) or below each pane shows pane-border-format. */
static void draw_border_status(struct client *c, struct canvas *cv, struct view *v,
                               struct window *w, long where)
{
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (w->zoomed && p != w->active)
            continue;
        int y = where == 1 ? p->yoff - 1 : p->yoff + p->rows;
        if (y < 0 || y >= v->vh || p->xoff >= v->vw)
            continue;
        struct format_ctx f = {.server = c->server, .session = c->session, .window = w,
                               .pane = p, .client = c};
        char *text = format_expand(&f, options_get_string(w->options, "pane-border-format"));
        struct grid_pen base = option_pen(w, p, p == w->active ? "pane-active-border-style"
                                                               : "pane-border-style");
        /* As tmux: the text starts two cells in and stops two cells short of the
         * pane's right edge, the border line showing around it. */
        int end = p->xoff + p->cols - 2;
        if (end > v->vw)
            end = v->vw;
        /* The line is the pane's own, in its pane's border style whole (draw_borders
         * coloured it by what it touches), as tmux draws it. */
        for (int x = p->xoff; x < p->xoff + p->cols && x < v->vw; x++) {
            const struct grid_cell *cell = canvas_cell(cv, x, y);
            if (cell != NULL)
                canvas_put_cell(cv, x, y, cell->ch, 1, &base);
        }
        size_t n = style_split(text, &base, NULL, 0);
        struct style_run *runs = xcalloc(n > 0 ? n : 1, sizeof *runs);
        style_split(text, &base, runs, n);
        int x = p->xoff + 2;
        for (size_t i = 0; i < n && x < end; i++) {
            char *piece = xstrndup(runs[i].text, runs[i].len);
            x = canvas_put_text(cv, x, y, end, piece, &runs[i].pen);
            free(piece);
        }
        free(runs);
        free(text);
    }
}

/* The character filling what no pane covers: the first character of fill-character
 * when it is one column wide (ASCII without UTF-8), else a middle dot ('.'). */
static uint32_t fill_character(const struct window *w, bool utf8)
{
    const char *fill = options_get_string(w->options, "fill-character");
    struct utf8_decoder d = {0};
    for (const unsigned char *q = (const unsigned char *)fill; *q != '\0'; q++) {
        int again = 0;
        int32_t cp = utf8_decode_byte(&d, *q, &again);
        if (cp == UTF8_MORE)
            continue;
        if (cp >= 0x20 && cp != 0x7f && utf8_width((uint32_t)cp) == 1 && (utf8 || cp < 0x80))
            return (uint32_t)cp;
        break;
    }
    return utf8 ? 0xb7 : '.';
}

/* The client's cache, made on first use; none without a renderer (nothing diffs the
 * canvas against an earlier frame then). */
static struct compose_cache *cache_of(struct client *c)
{
    if (c->render == NULL)
        return NULL;
    if (c->compose_cache == NULL)
        c->compose_cache = xcalloc(1, sizeof *c->compose_cache);
    return c->compose_cache;
}

void compose_window_forget(struct client *c)
{
    struct compose_cache *cc = c->compose_cache;
    if (cc == NULL)
        return;
    for (size_t i = 0; i < cc->size; i++)
        free(cc->panes[i].versions);
    free(cc->panes);
    free(cc);
    c->compose_cache = NULL;
}

/* The cursor is the active pane's. */
static void window_cursor(struct client *c, struct window *w, int rows, int vw, int vh)
{
    struct canvas *cv = &c->canvas;
    struct pane *p = w->active;
    if (p == NULL)
        return;
    int cx, cy;
    bool visible;
    pane_draw_cursor(p, &cx, &cy, &visible, &cv->cursor_style);
    /* cursor-style is the shape while the program has not set one; cursor-colour
     * the colour (the program's own OSC 12 is not kept). */
    if (cv->cursor_style == 0)
        cv->cursor_style = (int)options_get_number(p->options, "cursor-style");
    long colour = options_get_number(p->options, "cursor-colour");
    cv->cursor_colour = colour > 0 && (COLOUR_KIND((uint32_t)colour) == COLOUR_PALETTE ||
                                       COLOUR_KIND((uint32_t)colour) == COLOUR_RGB)
                            ? (uint32_t)colour
                            : COLOUR_DEFAULT;
    cx += p->xoff;
    cy += p->yoff;
    cv->cx = cx < cv->cols ? cx : cv->cols - 1;
    cv->cy = cy < rows ? cy : rows - 1;
    cv->cursor_visible = visible && cx < vw && cy < vh;
}

bool compose_window_changed(struct client *c, struct window *w, int rows, int dy)
{
    struct canvas *cv = &c->canvas;
    struct compose_cache *cc = c->compose_cache;
    int vw = w->cols < cv->cols ? w->cols : cv->cols, vh = w->rows < rows ? w->rows : rows;
    if (cc == NULL || !cc->valid || !cc->tracked || cc->window_id != w->id ||
        cc->wcols != w->cols || cc->wrows != w->rows || cc->vw != vw || cc->vh != vh ||
        cc->zoomed != w->zoomed || w->active == NULL || cc->active_id != w->active->id)
        return false;
    struct pane *p;
    size_t i = 0;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (w->zoomed && p != w->active)
            continue;
        if (p->xoff >= vw || p->yoff >= vh)
            continue;
        if (i >= cc->npanes ||
            !pane_draw_same(p, cv, p->xoff, p->yoff, vw - p->xoff, vh - p->yoff, &cc->panes[i]))
            return false;
        i++;
    }
    if (i != cc->npanes)
        return false;
    canvas_none_dirty(cv);
    i = 0;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if ((w->zoomed && p != w->active) || p->xoff >= vw || p->yoff >= vh)
            continue;
        pane_draw_changed(p, cv, dy, &cc->panes[i++]);
    }
    window_cursor(c, w, rows, vw, vh);
    cv->cy += dy; /* the status line is above */
    return true;
}

void compose_window(struct client *c, struct window *w, int rows)
{
    struct canvas *cv = &c->canvas;
    struct view v = {.vw = w->cols < cv->cols ? w->cols : cv->cols,
                     .vh = w->rows < rows ? w->rows : rows};
    bool utf8 = (c->flags & IDENT_UTF8) != 0;
    bool single = TAILQ_NEXT(TAILQ_FIRST(&w->panes), entry) == NULL || w->zoomed;
    long border_status = options_get_number(w->options, "pane-border-status");
    struct compose_cache *cc = cache_of(c);
    if (cc != NULL)
        *cc = (struct compose_cache){.window_id = w->id, .wcols = w->cols, .wrows = w->rows,
                                     .vw = v.vw, .vh = v.vh, .zoomed = w->zoomed,
                                     .active_id = w->active != NULL ? w->active->id : 0,
                                     .tracked = border_status == 0,
                                     .panes = cc->panes, .size = cc->size};

    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (w->zoomed && p != w->active)
            continue;
        if (p->xoff >= v.vw || p->yoff >= v.vh)
            continue;
        if (cc == NULL) {
            pane_draw(p, cv, p->xoff, p->yoff, v.vw - p->xoff, v.vh - p->yoff);
        } else {
            if (cc->npanes == cc->size) {
                cc->panes = xreallocarray(cc->panes, cc->size + 4, sizeof *cc->panes);
                memset(cc->panes + cc->size, 0, 4 * sizeof *cc->panes);
                cc->size += 4;
            }
            struct pane_drawn *d = &cc->panes[cc->npanes++];
            pane_draw_track(p, cv, p->xoff, p->yoff, v.vw - p->xoff, v.vh - p->yoff, d);
            if (d->grid == NULL)
                cc->tracked = false; /* a mode draws it: every frame in full */
        }
    }
    if (!single || border_status != 0) {
        v.mask = xcalloc((size_t)v.vw * (size_t)v.vh, 1);
        if (!w->zoomed && w->layout != NULL)
            mark_borders(&v, w->layout);
        if (border_status != 0) {
            TAILQ_FOREACH(p, &w->panes, entry) {
                if (w->zoomed && p != w->active)
                    continue;
                /* The line goes on over the border to its right, where it meets the
                 * border between the panes (a junction, as tmux draws it). */
                int y = border_status == 1 ? p->yoff - 1 : p->yoff + p->rows;
                int right = p->xoff + p->cols < v.vw ? p->xoff + p->cols : v.vw - 1;
                for (int x = p->xoff; x <= right; x++)
                    mark(&v, x, y);
            }
        }
        draw_borders(cv, &v, w, utf8);
        free(v.mask);
        if (border_status != 0)
            draw_border_status(c, cv, &v, w, border_status);
    }

    /* Past the window (a smaller client shares the session): fill-character, or a
     * middle dot, in the default colours as tmux. */
    const struct grid_pen marker = {0};
    uint32_t marker_ch = fill_character(w, utf8);
    for (int y = 0; y < rows; y++) {
        for (int x = y < v.vh ? v.vw : 0; x < cv->cols; x++)
            canvas_put_cell(cv, x, y, marker_ch, 1, &marker);
    }

    window_cursor(c, w, rows, v.vw, v.vh);
}
