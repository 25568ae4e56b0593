/* copy_mode_select.c - the copy-mode selection, as tmux 3.3a keeps it: a start and an
 * end, one of which the cursor drags (other-end swaps which); select-word and
 * select-line make the dragged end snap to words or lines; the text it holds. */
#include "copy_mode_core.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

/* Whether the cell at (x, line y) is blank (past the line's end too). */
static bool blank_at(const struct grid *g, int64_t y, int x)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    bool blank = x >= l.used || l.cells[x].ch == 0 || l.cells[x].ch == ' ';
    if (x < l.used && grid_cell_width(&l.cells[x]) == 0)
        blank = false; /* a wide character's right half */
    copy_line_free(&l);
    return blank;
}

/* The dragged end to the cursor; for select-word (select-line) the whole word (line) the
 * cursor is on, the other end back on the first one taken when the cursor crosses it. */
void copy_selection_follow(const struct grid *g, struct copy_state *cs, bool no_reset)
{
    if (no_reset) {
        copy_drag_to_cursor(cs);
        return;
    }
    if (!cs->selecting && cs->line_flag == COPY_LINES_NONE)
        return;
    if (cs->drag == COPY_DRAG_NONE || cs->end_held)
        return;
    cs->selecting = true;
    bool start = cs->drag == COPY_DRAG_START;
    int64_t y = cs->cy;
    int x = cs->cx;
    if (cs->unit == COPY_UNIT_WORD && !no_reset) {
        start = false;
        if (cs->anchor_y > y || (cs->anchor_y == y && cs->anchor_x > x)) {
            copy_word_start_pos(g, cs, &y, &x);
            start = true;
            cs->end_x = cs->reset_end_x;
            cs->end_y = cs->reset_end_y;
        } else {
            if (x >= copy_row_length(g, y) || !blank_at(g, y, x + 1))
                copy_word_end_pos(g, cs, &y, &x);
            cs->sel_x = cs->reset_x;
            cs->sel_y = cs->reset_y;
        }
    } else if (cs->unit == COPY_UNIT_LINE && !no_reset) {
        start = false;
        if (cs->anchor_y > y) {
            x = 0;
            start = true;
            cs->end_x = cs->reset_end_x;
            cs->end_y = cs->reset_end_y;
        } else {
            if (y < cs->reset_end_y)
                y = cs->reset_end_y;
            x = copy_row_length(g, y);
            cs->sel_x = cs->reset_x;
            cs->sel_y = cs->reset_y;
        }
    }
    if (start) {
        cs->sel_x = x;
        cs->sel_y = y;
    } else {
        cs->end_x = x;
        cs->end_y = y;
    }
}

void copy_move(const struct grid *g, struct copy_state *cs, copy_motion_fn fn)
{
    fn(g, cs);
    copy_selection_follow(g, cs, false);
}

/* Both ends at the cursor, the end dragged. */
static void start_selection(const struct grid *g, struct copy_state *cs)
{
    cs->selecting = true;
    cs->sel_x = cs->end_x = cs->cx;
    cs->sel_y = cs->end_y = cs->cy;
    cs->drag = COPY_DRAG_END;
    copy_selection_follow(g, cs, false);
}

void copy_begin_selection(const struct grid *g, struct copy_state *cs)
{
    cs->line_flag = COPY_LINES_NONE;
    cs->unit = COPY_UNIT_CHAR;
    start_selection(g, cs);
}

/* select-line -N n, as tmux: the cursor's line (all the rows autowrap spread it over),
 * then n - 1 more, the selection snapping to whole lines as the cursor moves on. */
/* A motion select-line or select-word makes, remembering the column as tmux does when
 * it scrolls the view to reach its end (copy_remember_scrolled). */
static void step(const struct grid *g, struct copy_state *cs, copy_motion_fn fn)
{
    int x = cs->cx;
    int64_t y = cs->cy, top = cs->top;
    fn(g, cs);
    copy_remember_scrolled(g, cs, x, y, top);
}

void copy_select_lines(const struct grid *g, struct copy_state *cs, long n)
{
    cs->line_flag = COPY_LINES_DOWN;
    cs->rectangle = false;
    cs->unit = COPY_UNIT_LINE;
    cs->anchor_x = cs->cx;
    cs->anchor_y = cs->cy;
    step(g, cs, copy_start_of_line);
    copy_selection_follow(g, cs, false);
    cs->reset_x = cs->cx;
    cs->reset_y = cs->reset_end_y = cs->cy;
    start_selection(g, cs);
    step(g, cs, copy_end_of_line);
    copy_selection_follow(g, cs, false);
    cs->reset_end_y = cs->cy;
    cs->reset_end_x = copy_row_length(g, cs->cy);
    for (long i = 1; i < n; i++) {
        copy_cursor_down(g, cs);
        copy_selection_follow(g, cs, false);
        step(g, cs, copy_end_of_line);
        copy_selection_follow(g, cs, false);
    }
}

void copy_select_line(const struct grid *g, struct copy_state *cs)
{
    copy_select_lines(g, cs, 1);
}

/* As tmux 3.3a: the cursor comes back onto its line's end, either way. */
void copy_rectangle_toggle(const struct grid *g, struct copy_state *cs)
{
    cs->line_flag = COPY_LINES_NONE;
    cs->rectangle = !cs->rectangle;
    int len = copy_row_length(g, cs->cy);
    if (cs->cx > len)
        cs->cx = len;
    copy_selection_follow(g, cs, false);
}

void copy_stop_selection(const struct grid *g, struct copy_state *cs)
{
    (void)g;
    cs->drag = COPY_DRAG_NONE;
    cs->line_flag = COPY_LINES_NONE;
    cs->unit = COPY_UNIT_CHAR;
}

void copy_clear_selection(const struct grid *g, struct copy_state *cs)
{
    cs->selecting = false;
    cs->drag = COPY_DRAG_NONE;
    cs->line_flag = COPY_LINES_NONE;
    cs->unit = COPY_UNIT_CHAR;
    int len = copy_row_length(g, cs->cy); /* as tmux: off a rectangle's columns past the end */
    if (cs->cx > len)
        cs->cx = len;
}

/* The ends in order: (*sx, *sy) first. */
static void ordered(const struct copy_state *cs, int64_t *sy, int *sx, int64_t *ey, int *ex)
{
    if (cs->end_y < cs->sel_y || (cs->end_y == cs->sel_y && cs->end_x < cs->sel_x)) {
        *sy = cs->end_y, *sx = cs->end_x, *ey = cs->sel_y, *ex = cs->sel_x;
    } else {
        *sy = cs->sel_y, *sx = cs->sel_x, *ey = cs->end_y, *ex = cs->end_x;
    }
}

/* As tmux draws it: a rectangle between the two ends' columns; else the stream between
 * them, the last cell left out with emacs keys (its cursor is between cells). */
bool copy_selected(const struct copy_state *cs, int64_t n, int x)
{
    if (!cs->selecting)
        return false;
    int64_t sy = cs->sel_y, ey = cs->end_y;
    int sx = cs->sel_x, ex = cs->end_x;
    if (n < (sy < ey ? sy : ey) || n > (sy < ey ? ey : sy))
        return false;
    if (cs->rectangle)
        return ex < sx ? x >= ex && x <= sx : x >= sx && x <= ex;
    int64_t fy, ly;
    int fx, lx;
    ordered(cs, &fy, &fx, &ly, &lx);
    if (fy == ly)
        return x >= fx && (cs->vi ? x <= lx : x < lx);
    if (n == fy && x < fx)
        return false;
    if (n == ly && (cs->vi ? x > lx : x >= lx))
        return false;
    return true;
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

/* Append columns [xs, xe) of line l as tmux: up to its length (every used cell when it
 * continues on the next row), right halves of wide characters skipped; a newline after
 * it unless it continues and the range runs to its end. */
static void add_line(struct text *t, const struct grid *g, const struct grid_line *l, int xs,
                     int xe)
{
    if (xs > xe)
        return;
    /* A row autowrap continues is taken to the screen's edge, as tmux takes it: a cell a
     * wide character did not fit in is a blank there. */
    bool wrapped = l->wrapped && l->used <= grid_cols(g);
    int end = wrapped ? grid_cols(g) : copy_line_length(l);
    if (xe > end)
        xe = end;
    if (xs > end)
        xs = end;
    for (int x = xs; x < xe; x++) {
        const struct grid_cell *c = x < l->used ? &l->cells[x] : &grid_blank_cell;
        if (grid_cell_width(c) == 0)
            continue;
        char enc[8 + GRID_MARKS_UTF8_MAX];
        int n = utf8_encode(c->ch != 0 ? c->ch : ' ', enc);
        if (c->comb != 0)
            n += grid_cell_marks_utf8(g, c, enc + n);
        text_add(t, enc, (size_t)n);
    }
    if (!wrapped || xe != end)
        text_add(t, "\n", 1);
}

/* As tmux 3.3a: the stream between the ends (the last line up to the later end, taken
 * whole in vi, up to it with emacs keys), or the rectangle between the cursor's column
 * and the other end's; the last character (the newline after a whole line) dropped but
 * with vi keys at a line's end. */
char *copy_selection_text(const struct grid *g, const struct copy_state *cs, size_t *len)
{
    if (!cs->selecting)
        return NULL;
    int64_t sy, ey;
    int sx, ex;
    ordered(cs, &sy, &sx, &ey, &ex);
    int ey_len;
    {
        struct grid_line l = {0};
        copy_line_fetch(g, ey, &l);
        ey_len = copy_line_length(&l);
        copy_line_free(&l);
    }
    if (ex > ey_len)
        ex = ey_len;
    int first_x, rest_x, last_end, rest_end;
    if (cs->rectangle) {
        int other = cs->drag == COPY_DRAG_END ? cs->sel_x : cs->end_x;
        if (other < cs->cx) {
            last_end = rest_end = cs->vi ? cs->cx + 1 : cs->cx;
            first_x = rest_x = other;
        } else {
            last_end = rest_end = other + 1;
            first_x = rest_x = cs->cx;
        }
    } else {
        last_end = cs->vi ? ex + 1 : ex;
        rest_end = grid_cols(g);
        first_x = sx;
        rest_x = 0;
    }
    struct text t = {0};
    struct grid_line l = {0};
    text_add(&t, "", 0);
    bool last_wrapped = false;
    for (int64_t n = sy; n <= ey; n++) {
        copy_line_fetch(g, n, &l);
        add_line(&t, g, &l, n == sy ? first_x : rest_x, n == ey ? last_end : rest_end);
        last_wrapped = l.wrapped;
    }
    copy_line_free(&l);
    if (t.len == 0) {
        free(t.buf);
        *len = 0;
        return NULL;
    }
    if (!cs->vi || last_end <= ey_len) {
        if (!last_wrapped || last_end != ey_len)
            t.buf[--t.len] = '\0';
    }
    *len = t.len;
    return t.buf;
}
