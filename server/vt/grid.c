/* grid.c - cell storage for one screen: the visible lines as cells, and the lines
 * scrolled off the top in a compact history (history.c). Visible lines are allocated
 * only as wide as they are used. */
#include "grid.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "combs.h"
#include "grid_reflow.h"
#include "history.h"
#include "utf8.h"
#include "xmalloc.h"

struct grid {
    int cols, rows;
    struct grid_line *lines;   /* rows visible lines, a ring starting at 'first' */
    int first;                 /* the index in lines of the top row */
    struct grid_line *scratch; /* rows slots used while scrolling */

    struct history *hist;       /* lines scrolled off the top, encoded */
    struct grid_line *hist_out; /* grid_history_line decodes here */
    const struct combs *combs;  /* the cells' sequences of combining marks, or NULL */
    uint64_t version;           /* the last version given to a line (cell.h) */
};

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/* Visible row y (0 <= y < rows), to read. The rows are a ring so that scrolling the
 * whole screen, the flood's every line, moves no line: only 'first' turns. */
static struct grid_line *row_read(const struct grid *g, int y)
{
    int i = g->first + y;
    return &g->lines[i >= g->rows ? i - g->rows : i];
}

/* A line about to change gets a new version (cell.h). */
static struct grid_line *touch(struct grid *g, struct grid_line *l)
{
    l->version = ++g->version;
    return l;
}

/* Visible row y, to change: it is no longer known to be plain (cell.h). The few
 * paths that keep plain text plain use row_read (and touch) and say so. */
static struct grid_line *row(struct grid *g, int y)
{
    struct grid_line *l = touch(g, row_read(g, y));
    l->plain = false;
    l->clean = 0;
    return l;
}

/* Put the ring in order (first = 0), for the rare operations that take the rows as
 * an array: resizing, reflow, pulling history back. */
static void unroll(struct grid *g)
{
    if (g->first == 0)
        return;
    for (int y = 0; y < g->rows; y++)
        g->scratch[y] = *row_read(g, y);
    memcpy(g->lines, g->scratch, (size_t)g->rows * sizeof *g->lines);
    g->first = 0;
}

static struct grid_cell blank_with(const struct grid_pen *pen)
{
    struct grid_cell c = grid_blank_cell;
    if (pen != NULL)
        c.bg = pen->bg;
    return c;
}

static bool pen_is_default(const struct grid_pen *pen)
{
    return pen == NULL || pen->bg == COLOUR_DEFAULT;
}

/* Make sure cells [0, n) are meaningful, growing the allocation and filling the new
 * part with default blanks. n never exceeds cols, so lines stay as wide as used. */
static void line_ensure(struct grid_line *l, int n, int cols)
{
    if (n <= l->used)
        return;
    if (n > l->size) {
        int size = l->size ? l->size : 16;
        while (size < n)
            size *= 2;
        if (size > cols && n <= cols)
            size = cols;
        if (size < n)
            size = n;
        l->cells = xreallocarray(l->cells, (size_t)size, sizeof *l->cells);
        l->size = size;
    }
    for (int i = l->used; i < n; i++)
        l->cells[i] = grid_blank_cell;
    l->used = n;
}

static void line_fill(struct grid_line *l, int from, int to, const struct grid_pen *pen)
{
    struct grid_cell c = blank_with(pen);
    for (int i = from; i < to; i++)
        l->cells[i] = c;
}

/* Keep wide characters whole around the range [x, end) that is about to change: a
 * wide character half inside is blanked entirely. */
static void line_split_wide(struct grid_line *l, int x, int end)
{
    if (x > 0 && x < l->used && grid_cell_width(&l->cells[x]) == 0) {
        l->cells[x - 1].ch = 0;
        l->cells[x - 1].comb = 0;
        grid_cell_set_width(&l->cells[x - 1], 1);
        grid_cell_set_link(&l->cells[x - 1], 0);
        grid_cell_set_width(&l->cells[x], 1);
        l->cells[x].ch = 0;
        grid_cell_set_link(&l->cells[x], 0);
    }
    if (end > 0 && end < l->used && grid_cell_width(&l->cells[end]) == 0) {
        grid_cell_set_width(&l->cells[end], 1);
        l->cells[end].ch = 0;
        l->cells[end].comb = 0;
        grid_cell_set_link(&l->cells[end], 0);
        if (end - 1 >= x && grid_cell_width(&l->cells[end - 1]) == 2)
            grid_cell_set_width(&l->cells[end - 1], 1);
    }
}

/* Blank the line, keeping its allocation; a coloured background fills it out. */
static void line_reset(struct grid_line *l, int cols, const struct grid_pen *pen)
{
    l->used = 0;
    l->wrapped = false;
    l->mark = 0;
    l->plain = pen_is_default(pen);
    if (!l->plain) { /* the default pen leaves the cells, so 'clean' holds */
        l->clean = 0;
        line_ensure(l, cols, cols);
        line_fill(l, 0, cols, pen);
    }
}

struct grid *grid_create(int cols, int rows, int history_limit)
{
    struct grid *g = xcalloc(1, sizeof *g);
    g->cols = cols < 1 ? 1 : cols;
    g->rows = rows < 1 ? 1 : rows;
    g->lines = xcalloc((size_t)g->rows, sizeof *g->lines);
    for (int y = 0; y < g->rows; y++) {
        g->lines[y].plain = true; /* empty */
        touch(g, &g->lines[y]);
    }
    g->scratch = xcalloc((size_t)g->rows, sizeof *g->scratch);
    g->hist = history_create();
    history_set_line_limit(g->hist, history_limit);
    g->hist_out = xcalloc(1, sizeof *g->hist_out);
    return g;
}

void grid_free(struct grid *g)
{
    if (g == NULL)
        return;
    for (int y = 0; y < g->rows; y++)
        grid_line_release(row_read(g, y));
    history_free(g->hist);
    grid_line_release(g->hist_out);
    free(g->hist_out);
    free(g->lines);
    free(g->scratch);
    free(g);
}

int grid_cols(const struct grid *g)
{
    return g->cols;
}

int grid_rows(const struct grid *g)
{
    return g->rows;
}

struct grid_line *grid_line(struct grid *g, int y)
{
    if (y < 0 || y >= g->rows)
        return NULL;
    return row(g, y);
}

const struct grid_line *grid_line_const(const struct grid *g, int y)
{
    if (y < 0 || y >= g->rows)
        return NULL;
    return row_read(g, y);
}

int grid_history_size(const struct grid *g)
{
    return history_size(g->hist);
}

uint64_t grid_history_dropped(const struct grid *g)
{
    return history_dropped(g->hist);
}

const struct grid_line *grid_history_line(const struct grid *g, int i)
{
    if (i < 0 || i >= history_size(g->hist))
        return NULL;
    history_get(g->hist, i, g->hist_out);
    return g->hist_out;
}

bool grid_history_copy(const struct grid *g, int i, struct grid_line *out)
{
    if (i < 0 || i >= history_size(g->hist))
        return false;
    history_get(g->hist, i, out);
    return true;
}

bool grid_history_info(const struct grid *g, int i, int *used, bool *wrapped)
{
    return history_info(g->hist, i, used, wrapped);
}

void grid_set_combs(struct grid *g, const struct combs *combs)
{
    g->combs = combs;
}

bool grid_has_comb_sequences(const struct grid *g)
{
    return combs_count(g->combs) > 0;
}

int grid_cell_marks_utf8(const struct grid *g, const struct grid_cell *c, char *out)
{
    uint32_t m[COMBS_MARKS];
    int n = combs_get(g != NULL ? g->combs : NULL, c->comb, m), len = 0;
    for (int i = 0; i < n; i++)
        len += utf8_encode(m[i], out + len);
    return len;
}

int grid_cell_marks(const struct grid *g, const struct grid_cell *c, uint32_t *out)
{
    return combs_get(g != NULL ? g->combs : NULL, c->comb, out);
}

uint32_t grid_cell_first_mark(const struct grid *g, const struct grid_cell *c)
{
    uint32_t m[COMBS_MARKS];
    return combs_get(g != NULL ? g->combs : NULL, c->comb, m) > 0 ? m[0] : 0;
}

void grid_set_links(struct grid *g, struct links *links)
{
    history_set_links(g->hist, links);
}

void grid_set_history_limit(struct grid *g, int limit)
{
    history_set_line_limit(g->hist, limit);
}

void grid_set_history_bytes(struct grid *g, size_t bytes)
{
    history_set_byte_limit(g->hist, bytes);
}

void grid_set_history_pool(struct grid *g, struct history_pool *pool)
{
    history_set_pool(g->hist, pool);
}

size_t grid_history_bytes(const struct grid *g)
{
    return history_bytes(g->hist);
}

void grid_clear_history(struct grid *g)
{
    history_clear(g->hist);
    grid_line_release(g->hist_out);
}

const struct grid_cell *grid_get(const struct grid *g, int x, int y)
{
    if (y < 0 || y >= g->rows || x < 0 || x >= g->cols)
        return &grid_blank_cell;
    const struct grid_line *l = row_read(g, y);
    if (x >= l->used)
        return &grid_blank_cell;
    return &l->cells[x];
}

struct grid_cell *grid_set(struct grid *g, int x, int y)
{
    if (y < 0 || y >= g->rows || x < 0 || x >= g->cols)
        return NULL;
    struct grid_line *l = row(g, y);
    line_ensure(l, x + 1, g->cols);
    return &l->cells[x];
}

/* Like line_ensure(l, x + n) but cells [x, x + n) are left for the caller to write:
 * only the gap between the old end and x is blanked. */
static void line_ensure_write(struct grid_line *l, int x, int n, int cols)
{
    int end = x + n;
    if (end <= l->used)
        return;
    if (end > l->size) {
        line_ensure(l, end, cols); /* growing: rare, the fill is harmless */
        return;
    }
    for (int i = l->used; i < x; i++)
        l->cells[i] = grid_blank_cell;
    l->used = end;
}

/* write_run's cases with a call: a wide character split, or cells to allocate. */
static __attribute__((noinline)) struct grid_cell *write_run_slow(struct grid *g,
                                                                  struct grid_line *l, int x,
                                                                  int n)
{
    if (x < l->used)
        line_split_wide(l, x, x + n);
    line_ensure_write(l, x, n, g->cols);
    return &l->cells[x];
}

/* grid_write_run; the line stays plain if it was and 'text' (grid_write_text_run).
 * The common cases make no call (so no registers to save): appending within the
 * line's allocation, and overwriting whole characters. */
static struct grid_cell *write_run(struct grid *g, int x, int y, int n, bool text)
{
    if (y < 0 || y >= g->rows || x < 0 || n <= 0 || x + n > g->cols)
        return NULL;
    struct grid_line *l = touch(g, row_read(g, y));
    l->plain = l->plain && text; /* a plain line has no wide character to split */
    int end = x + n;
    int clean = l->clean;
    /* The caller's cells [x, end) and a gap [used, x) of blanks: text in the default
     * style extends a clean start it touches; anything else cuts it at x. (A wide
     * character split at either end was never clean: its cells have width 2 and 0.) */
    if (!text)
        l->clean = l->clean < x ? l->clean : x;
    else if ((x < l->used ? x : l->used) <= l->clean && end > l->clean)
        l->clean = end;
    if (x >= l->used) {
        if (end <= l->size) {
            /* The gap [used, x): in the clean start (as it was) it has the blank style. */
            if (x > l->used)
                grid_cells_blank(l->cells + l->used, (size_t)(x - l->used), x <= clean);
#ifndef NDEBUG
            for (int i = l->used; i < x; i++) /* what 'clean' promised, checked */
                assert(grid_cell_is_default_blank(&l->cells[i]));
#endif
            l->used = end;
            return &l->cells[x];
        }
    } else if (end <= l->used && grid_cell_width(&l->cells[x]) != 0 &&
               (end == l->used || grid_cell_width(&l->cells[end]) != 0)) {
        return &l->cells[x]; /* no wide character cut at either end */
    }
    return write_run_slow(g, l, x, n);
}

struct grid_cell *grid_write_run(struct grid *g, int x, int y, int n)
{
    return write_run(g, x, y, n, false);
}

struct grid_cell *grid_write_text_run(struct grid *g, int x, int y, int n)
{
    return write_run(g, x, y, n, true);
}

void grid_write_text(struct grid *g, int x, int y, const uint8_t *text, int n)
{
    if (y < 0 || y >= g->rows)
        return;
    /* Inside the clean start no wide character is split and nothing grows: the cells
     * are where they are, in the blank style already. */
    bool styled = x >= 0 && x + n <= row_read(g, y)->clean;
    struct grid_cell *c = write_run(g, x, y, n, true);
    if (c == NULL)
        return;
    if (!styled) {
        const struct grid_cell blank = GRID_BLANK_CELL;
        grid_cells_write_ascii(c, text, (size_t)n, grid_cell_word(&blank, GRID_WORD_COLOURS),
                               grid_cell_word(&blank, GRID_WORD_REST));
        return;
    }
#ifndef NDEBUG
    /* What 'clean' promises, checked cell by cell in debug and fuzz builds. */
    for (int k = 0; k < n; k++)
        assert(grid_cell_style_is_blank(&c[k]));
#endif
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        for (int k = i; k < i + 4; k++)
            grid_cell_set_word(&c[k], GRID_WORD_TEXT, text[k]);
    }
    for (; i < n; i++)
        grid_cell_set_word(&c[i], GRID_WORD_TEXT, text[i]);
}

void grid_add_mark(struct grid *g, int y, uint8_t mark)
{
    if (y >= 0 && y < g->rows)
        row_read(g, y)->mark |= mark & ((1u << GRID_MARK_BITS) - 1);
}

void grid_set_wrapped(struct grid *g, int y, bool wrapped)
{
    if (y >= 0 && y < g->rows)
        touch(g, row_read(g, y))->wrapped = wrapped;
}

struct grid_cell *grid_set_run(struct grid *g, int x, int y, int n)
{
    if (y < 0 || y >= g->rows || x < 0 || n <= 0 || x + n > g->cols)
        return NULL;
    struct grid_line *l = row(g, y);
    line_split_wide(l, x, x + n);
    line_ensure(l, x + n, g->cols);
    return &l->cells[x];
}

void grid_clear_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen)
{
    if (y < 0 || y >= g->rows || n <= 0)
        return;
    int end = clamp(x + n, 0, g->cols);
    x = clamp(x, 0, g->cols);
    if (x >= end)
        return;
    struct grid_line *l = touch(g, row_read(g, y));
    line_split_wide(l, x, end);
    if (pen_is_default(pen) && end >= l->used) {
        if (x < l->used)
            l->used = x; /* a plain line stays plain */
        return;
    }
    l->plain = false;
    l->clean = l->clean < x ? l->clean : x;
    line_ensure(l, end, g->cols);
    line_fill(l, x, end, pen);
}

void grid_clear_lines(struct grid *g, int y, int n, const struct grid_pen *pen)
{
    int end = clamp(y + n, 0, g->rows);
    for (y = clamp(y, 0, g->rows); y < end; y++)
        line_reset(touch(g, row_read(g, y)), g->cols, pen);
}

void grid_scroll_up(struct grid *g, int top, int bottom, int n, bool to_history,
                    const struct grid_pen *pen)
{
    top = clamp(top, 0, g->rows - 1);
    bottom = clamp(bottom, top, g->rows - 1);
    n = clamp(n, 0, bottom - top + 1);
    if (n == 0)
        return;
    bool keep = to_history && top == 0 && history_line_limit(g->hist) > 0;

    /* The n top lines leave (encoded into history when kept); their storage is
     * reused for the n blank lines entering at the bottom. */
    if (top == 0 && bottom == g->rows - 1) {
        for (int i = 0; i < n; i++) {
            struct grid_line *l = row_read(g, i);
            if (keep)
                history_push(g->hist, l);
            line_reset(touch(g, l), g->cols, pen);
        }
        g->first += n; /* they are now the bottom n (n <= rows) */
        if (g->first >= g->rows)
            g->first -= g->rows;
        return;
    }
    struct grid_line *spare = g->scratch;
    for (int i = 0; i < n; i++) {
        spare[i] = *row_read(g, top + i);
        if (keep)
            history_push(g->hist, &spare[i]);
    }
    for (int y = top; y <= bottom - n; y++)
        *row_read(g, y) = *row_read(g, y + n); /* a line moves with its flags */
    for (int i = 0; i < n; i++) {
        struct grid_line *l = row(g, bottom - n + 1 + i);
        *l = spare[i];
        line_reset(touch(g, l), g->cols, pen); /* not the version of the line that left */
    }
}

/* grid_scroll_up(g, 0, rows - 1, 1, to_history, pen) without its clamps and loop: a
 * flood scrolls the whole screen a line at a time. */
void grid_scroll_screen_up(struct grid *g, bool to_history, const struct grid_pen *pen)
{
    struct grid_line *l = row_read(g, 0);
    if (to_history)
        history_push(g->hist, l); /* nothing with a history limit of 0 */
    line_reset(touch(g, l), g->cols, pen);
    if (++g->first == g->rows)
        g->first = 0;
}

void grid_scroll_down(struct grid *g, int top, int bottom, int n, const struct grid_pen *pen)
{
    top = clamp(top, 0, g->rows - 1);
    bottom = clamp(bottom, top, g->rows - 1);
    n = clamp(n, 0, bottom - top + 1);
    if (n == 0)
        return;
    struct grid_line *spare = g->scratch;
    for (int i = 0; i < n; i++)
        spare[i] = *row_read(g, bottom - n + 1 + i);
    for (int y = bottom; y >= top + n; y--)
        *row_read(g, y) = *row_read(g, y - n); /* a line moves with its flags */
    for (int i = 0; i < n; i++) {
        *row(g, top + i) = spare[i];
        line_reset(row(g, top + i), g->cols, pen);
    }
}

void grid_insert_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen)
{
    if (y < 0 || y >= g->rows || x < 0 || x >= g->cols || n <= 0)
        return;
    n = n > g->cols - x ? g->cols - x : n;
    struct grid_line *l = row(g, y);
    line_split_wide(l, x, x);
    if (x < l->used) {
        int keep = l->used - x; /* cells that move right, some may fall off */
        if (x + n + keep > g->cols)
            keep = g->cols - x - n;
        line_ensure(l, x + n + keep, g->cols);
        memmove(&l->cells[x + n], &l->cells[x], (size_t)keep * sizeof *l->cells);
        line_fill(l, x, x + n, pen);
        if (l->used == g->cols && grid_cell_width(&l->cells[g->cols - 1]) == 2)
            l->cells[g->cols - 1] = blank_with(pen);
    } else if (!pen_is_default(pen)) {
        line_ensure(l, x + n, g->cols);
        line_fill(l, x, x + n, pen);
    }
}

void grid_delete_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen)
{
    if (y < 0 || y >= g->rows || x < 0 || x >= g->cols || n <= 0)
        return;
    n = n > g->cols - x ? g->cols - x : n;
    struct grid_line *l = row(g, y);
    line_split_wide(l, x, x + n);
    if (x >= l->used && pen_is_default(pen))
        return;
    if (!pen_is_default(pen))
        line_ensure(l, g->cols, g->cols);
    if (x + n < l->used) {
        memmove(&l->cells[x], &l->cells[x + n],
                (size_t)(l->used - x - n) * sizeof *l->cells);
        l->used -= n;
    } else {
        l->used = x;
    }
    if (!pen_is_default(pen)) {
        int from = l->used;
        line_ensure(l, g->cols, g->cols);
        line_fill(l, from, g->cols, pen);
    }
}

/* ---- margins: editing inside a band of columns ---- */

/* A wide character split by column b (left half at b - 1, right half at b) becomes two
 * blanks, keeping their colours: the cells on one side of b are about to move. */
static void line_cut(struct grid_line *l, int b)
{
    if (b <= 0 || b >= l->used || grid_cell_width(&l->cells[b]) != 0)
        return;
    for (int i = b - 1; i <= b; i++) {
        l->cells[i].ch = 0;
        l->cells[i].comb = 0;
        grid_cell_set_width(&l->cells[i], 1);
    }
}

/* Forget default blanks at the end of the line, so that a line touched by a band
 * operation is not longer than its text (reflow cuts lines by 'used'). */
static void line_trim(struct grid_line *l)
{
    while (l->used > 0 && grid_cell_is_default_blank(&l->cells[l->used - 1]))
        l->used--;
}

/* Prepare columns [left, end) of line y for moving cells: no wide character across
 * either edge, and every cell up to end meaningful. */
static struct grid_line *band_open(struct grid *g, int y, int left, int end)
{
    struct grid_line *l = row(g, y);
    line_cut(l, left);
    line_cut(l, end);
    line_ensure(l, end, g->cols);
    return l;
}

/* Line y opened for moving *n cells (clamped) inside columns [x, end); NULL when there is
 * nothing to do (out of range, or blanks that would move over blanks). */
static struct grid_line *band_for_cells(struct grid *g, int x, int y, int *n, int end,
                                        const struct grid_pen *pen)
{
    if (y < 0 || y >= g->rows || x < 0 || x >= end || *n <= 0)
        return NULL;
    *n = *n > end - x ? end - x : *n;
    if (row_read(g, y)->used <= x && pen_is_default(pen))
        return NULL;
    return band_open(g, y, x, end);
}

void grid_insert_cells_in(struct grid *g, int x, int y, int n, int end,
                          const struct grid_pen *pen)
{
    if (end >= g->cols) {
        grid_insert_cells(g, x, y, n, pen);
        return;
    }
    struct grid_line *l = band_for_cells(g, x, y, &n, end, pen);
    if (l == NULL)
        return;
    memmove(&l->cells[x + n], &l->cells[x], (size_t)(end - x - n) * sizeof *l->cells);
    line_fill(l, x, x + n, pen);
    if (grid_cell_width(&l->cells[end - 1]) == 2) { /* its right half was pushed out */
        l->cells[end - 1].ch = 0;
        l->cells[end - 1].comb = 0;
        grid_cell_set_width(&l->cells[end - 1], 1);
    }
    line_trim(l);
}

void grid_delete_cells_in(struct grid *g, int x, int y, int n, int end,
                          const struct grid_pen *pen)
{
    if (end >= g->cols) {
        grid_delete_cells(g, x, y, n, pen);
        return;
    }
    struct grid_line *l = band_for_cells(g, x, y, &n, end, pen);
    if (l == NULL)
        return;
    line_cut(l, x + n);
    memmove(&l->cells[x], &l->cells[x + n], (size_t)(end - x - n) * sizeof *l->cells);
    line_fill(l, end - n, end, pen);
    line_trim(l);
}

/* Clamp a band to the grid; false when there is nothing to scroll. */
static bool band_clamp(const struct grid *g, int *top, int *bottom, int *left, int *right,
                       int *n)
{
    *top = clamp(*top, 0, g->rows - 1);
    *bottom = clamp(*bottom, *top, g->rows - 1);
    *left = clamp(*left, 0, g->cols - 1);
    *right = clamp(*right, *left, g->cols - 1);
    *n = clamp(*n, 0, *bottom - *top + 1);
    return *n > 0;
}

/* Columns [left, end) of dst take those of src (default blanks past its end), or blanks
 * in pen's background when src is NULL; both lines are already cut at left and end.
 * The work is proportional to the band, not to the line: a blank band onto a line that
 * ends before it is nothing, and the blanks added are trimmed again. */
static void band_move(struct grid *g, struct grid_line *dst, const struct grid_line *src,
                      int left, int end, const struct grid_pen *pen)
{
    int have = src != NULL ? clamp(src->used - left, 0, end - left) : 0;
    bool coloured = src == NULL && !pen_is_default(pen);
    if (have == 0 && !coloured && dst->used <= left)
        return;
    int before = dst->used;
    line_ensure(dst, end, g->cols);
    if (have > 0)
        memcpy(dst->cells + left, src->cells + left, (size_t)have * sizeof *dst->cells);
    struct grid_cell blank = coloured ? blank_with(pen) : grid_blank_cell;
    for (int x = left + have; x < end; x++)
        dst->cells[x] = blank;
    if (dst->used > end)
        return; /* text right of the band: the line keeps its length */
    while (dst->used > left && grid_cell_is_default_blank(&dst->cells[dst->used - 1]))
        dst->used--;
    if (dst->used == left && before < left)
        dst->used = before;
}

static void band_cut(struct grid *g, int top, int bottom, int left, int end)
{
    for (int y = top; y <= bottom; y++) {
        line_cut(row(g, y), left);
        line_cut(row(g, y), end);
    }
}

void grid_scroll_band_up(struct grid *g, int top, int bottom, int left, int right, int n,
                         const struct grid_pen *pen)
{
    if (!band_clamp(g, &top, &bottom, &left, &right, &n))
        return;
    band_cut(g, top, bottom, left, right + 1);
    for (int y = top; y + n <= bottom; y++)
        band_move(g, row(g, y), row(g, y + n), left, right + 1, pen);
    for (int y = bottom - n + 1; y <= bottom; y++)
        band_move(g, row(g, y), NULL, left, right + 1, pen);
}

void grid_scroll_band_down(struct grid *g, int top, int bottom, int left, int right, int n,
                           const struct grid_pen *pen)
{
    if (!band_clamp(g, &top, &bottom, &left, &right, &n))
        return;
    band_cut(g, top, bottom, left, right + 1);
    for (int y = bottom; y - n >= top; y--)
        band_move(g, row(g, y), row(g, y - n), left, right + 1, pen);
    for (int y = top; y < top + n; y++)
        band_move(g, row(g, y), NULL, left, right + 1, pen);
}

void grid_resize(struct grid *g, int cols, int rows)
{
    cols = cols < 1 ? 1 : cols;
    rows = rows < 1 ? 1 : rows;
    unroll(g); /* rows are plain array indexes until g->rows changes */
    if (rows < g->rows) {
        for (int y = rows; y < g->rows; y++)
            grid_line_release(&g->lines[y]);
    }
    if (rows != g->rows) {
        g->lines = xreallocarray(g->lines, (size_t)rows, sizeof *g->lines);
        g->scratch = xreallocarray(g->scratch, (size_t)rows, sizeof *g->scratch);
        for (int y = g->rows; y < rows; y++)
            g->lines[y] = (struct grid_line){ .plain = true }; /* empty */
    }
    g->rows = rows;
    if (cols < g->cols) {
        for (int y = 0; y < rows; y++)
            grid_line_truncate(row_read(g, y), cols); /* plain stays plain */
    }
    g->cols = cols;
    grid_touch(g);
}

int grid_pull_history(struct grid *g, int n)
{
    return grid_pull_history_from(g, g, n);
}

int grid_pull_history_from(struct grid *g, struct grid *from, int n)
{
    int size = history_size(from->hist);
    n = clamp(n, 0, size < g->rows ? size : g->rows);
    if (n == 0)
        return 0;
    unroll(g);
    for (int y = g->rows - n; y < g->rows; y++)
        grid_line_release(row(g, y));
    memmove(&g->lines[n], &g->lines[0], (size_t)(g->rows - n) * sizeof *g->lines);
    for (int i = n - 1; i >= 0; i--) {
        struct grid_line *l = row(g, i);
        memset(l, 0, sizeof *l);
        history_pop_newest(from->hist, l);
        grid_line_truncate(l, g->cols);
        touch(g, l);
    }
    return n;
}

void grid_reflow(struct grid *g, int cols, struct grid_pos *pos, int npos)
{
    cols = cols < 1 ? 1 : cols;
    if (cols == g->cols)
        return;
    unroll(g); /* the rows as an array, top first */
    grid_reflow_lines(g->hist, g->lines, g->rows, cols, pos, npos);
    g->cols = cols;
    grid_touch(g);
}

void grid_touch(struct grid *g)
{
    for (int y = 0; y < g->rows; y++)
        touch(g, row_read(g, y));
}
