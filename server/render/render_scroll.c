/* render_scroll.c - scroll detection: rows of the wanted canvas are hashed and matched
 * against the front buffer's; when enough of them are the front buffer shifted by some
 * lines, the terminal scrolls them with a scroll region (IND/RI inside CSR), so output
 * running up a pane costs a few bytes instead of a repaint. */
#include "render_scroll.h"

#include <stdint.h>
#include <string.h>

#include "render_motion.h"
#include "render_pen.h"

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
    render_pen_for_erase(rs, COLOUR_DEFAULT);
    render_link_set(rs, 0);
    if (!whole) {
        out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, cap(rs, RENDER_CAP_CSR), top, bottom));
        rs->tx = rs->ty = -1; /* cursor position is undefined after csr */
    }
    int count = n > 0 ? n : -n;
    render_move_to(rs, 0, n > 0 ? bottom : top);
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

/* If the wanted screen is (part of) the front buffer scrolled by some lines, scroll
 * the terminal instead of redrawing those lines: the common case of output running
 * up a pane. Picks the shift that saves the most non-blank lines, and the smallest
 * region holding them, so lines outside (a status line) stay put. */
bool render_try_scroll(struct render_state *rs, const struct canvas *want)
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
