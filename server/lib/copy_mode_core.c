/* copy_mode_core.c - the copy-mode view over a grid: line numbering, clamping, cursor
 * motions and scrolling (see copy_mode_core.h). Search is in copy_mode_search.c, the
 * selection in copy_mode_select.c. */
#include "copy_mode_core.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static int64_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

int64_t copy_first_line(const struct grid *g)
{
    return (int64_t)grid_history_dropped(g);
}

int64_t copy_screen_top(const struct grid *g)
{
    return copy_first_line(g) + grid_history_size(g);
}

int64_t copy_last_line(const struct grid *g)
{
    return copy_screen_top(g) + grid_rows(g) - 1;
}

int64_t copy_offset(const struct grid *g, const struct copy_state *cs)
{
    return copy_screen_top(g) - cs->top;
}

void copy_state_init(struct copy_state *cs, const struct grid *g, bool vi, int x, int y)
{
    memset(cs, 0, sizeof *cs);
    cs->vi = vi;
    cs->search_count = -1;
    cs->top = copy_screen_top(g);
    cs->cy = cs->top + y;
    cs->cx = x;
    copy_clamp(g, cs);
}

void copy_state_free(struct copy_state *cs)
{
    free(cs->search);
    cs->search = NULL;
    free(cs->marks);
    cs->marks = NULL;
    free(cs->searched);
    cs->searched = NULL;
    free(cs->separators);
    cs->separators = NULL;
}

bool copy_line_fetch(const struct grid *g, int64_t n, struct grid_line *l)
{
    int64_t i = n - copy_first_line(g);
    int hist = grid_history_size(g);
    if (i >= 0 && i < hist)
        return grid_history_copy(g, (int)i, l); /* decoded straight into l */
    l->used = 0;
    l->wrapped = false;
    l->mark = 0;
    const struct grid_line *src = NULL;
    if (i >= hist && i - hist < grid_rows(g))
        src = grid_line_const(g, (int)(i - hist));
    if (src == NULL)
        return false;
    if (src->used > l->size) {
        l->cells = xreallocarray(l->cells, (size_t)src->used, sizeof *l->cells);
        l->size = src->used;
    }
    if (src->used > 0)
        memcpy(l->cells, src->cells, (size_t)src->used * sizeof *l->cells);
    l->used = src->used;
    l->wrapped = src->wrapped;
    l->mark = src->mark;
    return true;
}

void copy_line_free(struct grid_line *l)
{
    grid_line_release(l);
}

static bool cell_blank(const struct grid_cell *c)
{
    return (c->ch == 0 || c->ch == ' ') && grid_cell_width(c) != 0;
}

int copy_line_length(const struct grid_line *l)
{
    int n = l->used;
    while (n > 0 && cell_blank(&l->cells[n - 1]))
        n--;
    return n;
}

int copy_row_length(const struct grid *g, int64_t y)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    int len = copy_line_length(&l);
    copy_line_free(&l);
    return len;
}

/* Keep the cursor's line in the view, moving the view. */
static void show_cursor(const struct grid *g, struct copy_state *cs)
{
    int rows = grid_rows(g);
    if (cs->cy < cs->top)
        cs->top = cs->cy;
    if (cs->cy > cs->top + rows - 1)
        cs->top = cs->cy - rows + 1;
    cs->top = clamp64(cs->top, copy_first_line(g), copy_screen_top(g));
}

/* Show line y when it is out of view, as tmux: on the row a quarter of the pane's height
 * above the bottom, or with the view at the top (y among the first pane-height lines) or
 * at the bottom (y among the last quarter's) of the history. */
void copy_show_line(const struct grid *g, struct copy_state *cs, int64_t y)
{
    int rows = grid_rows(g), gap = rows / 4;
    int64_t first = copy_first_line(g), bottom = copy_screen_top(g);
    if (y >= cs->top && y <= cs->top + rows - 1)
        return;
    if (y - first < rows)
        cs->top = first;
    else if (y > bottom + rows - gap)
        cs->top = bottom;
    else
        cs->top = y + gap - rows;
}

/* Step left off the right half of a wide character. */
static int snap_x(const struct grid *g, int64_t y, int x)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    while (x > 0 && x < l.used && grid_cell_width(&l.cells[x]) == 0)
        x--;
    copy_line_free(&l);
    return x;
}

void copy_clamp(const struct grid *g, struct copy_state *cs)
{
    int64_t first = copy_first_line(g), last = copy_last_line(g);
    int rows = grid_rows(g), cols = grid_cols(g);
    cs->top = clamp64(cs->top, first, copy_screen_top(g));
    cs->cy = clamp64(cs->cy, cs->top, cs->top + rows - 1);
    cs->cy = clamp64(cs->cy, first, last);
    /* as tmux, the cursor may stand one past the last column (a full line's end) */
    cs->cx = (int)clamp64(cs->cx, 0, cols);
    cs->sel_y = clamp64(cs->sel_y, first, last);
    cs->sel_x = (int)clamp64(cs->sel_x, 0, cols);
    cs->end_y = clamp64(cs->end_y, first, last);
    cs->end_x = (int)clamp64(cs->end_x, 0, cols);
}

/* The length of line y, as copy_line_length. */
static int line_length_at(const struct grid *g, int64_t y)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    int len = copy_line_length(&l);
    copy_line_free(&l);
    return len;
}

/* A selected rectangle: vertical motions keep the column and line ends are the pane's. */
static bool rect_active(const struct copy_state *cs)
{
    return cs->selecting && cs->rectangle;
}

/* Before a vertical motion, as tmux: remember the column and its line's length, unless
 * the cursor is at the line's end (then what was remembered before stays). */
static void remember_x(const struct grid *g, struct copy_state *cs)
{
    if (rect_active(cs))
        return;
    int len = line_length_at(g, cs->cy);
    if (cs->cx != len) {
        cs->last_cx = cs->cx;
        cs->last_len = len;
    }
}

/* After a vertical motion, as tmux: the remembered column, or the line's end when that
 * column is past it, or was at or past the end of the line it was remembered on.
 * Returns whether it was put on the line's end so. */
static bool fit_x(const struct grid *g, struct copy_state *cs)
{
    if (rect_active(cs))
        return false;
    int len = line_length_at(g, cs->cy);
    int x = cs->last_cx;
    bool to_end = (x >= cs->last_len && x != len) || x > len;
    if (to_end)
        x = len;
    cs->cx = x < 0 ? 0 : x; /* as tmux, on a wide character's right half too */
    return to_end;
}

void copy_drag_to_cursor(struct copy_state *cs)
{
    if (!cs->selecting && cs->line_flag == COPY_LINES_NONE)
        return;
    if (cs->drag == COPY_DRAG_NONE || cs->end_held)
        return;
    cs->selecting = true;
    if (cs->drag == COPY_DRAG_START) {
        cs->sel_x = cs->cx;
        cs->sel_y = cs->cy;
    } else {
        cs->end_x = cs->cx;
        cs->end_y = cs->cy;
    }
}

/* As tmux: the cursor goes to the end it does not drag, and drags that one from now. */
/* The other end is dragged from now (and select-line's runs the other way). */
static void swap_ends(struct copy_state *cs)
{
    if (cs->line_flag == COPY_LINES_DOWN)
        cs->line_flag = COPY_LINES_UP;
    else if (cs->line_flag == COPY_LINES_UP)
        cs->line_flag = COPY_LINES_DOWN;
    cs->drag = cs->drag == COPY_DRAG_END ? COPY_DRAG_START : COPY_DRAG_END;
}

void copy_other_end(const struct grid *g, struct copy_state *cs)
{
    if (!cs->selecting && cs->line_flag == COPY_LINES_NONE)
        return;
    swap_ends(cs);
    int64_t y = cs->drag == COPY_DRAG_START ? cs->sel_y : cs->end_y;
    cs->cx = cs->drag == COPY_DRAG_START ? cs->sel_x : cs->end_x;
    int rows = grid_rows(g);
    cs->cy = y;
    /* As tmux, the cursor keeps the end's column, even past its line's end. The view
     * moves to the end; tmux 3.3a leaves it when the end is on the row just below, its
     * cursor under the view: here the view moves for that one too. */
    if (y < cs->top)
        cs->top = y;
    else if (y > cs->top + rows - 1)
        cs->top = y - rows + 1;
    copy_drag_to_cursor(cs);
}

/* Before a vertical motion under select-line or select-word, as tmux: leaving the
 * selection's first line upwards (its last downwards) goes to its other end first. */
static void lines_leave(const struct grid *g, struct copy_state *cs, bool up)
{
    if (up && cs->line_flag == COPY_LINES_DOWN && cs->cy == cs->sel_y)
        copy_other_end(g, cs);
    else if (!up && cs->line_flag == COPY_LINES_UP && cs->cy == cs->end_y)
        copy_other_end(g, cs);
}

/* After it: the cursor at the end (start) of its line, the selection running down (up). */
static void lines_arrive(const struct grid *g, struct copy_state *cs)
{
    if (cs->line_flag == COPY_LINES_DOWN)
        cs->cx = cs->rectangle ? grid_cols(g) : line_length_at(g, cs->cy);
    else if (cs->line_flag == COPY_LINES_UP)
        cs->cx = 0;
}

void copy_remember_scrolled(const struct grid *g, struct copy_state *cs, int old_x, int64_t old_y,
                            int64_t old_top)
{
    bool rect = rect_active(cs); /* in a rectangle, no column is remembered */
    int64_t n = old_top - cs->top, step = n > 0 ? -1 : 1;
    int x = old_x;
    for (int64_t line = old_y, i = 0; i < (n > 0 ? n : -n); i++) {
        /* a step up from select-line's first line (down from its last) swaps the ends,
         * as a cursor-up (cursor-down) there does */
        if ((n > 0 && cs->line_flag == COPY_LINES_DOWN && line == cs->sel_y) ||
            (n < 0 && cs->line_flag == COPY_LINES_UP && line == cs->end_y))
            swap_ends(cs);
        if (rect) {
            line += step;
            continue;
        }
        int len = line_length_at(g, line);
        if (x != len) {
            cs->last_cx = x;
            cs->last_len = len;
        }
        x = cs->last_cx;
        line += step;
        len = line_length_at(g, line);
        if ((x >= cs->last_len && x != len) || x > len)
            x = len;
    }
}

void copy_cursor_up(const struct grid *g, struct copy_state *cs)
{
    remember_x(g, cs);
    lines_leave(g, cs, true);
    if (cs->cy > copy_first_line(g))
        cs->cy--;
    show_cursor(g, cs);
    fit_x(g, cs);
    lines_arrive(g, cs);
}

void copy_cursor_down(const struct grid *g, struct copy_state *cs)
{
    remember_x(g, cs);
    lines_leave(g, cs, false);
    if (cs->cy < copy_last_line(g))
        cs->cy++;
    show_cursor(g, cs);
    fit_x(g, cs);
    lines_arrive(g, cs);
}


/* As tmux: left of the first column is the end of the line above, right of the line's
 * end the start of the line below. */
void copy_cursor_left(const struct grid *g, struct copy_state *cs)
{
    if (cs->cx > 0) {
        /* as tmux: a step from a wide character's right half goes over the character,
         * any other a column, so the cursor lands on right halves going left */
        struct grid_line l = {0};
        copy_line_fetch(g, cs->cy, &l);
        bool half = cs->cx < l.used && grid_cell_width(&l.cells[cs->cx]) == 0;
        copy_line_free(&l);
        cs->cx -= half && cs->cx > 1 ? 2 : 1;
    } else if (cs->cy > copy_first_line(g)) {
        cs->cy--; /* not a vertical motion: what it remembers stays */
        show_cursor(g, cs);
        cs->cx = snap_x(g, cs->cy, line_length_at(g, cs->cy)); /* a rectangle's too */
    }
}

void copy_cursor_right(const struct grid *g, struct copy_state *cs)
{
    struct grid_line l = {0};
    copy_line_fetch(g, cs->cy, &l);
    int len = rect_active(cs) ? grid_cols(g) : copy_line_length(&l);
    if (cs->cx >= len && cs->cy < copy_last_line(g)) {
        copy_line_free(&l);
        copy_cursor_down(g, cs);
        cs->cx = 0;
        return;
    }
    /* as tmux: up to the line's end (one past its last character), over wide
     * characters' right halves */
    if (cs->cx < len) {
        cs->cx++;
        while (cs->cx < len && cs->cx < l.used && grid_cell_width(&l.cells[cs->cx]) == 0)
            cs->cx++;
    }
    copy_line_free(&l);
}

static bool row_wrapped(const struct grid *g, int64_t y)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    bool wrapped = l.wrapped;
    copy_line_free(&l);
    return wrapped;
}

/* The first and the last row of the line that row y is part of (rows joined by
 * autowrap). */
static int64_t logical_first_row(const struct grid *g, int64_t y)
{
    while (y > copy_first_line(g) && row_wrapped(g, y - 1))
        y--;
    return y;
}

static int64_t logical_last_row(const struct grid *g, int64_t y)
{
    while (y < copy_last_line(g) && row_wrapped(g, y))
        y++;
    return y;
}

/* As tmux, start-of-line goes to the first row of a line autowrap spread over. */
void copy_start_of_line(const struct grid *g, struct copy_state *cs)
{
    cs->cy = logical_first_row(g, cs->cy);
    cs->cx = 0;
    show_cursor(g, cs);
}

/* The end of the cursor's row: one past its last character; a selected rectangle's is
 * one past the pane's last column, as tmux. */
static void row_end(const struct grid *g, struct copy_state *cs)
{
    int x = rect_active(cs) ? grid_cols(g) : line_length_at(g, cs->cy);
    cs->cx = snap_x(g, cs->cy, x);
}

/* As tmux, end-of-line goes to the last row of a line autowrap spread over. */
void copy_end_of_line(const struct grid *g, struct copy_state *cs)
{
    cs->cy = logical_last_row(g, cs->cy);
    show_cursor(g, cs);
    row_end(g, cs);
}

void copy_clamp_to_line(const struct grid *g, struct copy_state *cs)
{
    int len = line_length_at(g, cs->cy);
    if (cs->cx > len)
        cs->cx = snap_x(g, cs->cy, len);
}

/* As tmux: the first non-blank of the line (over all the rows autowrap spread it over);
 * on a line of blanks the cursor stays where it is. */
void copy_back_to_indentation(const struct grid *g, struct copy_state *cs)
{
    struct grid_line l = {0};
    for (int64_t y = logical_first_row(g, cs->cy);; y++) {
        copy_line_fetch(g, y, &l);
        int len = copy_line_length(&l);
        for (int x = 0; x < len; x++) {
            if (!cell_blank(&l.cells[x]) && grid_cell_width(&l.cells[x]) != 0) {
                copy_line_free(&l);
                cs->cy = y;
                cs->cx = x;
                show_cursor(g, cs);
                return;
            }
        }
        if (!l.wrapped || y >= copy_last_line(g))
            break;
    }
    copy_line_free(&l);
}

void copy_history_top(const struct grid *g, struct copy_state *cs)
{
    if (cs->line_flag == COPY_LINES_DOWN && cs->cy == cs->sel_y)
        copy_other_end(g, cs);
    cs->cy = cs->top = copy_first_line(g);
    cs->cx = 0;
}

void copy_history_bottom(const struct grid *g, struct copy_state *cs)
{
    if (cs->line_flag == COPY_LINES_UP && cs->cy == cs->end_y)
        copy_other_end(g, cs);
    cs->top = copy_screen_top(g);
    cs->cy = copy_last_line(g);
    cs->cx = line_length_at(g, cs->cy); /* as tmux, a rectangle's too */
}

/* top-line, middle-line, bottom-line: as tmux, at the line's start. */
static void cursor_to_row(const struct grid *g, struct copy_state *cs, int row)
{
    cs->cy = clamp64(cs->top + row, copy_first_line(g), copy_last_line(g));
    cs->cx = 0;
}

void copy_top_line(const struct grid *g, struct copy_state *cs)
{
    cursor_to_row(g, cs, 0);
}

void copy_middle_line(const struct grid *g, struct copy_state *cs)
{
    cursor_to_row(g, cs, (grid_rows(g) - 1) / 2);
}

void copy_bottom_line(const struct grid *g, struct copy_state *cs)
{
    cursor_to_row(g, cs, grid_rows(g) - 1);
}

void copy_cursor_to(const struct grid *g, struct copy_state *cs, int x, int row)
{
    int rows = grid_rows(g);
    row = row < 0 ? 0 : (row >= rows ? rows - 1 : row);
    cs->cy = clamp64(cs->top + row, copy_first_line(g), copy_last_line(g));
    cs->cx = (int)clamp64(x, 0, grid_cols(g) - 1);
    cs->cx = snap_x(g, cs->cy, cs->cx);
}

void copy_scroll_by(const struct grid *g, struct copy_state *cs, int64_t n)
{
    cs->top = clamp64(cs->top - n, copy_first_line(g), copy_screen_top(g));
    int64_t bottom = cs->top + grid_rows(g) - 1;
    if (cs->cy < cs->top || cs->cy > bottom) {
        remember_x(g, cs);
        cs->cy = clamp64(cs->cy, cs->top, bottom);
        fit_x(g, cs);
    }
}

/* Move the view by n lines, the cursor keeping its row; as tmux, when the view cannot
 * move all of them (an end of the history), the cursor moves n rows instead. The cursor
 * goes back to the remembered column (a rectangle's too) and, but in a rectangle, to the
 * end of its line (its last row) when that column is past it or was at the end. */
static void scroll_keep_row(const struct grid *g, struct copy_state *cs, int64_t n)
{
    int len = line_length_at(g, cs->cy);
    if (cs->cx != len) {
        cs->last_cx = cs->cx;
        cs->last_len = len;
    }
    cs->cx = cs->last_cx;
    int64_t row = cs->cy - cs->top;
    int64_t old = cs->top;
    cs->top = clamp64(cs->top - n, copy_first_line(g), copy_screen_top(g));
    if (old - cs->top != n)
        row = clamp64(row - n, 0, grid_rows(g) - 1);
    cs->cy = clamp64(cs->top + row, copy_first_line(g), copy_last_line(g));
    if (rect_active(cs))
        return;
    len = line_length_at(g, cs->cy);
    if ((cs->cx >= cs->last_len && cs->cx != len) || cs->cx > len)
        copy_end_of_line(g, cs);
}

static int page(const struct grid *g)
{
    return grid_rows(g) > 2 ? grid_rows(g) - 2 : 1;
}

static int halfpage(const struct grid *g)
{
    return grid_rows(g) > 1 ? grid_rows(g) / 2 : 1;
}

bool copy_scroll_line(const struct grid *g, struct copy_state *cs, int64_t n)
{
    remember_x(g, cs); /* as tmux, even when the view cannot move */
    lines_leave(g, cs, n > 0);
    int64_t row = cs->cy - cs->top, old = cs->top;
    cs->top = clamp64(cs->top - n, copy_first_line(g), copy_screen_top(g));
    if (cs->top != old)
        cs->cy = clamp64(cs->top + row, copy_first_line(g), copy_last_line(g));
    /* as tmux, even when the view cannot move: to the remembered column, or off a
     * line's end */
    bool to_end = fit_x(g, cs);
    lines_arrive(g, cs);
    return cs->top != old || to_end || cs->line_flag != COPY_LINES_NONE;
}

void copy_scroll_up(const struct grid *g, struct copy_state *cs)
{
    copy_scroll_line(g, cs, 1);
}

void copy_scroll_down(const struct grid *g, struct copy_state *cs)
{
    copy_scroll_line(g, cs, -1);
}

void copy_halfpage_up(const struct grid *g, struct copy_state *cs)
{
    scroll_keep_row(g, cs, halfpage(g));
}

void copy_halfpage_down(const struct grid *g, struct copy_state *cs)
{
    scroll_keep_row(g, cs, -halfpage(g));
}

void copy_page_up(const struct grid *g, struct copy_state *cs)
{
    scroll_keep_row(g, cs, page(g));
}

void copy_page_down(const struct grid *g, struct copy_state *cs)
{
    scroll_keep_row(g, cs, -page(g));
}

/* As tmux, the view moves, the cursor keeps its row and its column (even past the end of
 * its new line). */
void copy_goto_line(const struct grid *g, struct copy_state *cs, int64_t offset)
{
    offset = clamp64(offset, 0, grid_history_size(g));
    int64_t row = cs->cy - cs->top;
    cs->top = copy_screen_top(g) - offset;
    cs->cy = clamp64(cs->top + row, copy_first_line(g), copy_last_line(g));
}

/* --- Words --- */

/* A walk over the characters of the lines: positions are lead cells of characters
 * up to the line's length, plus the line's end (x == len, a blank) unless the line
 * continues on the next by autowrap. As tmux, a walk that runs off the last line's end
 * stops one column further (x == len + 1). */
struct walk {
    const struct grid *g;
    const char *separators; /* NULL: ASCII punctuation but '_' (tmux's default) */
    struct grid_line line;
    int64_t y;
    int x, len;
};

static void walk_load(struct walk *w, int64_t y)
{
    w->y = y;
    copy_line_fetch(w->g, y, &w->line);
    /* as tmux: a row autowrap continues is whole, its trailing blanks too */
    w->len = w->line.wrapped ? grid_cols(w->g) : copy_line_length(&w->line);
}

static void walk_start(struct walk *w, const struct grid *g, const struct copy_state *cs,
                       bool forward)
{
    memset(w, 0, sizeof *w);
    w->g = g;
    w->separators = cs->separators;
    walk_load(w, cs->cy);
    w->x = cs->cx < w->len ? cs->cx : w->len;
    /* as tmux: past the end of a row autowrap continues (or past the character after a
     * line's end) is the next row's start */
    bool past = w->line.wrapped ? cs->cx >= w->len : cs->cx > w->len;
    if (forward && past && cs->cy < copy_last_line(g)) {
        walk_load(w, cs->cy + 1);
        w->x = 0;
    }
    while (w->x > 0 && w->x < w->len && w->x < w->line.used && grid_cell_width(&w->line.cells[w->x]) == 0)
        w->x--;
}

/* 0 blank, 1 a word separator, 2 word (space: every non-blank is 2). Separators are
 * the word-separators characters (ASCII ones; others are always part of words). */
static int walk_class(const struct walk *w, bool space)
{
    if (w->x >= w->len || w->x >= w->line.used)
        return 0;
    uint32_t ch = w->line.cells[w->x].ch;
    if (ch == 0 || ch == ' ' || ch == '\t')
        return 0;
    if (space)
        return 2;
    bool punct;
    if (w->separators != NULL)
        punct = ch > ' ' && ch < 0x7f && strchr(w->separators, (int)ch) != NULL;
    else
        punct = ch < 0x80 && ch > ' ' && ch != '_' && !(ch >= '0' && ch <= '9') &&
                !(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z') && ch != 0x7f;
    return punct ? 1 : 2;
}

static bool walk_next(struct walk *w)
{
    if (w->x < w->len) {
        int width = w->x < w->line.used ? grid_cell_width(&w->line.cells[w->x]) : 1;
        w->x += width > 0 ? width : 1;
        if (w->x >= w->len)
            w->x = w->len;
        if (w->x < w->len || !w->line.wrapped)
            return true;
    }
    if (w->y >= copy_last_line(w->g)) {
        if (w->x == w->len)
            w->x++;
        return false;
    }
    walk_load(w, w->y + 1);
    w->x = 0;
    return true;
}

static bool walk_prev(struct walk *w)
{
    if (w->x > 0) {
        w->x--;
        while (w->x > 0 && w->x < w->line.used && grid_cell_width(&w->line.cells[w->x]) == 0)
            w->x--;
        return true;
    }
    if (w->y <= copy_first_line(w->g))
        return false;
    walk_load(w, w->y - 1);
    w->x = w->len;
    if (w->line.wrapped && w->x > 0)
        return walk_prev(w);
    return true;
}

static void walk_goto(struct walk *w, int64_t y, int x)
{
    if (y != w->y)
        walk_load(w, y);
    w->x = x;
}

static void walk_finish(struct walk *w, struct copy_state *cs)
{
    cs->cy = w->y;
    cs->cx = w->x < grid_cols(w->g) ? w->x : grid_cols(w->g);
    copy_line_free(&w->line);
    show_cursor(w->g, cs);
}

/* Whether the cursor is past the end of the last line (and the character after it): a
 * word motion forward leaves it there, as tmux. */
static bool past_last_line(const struct grid *g, const struct copy_state *cs)
{
    return cs->cy == copy_last_line(g) && cs->cx > line_length_at(g, cs->cy);
}

static void next_word(const struct grid *g, struct copy_state *cs, bool space)
{
    if (past_last_line(g, cs))
        return;
    struct walk w;
    walk_start(&w, g, cs, true);
    int c = walk_class(&w, space);
    bool more = true;
    if (c != 0) {
        while ((more = walk_next(&w)) && walk_class(&w, space) == c)
            ;
    }
    while (more && walk_class(&w, space) == 0 && (more = walk_next(&w)))
        ;
    walk_finish(&w, cs);
}

static void previous_word(const struct grid *g, struct copy_state *cs, bool space)
{
    struct walk w;
    walk_start(&w, g, cs, false);
    bool more = walk_prev(&w);
    while (more && walk_class(&w, space) == 0 && (more = walk_prev(&w)))
        ;
    int c = walk_class(&w, space);
    while (more && c != 0) {
        int64_t y = w.y;
        int x = w.x;
        if (!walk_prev(&w))
            break;
        if (walk_class(&w, space) != c) {
            walk_goto(&w, y, x);
            break;
        }
    }
    walk_finish(&w, cs);
}

/* vi: onto the last character of the next word end; emacs: just after the end of the
 * word (or run of punctuation) the cursor is on, as tmux. */
static void next_word_end(const struct grid *g, struct copy_state *cs, bool space)
{
    if (past_last_line(g, cs)) {
        if (cs->vi) /* as tmux, a cell back */
            cs->cx--;
        return;
    }
    /* vi: a step first, as tmux, unless the cursor is on a blank */
    struct grid_line l = {0};
    copy_line_fetch(g, cs->cy, &l);
    bool blank_start = cs->cx >= l.used || cell_blank(&l.cells[cs->cx]);
    copy_line_free(&l);
    struct walk w;
    walk_start(&w, g, cs, true);
    bool more = cs->vi && !blank_start ? walk_next(&w) : true;
    while (more && walk_class(&w, space) == 0 && (more = walk_next(&w)))
        ;
    if (!more && cs->vi && w.x > 0) /* vi: back from past the last line's end */
        w.x--;
    int c = walk_class(&w, space);
    while (more && c != 0) {
        if (!walk_next(&w))
            break;
        if (walk_class(&w, space) != c) {
            /* vi: a cell back from just after the word, as tmux: onto a wide last
             * character's right half, or past the end of the row a word ends a wrapped
             * row on */
            if (cs->vi && w.x > 0)
                w.x--;
            else if (cs->vi && w.y > copy_first_line(g)) {
                walk_load(&w, w.y - 1);
                w.x = copy_line_length(&w.line);
            }
            break;
        }
    }
    walk_finish(&w, cs);
}

void copy_next_word(const struct grid *g, struct copy_state *cs)
{
    next_word(g, cs, false);
}

void copy_previous_word(const struct grid *g, struct copy_state *cs)
{
    previous_word(g, cs, false);
}

void copy_next_word_end(const struct grid *g, struct copy_state *cs)
{
    next_word_end(g, cs, false);
}

void copy_next_space(const struct grid *g, struct copy_state *cs)
{
    next_word(g, cs, true);
}

void copy_previous_space(const struct grid *g, struct copy_state *cs)
{
    previous_word(g, cs, true);
}

void copy_next_space_end(const struct grid *g, struct copy_state *cs)
{
    next_word_end(g, cs, true);
}

/* previous-word's start for select-word (tmux's with 'already' off): on a word, the
 * start of that word; on a blank, the start of the word before. */
void copy_word_start_pos(const struct grid *g, const struct copy_state *cs, int64_t *y, int *x)
{
    struct copy_state tmp = *cs;
    tmp.cy = *y;
    tmp.cx = *x;
    struct walk w;
    walk_start(&w, g, &tmp, false);
    int c = walk_class(&w, false);
    if (c == 0) {
        copy_line_free(&w.line);
        previous_word(g, &tmp, false);
        *y = tmp.cy;
        *x = tmp.cx;
        return;
    }
    for (;;) {
        int64_t py = w.y;
        int px = w.x;
        if (!walk_prev(&w) || walk_class(&w, false) != c) {
            walk_goto(&w, py, px);
            break;
        }
    }
    *y = w.y;
    *x = w.x;
    copy_line_free(&w.line);
}

void copy_word_end_pos(const struct grid *g, const struct copy_state *cs, int64_t *y, int *x)
{
    struct copy_state tmp = *cs;
    tmp.cy = *y;
    tmp.cx = *x;
    next_word_end(g, &tmp, false);
    *y = tmp.cy;
    *x = tmp.cx;
}
