/* copy_mode_select.c - the copy-mode selection: normal (a stream of text between the
 * two ends), whole lines, or a rectangle, and the text it holds. */
#include "copy_mode_core.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

void copy_begin_selection(const struct grid *g, struct copy_state *cs)
{
    (void)g;
    cs->selecting = true;
    cs->sel_stopped = false;
    cs->line_select = false;
    cs->sel_y = cs->cy;
    cs->sel_x = cs->cx;
}

void copy_select_line(const struct grid *g, struct copy_state *cs)
{
    cs->selecting = true;
    cs->sel_stopped = false;
    cs->line_select = true;
    copy_start_of_line(g, cs); /* as tmux: the whole line autowrap spread over rows */
    cs->sel_y = cs->cy;
    cs->sel_x = 0;
    copy_end_of_line(g, cs);
}

/* select-line -N n, as tmux: n lines, from the cursor's down. */
void copy_select_lines(const struct grid *g, struct copy_state *cs, long n)
{
    copy_select_line(g, cs);
    for (long i = 1; i < n; i++) {
        copy_cursor_down(g, cs);
        copy_end_of_line(g, cs);
    }
}

void copy_rectangle_toggle(const struct grid *g, struct copy_state *cs)
{
    cs->rectangle = !cs->rectangle;
    cs->line_select = false;
    copy_clamp_to_line(g, cs); /* as tmux, either way */
}

void copy_other_end(const struct grid *g, struct copy_state *cs)
{
    if (!cs->selecting)
        return;
    int64_t y = cs->sel_y;
    int x = cs->sel_x;
    cs->sel_y = cs->cy;
    cs->sel_x = cs->cx;
    cs->cy = y;
    cs->cx = x;
    int rows = grid_rows(g);
    if (cs->cy < cs->top)
        cs->top = cs->cy;
    if (cs->cy > cs->top + rows - 1)
        cs->top = cs->cy - rows + 1;
    copy_clamp(g, cs);
}

void copy_stop_selection(const struct grid *g, struct copy_state *cs)
{
    (void)g;
    if (!cs->selecting || cs->sel_stopped)
        return;
    cs->sel_stopped = true;
    cs->end_y = cs->cy;
    cs->end_x = cs->cx;
}

void copy_clear_selection(const struct grid *g, struct copy_state *cs)
{
    cs->selecting = false;
    cs->sel_stopped = false;
    cs->line_select = false;
    copy_clamp_to_line(g, cs); /* as tmux: off a rectangle's columns past the end */
}

/* The selection's lines [y0, y1] and, for line n, the columns [*xs, *xe] it takes
 * (inclusive; xe < xs: none). */
struct bounds {
    int64_t y0, y1;
    int x0, x1;  /* columns on the first / last line (rectangle: of every line) */
    bool rect;
};

static bool selection_bounds(const struct copy_state *cs, struct bounds *b)
{
    if (!cs->selecting)
        return false;
    /* The moving end: the cursor, or where stop-selection (or a search) left it. */
    bool held = cs->sel_stopped || cs->end_held;
    int64_t cy = held ? cs->end_y : cs->cy;
    int cx = held ? cs->end_x : cs->cx;
    b->rect = cs->rectangle && !cs->line_select;
    bool anchor_first = cs->sel_y < cy || (cs->sel_y == cy && cs->sel_x <= cx);
    b->y0 = anchor_first ? cs->sel_y : cy;
    b->y1 = anchor_first ? cy : cs->sel_y;
    if (cs->line_select) {
        b->x0 = 0;
        b->x1 = INT32_MAX;
    } else if (b->rect) {
        b->x0 = cs->sel_x < cx ? cs->sel_x : cx;
        b->x1 = cs->sel_x < cx ? cx : cs->sel_x;
        if (!cs->vi)
            b->x1--;
    } else {
        b->x0 = anchor_first ? cs->sel_x : cx;
        b->x1 = anchor_first ? cx : cs->sel_x;
        if (!cs->vi)
            b->x1--; /* emacs: the cursor is between characters */
    }
    return true;
}

static void line_columns(const struct bounds *b, int64_t n, int *xs, int *xe)
{
    *xs = b->rect || n == b->y0 ? b->x0 : 0;
    *xe = b->rect || n == b->y1 ? b->x1 : INT32_MAX;
}

bool copy_selected(const struct copy_state *cs, int64_t n, int x)
{
    struct bounds b;
    if (!selection_bounds(cs, &b) || n < b.y0 || n > b.y1)
        return false;
    int xs, xe;
    line_columns(&b, n, &xs, &xe);
    return x >= xs && x <= xe;
}

struct text {
    char *buf;
    size_t len, size;
};

static void text_add(struct text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->size) {
        t->size = (t->len + n + 1) * 2;
        t->buf = xrealloc(t->buf, t->size);
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
}

/* Append the characters of line l between columns xs and xe: a wide character half
 * inside is taken whole. Up to the line's length (the blanks after its text dropped,
 * those inside kept), or every used cell when the line continues on the next one. */
static void add_line(struct text *t, const struct grid *g, const struct grid_line *l, int xs,
                     int xe, bool keep_blanks)
{
    int limit = keep_blanks ? l->used : copy_line_length(l);
    for (int x = 0; x < limit; x++) {
        const struct grid_cell *c = &l->cells[x];
        if (grid_cell_width(c) == 0)
            continue;
        int w = grid_cell_width(c) > 0 ? grid_cell_width(c) : 1;
        if (x > xe || x + w - 1 < xs)
            continue;
        char enc[8 + GRID_MARKS_UTF8_MAX];
        int n = utf8_encode(c->ch != 0 ? c->ch : ' ', enc);
        if (c->comb != 0)
            n += grid_cell_marks_utf8(g, c, enc + n);
        text_add(t, enc, (size_t)n);
    }
}

char *copy_selection_text(const struct grid *g, const struct copy_state *cs, size_t *len)
{
    struct bounds b;
    if (!selection_bounds(cs, &b))
        return NULL;
    struct text t = {0};
    struct grid_line l = {0};
    text_add(&t, "", 0);
    for (int64_t n = b.y0; n <= b.y1; n++) {
        copy_line_fetch(g, n, &l);
        int xs, xe;
        line_columns(&b, n, &xs, &xe);
        bool joined = l.wrapped && !b.rect && n < b.y1;
        add_line(&t, g, &l, xs, xe, joined);
        /* Between lines a newline; after the last one too when the selection takes
         * its end (vi's $, a whole line), as tmux. */
        if ((n < b.y1 && !joined) ||
            (n == b.y1 && !b.rect && !l.wrapped && xe >= copy_line_length(&l)))
            text_add(&t, "\n", 1);
    }
    copy_line_free(&l);
    *len = t.len;
    return t.buf;
}
