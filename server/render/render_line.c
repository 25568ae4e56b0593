/* render_line.c - the line diff: one row of the wanted canvas against the front buffer,
 * cell by cell. Unchanged cells are skipped; changed ones are written as text (never a
 * control character, with ASCII stand-ins on terminals without UTF-8), a blank tail is
 * erased with EL, blank runs with ECH, runs of one character with REP, and wide
 * characters are never left half drawn. */
#include "render_line.h"

#include <stdint.h>
#include <string.h>

#include "combs.h"
#include "render_motion.h"
#include "render_pen.h"

/* Blank runs at least this long are erased with ECH instead of written as spaces. */
#define ECH_MIN_RUN 8

/* --- Cell text --- */

static int utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

static bool codepoint_printable(uint32_t cp)
{
    return cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0) &&
           !(cp >= 0xd800 && cp < 0xe000) && cp <= 0x10ffff;
}

/* ASCII stand-in for a box-drawing character (U+2500-U+257F) on non-UTF-8 terminals. */
static char box_to_ascii(uint32_t cp)
{
    static const uint16_t horizontal[] = { 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509,
                                           0x254c, 0x254d, 0x2550, 0x2574, 0x2576, 0x2578,
                                           0x257a, 0x257c, 0x257e };
    static const uint16_t vertical[] = { 0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b,
                                         0x254e, 0x254f, 0x2551, 0x2575, 0x2577, 0x2579,
                                         0x257b, 0x257d, 0x257f };
    for (size_t i = 0; i < sizeof horizontal / sizeof horizontal[0]; i++) {
        if (cp == horizontal[i])
            return '-';
    }
    for (size_t i = 0; i < sizeof vertical / sizeof vertical[0]; i++) {
        if (cp == vertical[i])
            return '|';
    }
    if (cp == 0x2571)
        return '/';
    if (cp == 0x2572)
        return '\\';
    return '+';
}

/* The bytes that draw cell c taking 'width' columns (1 or 2). Never emits a control
 * character, whatever the cell holds. */
static size_t cell_text(const struct render_state *rs, const struct grid_cell *c, int width,
                        char *out)
{
    uint32_t ch = c->ch;
    if (width == 1 && grid_cell_width(c) != 1)
        ch = ' '; /* a wide character that cannot be drawn whole */
    if (ch == 0)
        ch = ' ';
    if (!codepoint_printable(ch))
        ch = '?';
    if (!rs->utf8 && ch >= 0x80) {
        if (width == 2) {
            out[0] = out[1] = '?';
            return 2;
        }
        out[0] = (ch >= 0x2500 && ch <= 0x257f) ? box_to_ascii(ch) : '?';
        return 1;
    }
    size_t n = (size_t)utf8_put(ch, out);
    if (!rs->utf8 || ch != c->ch || c->comb == 0)
        return n;
    uint32_t m[GRID_MARKS_MAX];
    int k = 1;
    m[0] = c->comb;
    if (c->comb & GRID_COMB_SEQ)
        k = combs_get(rs->combs, c->comb, m);
    for (int i = 0; i < k; i++) {
        if (m[i] >= 0x300 && codepoint_printable(m[i]))
            n += (size_t)utf8_put(m[i], out + n);
    }
    return n;
}

/* --- Front buffer --- */

/* Record that cells [x, x+n) of row y are about to be overwritten. A wide character
 * partly overwritten is destroyed by the terminal: its other half becomes unknown.
 * Returns the leftmost column that must now be redrawn (x if none to the left). */
static int front_overwrite(struct render_state *rs, int x, int y, int n)
{
    int redo = x;
    if (grid_cell_width(front_cell(rs, x, y)) == 0 && x > 0) {
        grid_cell_set_width(front_cell(rs, x - 1, y), WIDTH_INVALID);
        redo = x - 1;
    }
    if (x + n < rs->cols && grid_cell_width(front_cell(rs, x + n - 1, y)) == 2)
        grid_cell_set_width(front_cell(rs, x + n, y), WIDTH_INVALID);
    return redo;
}

/* --- Drawing --- */

/* How many columns wanted cell x of row occupies when drawn: 2 for a wide character
 * followed by its continuation, else 1 (anything inconsistent is drawn as a space). */
static int draw_width(const struct canvas *want, const struct grid_cell *row, int x)
{
    if (grid_cell_width(&row[x]) == 2 && x + 1 < want->cols && grid_cell_width(&row[x + 1]) == 0)
        return 2;
    return 1;
}

/* Write wanted cell x of row y (and its continuation). Returns the column to carry on
 * from: past the cell, or further left if the write destroyed a wide character there. */
static int draw_cell(struct render_state *rs, const struct canvas *want, int x, int y)
{
    const struct grid_cell *row = &want->cells[(size_t)y * (size_t)want->cols];
    const struct grid_cell *c = &row[x];
    int w = draw_width(want, row, x);

    render_move_to(rs, x, y);
    struct render_pen p;
    if (grid_cell_width(c) == 0 || (grid_cell_width(c) == 2 && w == 1)) {
        /* orphan half of a wide character: a space in its colours */
        p.attr = 0;
        p.fg = render_map_colour(rs->caps, c->fg);
        p.bg = render_map_colour(rs->caps, c->bg);
    } else {
        render_cell_pen(rs, c, &p);
    }
    render_pen_set(rs, &p);
    render_link_set(rs, grid_cell_link(c));

    char text[8 + GRID_MARKS_MAX * 4]; /* a character and its marks */
    size_t n = (grid_cell_width(c) == 0) ? (text[0] = ' ', 1) : cell_text(rs, c, w, text);
    bool last = x + w >= rs->cols;
    bool corner = last && y == rs->rows - 1;
    int redo = front_overwrite(rs, x, y, w);
    if (corner && flag(rs, RENDER_FLAG_AM) && !flag(rs, RENDER_FLAG_XENL)) {
        /* Writing the last cell would scroll the screen: only with autowrap off. */
        if (cap(rs, RENDER_CAP_RMAM) != NULL && cap(rs, RENDER_CAP_SMAM) != NULL) {
            out_str(rs, cap(rs, RENDER_CAP_RMAM));
            out_bytes(rs, text, n);
            out_str(rs, cap(rs, RENDER_CAP_SMAM));
        }
    } else {
        out_bytes(rs, text, n);
    }
    for (int i = 0; i < w; i++)
        *front_cell(rs, x + i, y) = row[x + i];

    if (!last)
        rs->tx = x + w;
    else if (!flag(rs, RENDER_FLAG_AM))
        rs->tx = rs->cols - 1;
    else if (flag(rs, RENDER_FLAG_XENL))
        rs->tx = -1; /* pending wrap: only CR or absolute moves are safe */
    else
        rs->tx = rs->ty = -1;
    return redo < x ? redo : x + w;
}

/* Whether an erasure (EL, ECH) would give cells background bg. */
static bool can_erase(const struct render_state *rs, uint32_t bg)
{
    return bg == COLOUR_DEFAULT || flag(rs, RENDER_FLAG_BCE);
}

/* Whether two wanted cells are the same plain character in the same colours and
 * attributes (the condition for drawing both with one REP). */
static bool cells_repeat(const struct grid_cell *a, const struct grid_cell *b)
{
    uint32_t ach = a->ch == 0 ? ' ' : a->ch, bch = b->ch == 0 ? ' ' : b->ch;
    return a->wl == b->wl && grid_cell_width(a) == 1 && a->comb == 0 && b->comb == 0 &&
           ach == bch && a->fg == b->fg && a->bg == b->bg && a->attr == b->attr &&
           (a->ul == b->ul || !(a->attr & ATTR_UNDERLINE));
}

/* How many cells from x of row y to draw with one REP, or 0 if writing them is as
 * cheap. Only printable ASCII (nothing a terminal could treat specially, nothing
 * multi-byte or combining) and never the last column, so the repeat can never reach
 * the right margin and autowrap. Trailing cells the terminal already shows are left. */
static int repeat_run(struct render_state *rs, const struct grid_cell *row, int x, int y)
{
    const char *rep = cap(rs, RENDER_CAP_REP);
    const struct grid_cell *c = &row[x];
    uint32_t ch = c->ch == 0 ? ' ' : c->ch;
    if (rep == NULL || !cells_repeat(c, c) || ch < 0x20 || ch > 0x7e)
        return 0;
    int n = 1;
    while (x + n < rs->cols - 1 && cells_repeat(&row[x + n], c))
        n++;
    while (n > 0 && cells_same(front_cell(rs, x + n - 1, y), &row[x + n - 1]))
        n--;
    if (n < 3) /* some rep strings (xterm's) get a count of 1 wrong */
        return 0;
    char tmp[64];
    size_t len = render_tparm(tmp, sizeof tmp, rep, (int)ch, n);
    return len > 0 && len < (size_t)n ? n : 0;
}

/* Draw n copies of wanted cell x of row y with REP. Returns the column to carry on
 * from, as draw_cell. */
static int draw_repeat(struct render_state *rs, const struct grid_cell *row, int x, int y,
                       int n)
{
    const struct grid_cell *c = &row[x];
    render_move_to(rs, x, y);
    struct render_pen p;
    render_cell_pen(rs, c, &p);
    render_pen_set(rs, &p);
    render_link_set(rs, grid_cell_link(c));
    int redo = front_overwrite(rs, x, y, n);
    char tmp[64];
    out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, cap(rs, RENDER_CAP_REP),
                                    (int)(c->ch == 0 ? ' ' : c->ch), n));
    for (int i = x; i < x + n; i++)
        *front_cell(rs, i, y) = row[i];
    rs->tx = x + n; /* repeat_run never reaches the last column */
    return redo < x ? redo : x + n;
}

void render_draw_row(struct render_state *rs, const struct canvas *want, int y)
{
    int cols = want->cols;
    const struct grid_cell *row = &want->cells[(size_t)y * (size_t)cols];
    const struct grid_cell *front = front_cell(rs, 0, y);
    const char *el = cap(rs, RENDER_CAP_EL), *ech = cap(rs, RENDER_CAP_ECH);

    /* Only [x, end) can differ: cells byte for byte the same at either end are left
     * alone without looking at them further (an echo changes one cell of a row). */
    int x = 0, end = cols;
    while (x + 16 <= end && memcmp(&front[x], &row[x], 16 * sizeof *row) == 0)
        x += 16;
    while (x < end && memcmp(&front[x], &row[x], sizeof *row) == 0)
        x++;
    while (end - 16 >= x && memcmp(&front[end - 16], &row[end - 16], 16 * sizeof *row) == 0)
        end -= 16;
    while (end > x && memcmp(&front[end - 1], &row[end - 1], sizeof *row) == 0)
        end--;
    if (x == end)
        return;

    /* The blank tail: cells [tail, cols) are blank in one background. Found when a
     * changed cell is blank (only then can it be in the tail): an echoed character
     * does not walk the rest of its row. */
    uint32_t tail_bg = row[cols - 1].bg;
    int tail = -1;
    bool use_el = el != NULL && can_erase(rs, tail_bg);

    while (x < end) {
        if (cells_same(front_cell(rs, x, y), &row[x])) {
            x++;
            continue;
        }
        if (grid_cell_width(&row[x]) == 0 && x > 0 && grid_cell_width(&row[x - 1]) == 2) {
            x = draw_cell(rs, want, x - 1, y); /* redraw the whole wide character */
            continue;
        }
        if (tail < 0 && use_el && cell_is_blank(&row[x])) {
            tail = cols;
            while (tail > 0 && cell_is_blank(&row[tail - 1]) && row[tail - 1].bg == tail_bg)
                tail--;
        }
        if (tail >= 0 && x >= tail && use_el && cols - x > 1) {
            render_move_to(rs, x, y);
            front_overwrite(rs, x, y, cols - x);
            render_pen_for_erase(rs, tail_bg);
            render_link_set(rs, 0);
            out_str(rs, el);
            for (int i = x; i < cols; i++)
                *front_cell(rs, i, y) = row[i];
            break;
        }
        if (ech != NULL && cell_is_blank(&row[x]) && can_erase(rs, row[x].bg)) {
            int run = 1;
            while (x + run < cols && cell_is_blank(&row[x + run]) &&
                   row[x + run].bg == row[x].bg)
                run++;
            if (run >= ECH_MIN_RUN && x + run < cols) {
                render_move_to(rs, x, y);
                int redo = front_overwrite(rs, x, y, run);
                render_pen_for_erase(rs, row[x].bg);
                render_link_set(rs, 0);
                char tmp[64];
                out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, ech, run, 0));
                for (int i = x; i < x + run; i++)
                    *front_cell(rs, i, y) = row[i];
                x = redo < x ? redo : x + run;
                continue;
            }
        }
        int run = repeat_run(rs, row, x, y);
        if (run > 0) {
            x = draw_repeat(rs, row, x, y, run);
            continue;
        }
        x = draw_cell(rs, want, x, y);
    }
}
