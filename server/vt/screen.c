/* screen.c - operations on the terminal state: printing with autowrap, cursor
 * motion, erasing, scrolling, modes and the alternate screen. Each operation keeps
 * the cursor inside the screen. */
#include "screen.h"

#include <stdlib.h>
#include <string.h>

#include "combs.h"
#include "utf8.h"
#include "xmalloc.h"

/* DEC special graphics for 0x5f-0x7e (VT100 line drawing) as Unicode. */
static const uint16_t dec_graphics[32] = {
    0x00a0, 0x25c6, 0x2592, 0x2409, 0x240c, 0x240d, 0x240a, 0x00b0, /* _ ` a b c d e f */
    0x00b1, 0x2424, 0x240b, 0x2518, 0x2510, 0x250c, 0x2514, 0x253c, /* g h i j k l m n */
    0x23ba, 0x23bb, 0x2500, 0x23bc, 0x23bd, 0x251c, 0x2524, 0x2534, /* o p q r s t u v */
    0x252c, 0x2502, 0x2264, 0x2265, 0x03c0, 0x2260, 0x00a3, 0x00b7, /* w x y z { | } ~ */
};

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

static bool mode_on(const struct screen *s, uint32_t mode)
{
    return (s->modes & mode) != 0;
}

static void reset_tabs(struct screen *s, int from)
{
    for (int x = from; x < s->tabs_cap; x++)
        s->tabs[x] = (x % 8 == 0 && x != 0);
}

static void reset_pen(struct screen *s)
{
    memset(&s->pen, 0, sizeof s->pen);
}

/* The modes a new or fully reset terminal starts with. */
static void reset_state(struct screen *s)
{
    s->cx = s->cy = 0;
    s->wrap_pending = false;
    reset_pen(s);
    s->top = 0;
    s->bottom = s->rows - 1;
    screen_reset_lr_margins(s);
    s->modes = VT_MODE_WRAP | VT_MODE_CURSOR_VISIBLE;
    s->charset[0] = s->charset[1] = SCREEN_CHARSET_ASCII;
    s->gl = 0;
    memset(s->saved, 0, sizeof s->saved);
    s->last_char = 0;
    s->link = 0;
    s->cursor_style = 0;
    s->rect_extent = false;
    reset_tabs(s, 0);
    if (s->palette != NULL) /* the program's colours, as xterm's RIS */
        palette_reset_program(s->palette, true);
}

/* The links table is full: every link number on either screen, and the open one, is
 * still in use (history's references need not be: see links.h). */
static void mark_links(void *arg, struct links *l)
{
    struct screen *s = arg;
    links_mark(l, s->link);
    struct grid *grids[2] = { s->main, s->alt };
    for (int i = 0; i < 2; i++) {
        for (int y = 0; grids[i] != NULL && y < grid_rows(grids[i]); y++) {
            const struct grid_line *line = grid_line_const(grids[i], y);
            for (int x = 0; x < line->used; x++) {
                if (grid_cell_link(&line->cells[x]) != 0)
                    links_mark(l, grid_cell_link(&line->cells[x]));
            }
        }
    }
}

/* What an owner that registered nothing gets told: nothing. */
static const struct vt_ops no_ops;

void screen_init(struct screen *s, int cols, int rows, int history_limit)
{
    memset(s, 0, sizeof *s);
    s->ops = &no_ops;
    s->cols = cols < 1 ? 1 : cols;
    s->rows = rows < 1 ? 1 : rows;
    s->links = links_create(mark_links, s);
    s->combs = combs_create();
    s->main = grid_create(s->cols, s->rows, history_limit);
    grid_set_links(s->main, s->links);
    grid_set_combs(s->main, s->combs);
    s->alt = NULL; /* made when a program first switches to it (screen_alt_grid) */
    s->grid = s->main;
    s->tabs_cap = s->cols;
    s->tabs = xcalloc((size_t)s->tabs_cap, 1);
    reset_state(s);
}

void screen_free(struct screen *s)
{
    grid_free(s->main);
    grid_free(s->alt);
    links_free(s->links);
    combs_free(s->combs);
    free(s->title);
    for (int i = 0; i < s->ntitle_stack; i++)
        free(s->title_stack[i]);
    free(s->cwd);
    free(s->window_name);
    free(s->tabs);
    free(s->palette);
    free(s->widths);
}

struct palette *screen_palette(struct screen *s)
{
    if (s->palette == NULL) {
        s->palette = xmalloc(sizeof *s->palette);
        palette_init(s->palette);
    }
    return s->palette;
}

void screen_set_ops(struct screen *s, const struct vt_ops *ops, void *arg)
{
    s->ops = ops != NULL ? ops : &no_ops;
    s->ops_arg = arg;
}

void screen_reply(struct screen *s, const char *buf, size_t len)
{
    if (s->ops->reply != NULL)
        s->ops->reply(s->ops_arg, buf, len);
}

void screen_clipboard(struct screen *s, const char *selection, const char *base64)
{
    if (s->ops->clipboard != NULL)
        s->ops->clipboard(s->ops_arg, selection, base64);
}

/* Tell the owner when mode 2026 began or ended ('old': the modes before a change). */
static void sync_changed(struct screen *s, uint32_t old)
{
    if (((old ^ s->modes) & VT_MODE_SYNC) != 0 && s->ops->sync != NULL)
        s->ops->sync(s->ops_arg, (s->modes & VT_MODE_SYNC) != 0);
}

/* Whether lines scrolled off the region's top go to history: on the main screen, when
 * the region starts at its top row, as xterm (apt's progress bar sets a region above
 * its last row: the lines scrolling above it are the install's log). */
static bool region_feeds_history(const struct screen *s)
{
    return s->grid == s->main && s->top == 0;
}

bool screen_cursor_in_rows(const struct screen *s)
{
    return s->cy >= s->top && s->cy <= s->bottom;
}

bool screen_cursor_in_columns(const struct screen *s)
{
    return s->cx >= s->left && s->cx <= s->right;
}

/* Rows top..bottom (region bottom) move up n, between the left/right margins when
 * there are some (then nothing goes to history), else whole lines, the top ones to
 * history when to_history. */
static void scroll_rows_up(struct screen *s, int top, int n, bool to_history)
{
    if (screen_has_lr_margins(s))
        grid_scroll_band_up(s->grid, top, s->bottom, s->left, s->right, n, &s->pen);
    else
        grid_scroll_up(s->grid, top, s->bottom, n, to_history, &s->pen);
}

static void scroll_rows_down(struct screen *s, int top, int n)
{
    if (screen_has_lr_margins(s))
        grid_scroll_band_down(s->grid, top, s->bottom, s->left, s->right, n, &s->pen);
    else
        grid_scroll_down(s->grid, top, s->bottom, n, &s->pen);
}

static void scroll_region_up(struct screen *s, int n)
{
    scroll_rows_up(s, s->top, n, region_feeds_history(s));
}

static void scroll_region_down(struct screen *s, int n)
{
    scroll_rows_down(s, s->top, n);
}

/* IND / LF: down a line; at the bottom margin the region scrolls, unless the cursor
 * is outside the left/right margins (then it stays, as xterm). */
void screen_linefeed(struct screen *s)
{
    s->wrap_pending = false;
    if (s->cy == s->bottom) {
        if (s->top == 0 && s->bottom == s->rows - 1 && !screen_has_lr_margins(s))
            grid_scroll_screen_up(s->grid, s->grid == s->main, &s->pen); /* a flood's line */
        else if (screen_cursor_in_columns(s))
            scroll_region_up(s, 1);
    } else if (s->cy < s->rows - 1) {
        s->cy++;
    }
}

void screen_reverse_index(struct screen *s)
{
    s->wrap_pending = false;
    if (s->cy == s->top) {
        if (screen_cursor_in_columns(s))
            scroll_region_down(s, 1);
    } else if (s->cy > 0) {
        s->cy--;
    }
}

/* CR: to the left margin, or to column 0 from left of it (never in origin mode). */
void screen_carriage_return(struct screen *s)
{
    s->wrap_pending = false;
    s->cx = (mode_on(s, VT_MODE_ORIGIN) || s->cx >= s->left) ? s->left : 0;
}

/* The deferred wrap: the line is marked as continued and the cursor goes to the
 * start of the next line (the left margin), scrolling if needed. A line wrapped at
 * a right margin is not marked: its text does not continue on the next line for a
 * reflow, which joins whole lines. */
static void do_wrap(struct screen *s)
{
    if (!screen_has_lr_margins(s))
        grid_set_wrapped(s->grid, s->cy, true);
    screen_linefeed(s);
    s->cx = s->left;
}

/* Where printing at the cursor wraps (the first column past it): the right margin,
 * or the screen's edge when the cursor is right of the margin (as xterm). */
static int print_edge(const struct screen *s)
{
    return s->cx <= s->right ? s->right + 1 : s->cols;
}

/* Attach a zero-width character to the cell before the cursor: its first mark, or one
 * more (up to COMBS_MARKS, while the vt's table has room). */
static void attach_combining(struct screen *s, uint32_t cp)
{
    int x = s->wrap_pending ? s->cx : s->cx - 1;
    if (x < 0)
        return;
    if (grid_cell_width(grid_get(s->grid, x, s->cy)) == 0 && x > 0)
        x--;
    const struct grid_cell *c = grid_get(s->grid, x, s->cy);
    if (c->ch == 0)
        return;
    uint32_t comb = c->comb == 0 ? cp : combs_add(s->combs, c->comb, cp);
    if (comb != c->comb)
        grid_set(s->grid, x, s->cy)->comb = comb;
}

/* Move past a just-written character of width w, entering the pending-wrap
 * state at 'edge' (print_edge before the write) when autowrap is on. */
static void advance(struct screen *s, int w, int edge)
{
    s->cx += w;
    if (s->cx >= edge) {
        s->cx = edge - 1;
        s->wrap_pending = mode_on(s, VT_MODE_WRAP);
    }
}

/* Entries of the screen's width cache (a power of two). */
#define SCREEN_WIDTHS 256

/* utf8_width(cp), from the screen's cache past ASCII: utf8proc's lookup costs about
 * 76 instructions a character, the cache about 8 (CJK and emoji text repeats its
 * characters). */
static int char_width(struct screen *s, uint32_t cp)
{
    if (cp < 0x80 || cp > 0x10ffff)
        return utf8_width(cp);
    if (s->widths == NULL)
        s->widths = xcalloc(SCREEN_WIDTHS, sizeof *s->widths);
    uint32_t *e = &s->widths[cp & (SCREEN_WIDTHS - 1)];
    if (*e >> 2 == cp)
        return (int)(*e & 3);
    int w = utf8_width(cp);
    *e = cp << 2 | (uint32_t)w;
    return w;
}

void screen_print(struct screen *s, uint32_t cp)
{
    if (cp >= 0x5f && cp <= 0x7e && s->charset[s->gl] == SCREEN_CHARSET_DEC_GRAPHICS)
        cp = dec_graphics[cp - 0x5f];
    else if (cp == '#' && s->charset[s->gl] == SCREEN_CHARSET_UK)
        cp = 0xa3; /* pound sign */
    if (cp >= 0x80 && cp < 0xa0)
        return; /* C1 controls arriving as UTF-8 are not shown */
    int w = char_width(s, cp);
    if (w == 0) {
        attach_combining(s, cp);
        return;
    }
    if (s->wrap_pending)
        do_wrap(s);
    int edge = print_edge(s);
    if (w == 2 && s->cx == edge - 1) {
        if (!mode_on(s, VT_MODE_WRAP) || s->right == s->left)
            return;
        /* A wide character never straddles the margin: pad and wrap first. */
        grid_clear_cells(s->grid, s->cx, s->cy, 1, &s->pen);
        do_wrap(s);
        edge = print_edge(s);
    }
    if (mode_on(s, VT_MODE_INSERT))
        grid_insert_cells_in(s->grid, s->cx, s->cy, w, edge, &s->pen);
    struct grid_cell *c = grid_write_run(s->grid, s->cx, s->cy, w);
    c[0] = screen_pen_cell(s, cp, (uint8_t)w);
    if (w == 2)
        c[1] = screen_pen_cell(s, 0, 0);
    s->last_char = cp;
    advance(s, w, edge);
}

/* The hot path: a run of printable ASCII written straight into the line. */
void screen_print_ascii(struct screen *s, const uint8_t *text, size_t n)
{
    if (s->charset[s->gl] != SCREEN_CHARSET_ASCII || mode_on(s, VT_MODE_INSERT)) {
        for (size_t i = 0; i < n; i++)
            screen_print(s, text[i]);
        return;
    }
    static const struct grid_cell blank = GRID_BLANK_CELL;
    const uint64_t blank_colours = grid_cell_word(&blank, GRID_WORD_COLOURS);
    const uint64_t blank_rest = grid_cell_word(&blank, GRID_WORD_REST);
    while (n > 0) {
        if (s->wrap_pending)
            do_wrap(s);
        int edge = print_edge(s);
        size_t room = (size_t)(edge - s->cx);
        size_t chunk = n < room ? n : room;
        /* Whole words from registers: three stores a cell (cell.h). */
        uint64_t colours = grid_cell_colours_word(s->pen.fg, s->pen.bg);
        uint64_t rest = grid_cell_rest_word(s->pen.attr, GRID_WL(1, s->link), s->pen.ul);
        if (colours == blank_colours && rest == blank_rest) /* default pen */
            grid_write_text(s->grid, s->cx, s->cy, text, (int)chunk);
        else
            grid_cells_write_ascii(grid_write_run(s->grid, s->cx, s->cy, (int)chunk), text,
                                   chunk, colours, rest);
        s->last_char = text[chunk - 1];
        text += chunk;
        n -= chunk;
        advance(s, (int)chunk, edge);
        if (n > 0 && !mode_on(s, VT_MODE_WRAP)) {
            /* No autowrap: the rest overwrites the last column; the last one stays. */
            struct grid_cell *c = grid_write_run(s->grid, edge - 1, s->cy, 1);
            grid_cell_set_word(&c[0], GRID_WORD_TEXT, text[n - 1]);
            grid_cell_set_word(&c[0], GRID_WORD_COLOURS, colours);
            grid_cell_set_word(&c[0], GRID_WORD_REST, rest);
            s->last_char = text[n - 1];
            return;
        }
    }
}

/* REP: print the last graphic character n more times. */
void screen_repeat_last(struct screen *s, int n)
{
    if (s->last_char == 0)
        return;
    n = n > s->cols * s->rows ? s->cols * s->rows : n;
    uint32_t cp = s->last_char;
    uint8_t gl = s->gl;
    uint8_t set = s->charset[gl];
    s->charset[gl] = SCREEN_CHARSET_ASCII; /* last_char is already translated */
    for (int i = 0; i < n; i++)
        screen_print(s, cp);
    s->charset[gl] = set;
}

/* Reverse wraparound (mode 45 with autowrap): moving left past column 0 continues
 * at the end of the line above (as xterm, over the whole screen, stopping at the
 * top-left corner). */
static bool reverse_wrap_on(const struct screen *s)
{
    return (s->modes & (VT_MODE_REVERSE_WRAP | VT_MODE_WRAP)) ==
           (VT_MODE_REVERSE_WRAP | VT_MODE_WRAP);
}

/* The columns the cursor moves between: the left/right margins, but from outside
 * one of them the screen's edge on that side (as xterm's CUF / CUB). */
static int move_lo(const struct screen *s)
{
    return s->cx >= s->left ? s->left : 0;
}

static int move_hi(const struct screen *s)
{
    return s->cx <= s->right ? s->right : s->cols - 1;
}

/* BS / CUB: left, stopping at the left margin; with reverse wraparound the lines
 * above continue it, each between the same columns. */
static void move_left(struct screen *s, int n)
{
    if (s->wrap_pending && reverse_wrap_on(s))
        n--; /* the cursor was logically past the last column */
    s->wrap_pending = false;
    if (n <= 0)
        return;
    int lo = move_lo(s), hi = move_hi(s);
    if (n <= s->cx - lo || !reverse_wrap_on(s)) {
        s->cx = s->cx - n < lo ? lo : s->cx - n;
        return;
    }
    int width = hi - lo + 1;
    long pos = (long)s->cy * width + (s->cx - lo) - n;
    if (pos < 0)
        pos = 0;
    s->cy = (int)(pos / width);
    s->cx = lo + (int)(pos % width);
}

void screen_backspace(struct screen *s)
{
    move_left(s, 1);
}

/* HT / CHT: to the next tab stop, stopping at the right margin (at the screen's
 * edge from right of it). */
/* HT / CHT. With a wrap pending the cursor is already at the last column it can
 * reach: as xterm, it stays and the wrap stays pending (the next character still goes
 * to the next line; DEC's STD-070 would cancel it, xterm does not). */
void screen_tab_forward(struct screen *s, int n)
{
    int hi = move_hi(s);
    if (s->wrap_pending)
        return;
    while (n-- > 0 && s->cx < hi) {
        s->cx++;
        while (s->cx < hi && !s->tabs[s->cx])
            s->cx++;
    }
}

/* CBT: to the previous tab stop, stopping at column 0 (the left margin in origin
 * mode). */
void screen_tab_backward(struct screen *s, int n)
{
    int lo = mode_on(s, VT_MODE_ORIGIN) && s->cx >= s->left ? s->left : 0;
    s->wrap_pending = false;
    while (n-- > 0 && s->cx > lo) {
        s->cx--;
        while (s->cx > lo && !s->tabs[s->cx])
            s->cx--;
    }
}

void screen_set_tab(struct screen *s)
{
    s->tabs[s->cx] = 1;
}

void screen_clear_tab(struct screen *s, bool all)
{
    if (all)
        memset(s->tabs, 0, (size_t)s->tabs_cap);
    else
        s->tabs[s->cx] = 0;
}

/* CUP: in origin mode relative to the top-left of the margins and kept inside
 * them, else anywhere on the screen. */
void screen_cursor_to(struct screen *s, int x, int y)
{
    s->wrap_pending = false;
    if (mode_on(s, VT_MODE_ORIGIN)) {
        s->cx = clamp(x + s->left, s->left, s->right);
        s->cy = clamp(y + s->top, s->top, s->bottom);
    } else {
        s->cx = clamp(x, 0, s->cols - 1);
        s->cy = clamp(y, 0, s->rows - 1);
    }
}

/* CHA / HPA and VPA: one coordinate, the other kept (both as CUP sees them). */
void screen_cursor_column(struct screen *s, int x)
{
    screen_cursor_to(s, x, mode_on(s, VT_MODE_ORIGIN) ? s->cy - s->top : s->cy);
}

void screen_cursor_row(struct screen *s, int y)
{
    screen_cursor_to(s, mode_on(s, VT_MODE_ORIGIN) ? s->cx - s->left : s->cx, y);
}

/* CUU stops at the top margin when it starts inside the region. */
void screen_cursor_up(struct screen *s, int n)
{
    int lo = s->cy >= s->top ? s->top : 0;
    s->wrap_pending = false;
    s->cy = clamp(s->cy - n, lo, s->rows - 1);
}

void screen_cursor_down(struct screen *s, int n)
{
    int hi = s->cy <= s->bottom ? s->bottom : s->rows - 1;
    s->wrap_pending = false;
    s->cy = clamp(s->cy + n, 0, hi);
}

void screen_cursor_left(struct screen *s, int n)
{
    move_left(s, n);
}

/* CUF: right, stopping at the right margin (at the screen's edge from right of it). */
void screen_cursor_right(struct screen *s, int n)
{
    s->wrap_pending = false;
    s->cx = clamp(s->cx + n, 0, move_hi(s));
}

static struct screen_cursor *saved_slot(struct screen *s)
{
    return &s->saved[s->grid == s->alt ? 1 : 0];
}

void screen_save_cursor(struct screen *s)
{
    struct screen_cursor *c = saved_slot(s);
    c->x = s->cx;
    c->y = s->cy;
    c->wrap_pending = s->wrap_pending;
    c->origin = mode_on(s, VT_MODE_ORIGIN);
    c->pen = s->pen;
    memcpy(c->charset, s->charset, sizeof c->charset);
    c->gl = s->gl;
    c->valid = true;
}

/* DECRC; with nothing saved the cursor goes home with a default pen (as xterm). */
void screen_restore_cursor(struct screen *s)
{
    struct screen_cursor *c = saved_slot(s);
    if (!c->valid) {
        reset_pen(s);
        s->modes &= ~(uint32_t)VT_MODE_ORIGIN;
        s->charset[0] = s->charset[1] = SCREEN_CHARSET_ASCII;
        s->gl = 0;
        s->cx = s->cy = 0;
        s->wrap_pending = false;
        return;
    }
    s->pen = c->pen;
    memcpy(s->charset, c->charset, sizeof s->charset);
    s->gl = c->gl;
    if (c->origin)
        s->modes |= VT_MODE_ORIGIN;
    else
        s->modes &= ~(uint32_t)VT_MODE_ORIGIN;
    s->cx = clamp(c->x, 0, s->cols - 1);
    s->cy = clamp(c->y, 0, s->rows - 1);
    s->wrap_pending = c->wrap_pending && (s->cx == s->cols - 1 || s->cx == s->right);
}

void screen_erase_line_right(struct screen *s)
{
    s->wrap_pending = false;
    grid_clear_cells(s->grid, s->cx, s->cy, s->cols - s->cx, &s->pen);
    grid_set_wrapped(s->grid, s->cy, false);
}

void screen_erase_line_left(struct screen *s)
{
    s->wrap_pending = false;
    grid_clear_cells(s->grid, 0, s->cy, s->cx + 1, &s->pen);
}

void screen_erase_line(struct screen *s)
{
    s->wrap_pending = false;
    grid_clear_lines(s->grid, s->cy, 1, &s->pen);
}

void screen_erase_below(struct screen *s)
{
    screen_erase_line_right(s);
    grid_clear_lines(s->grid, s->cy + 1, s->rows - s->cy - 1, &s->pen);
}

void screen_erase_above(struct screen *s)
{
    screen_erase_line_left(s);
    grid_clear_lines(s->grid, 0, s->cy, &s->pen);
}

void screen_erase_screen(struct screen *s)
{
    s->wrap_pending = false;
    if (s->scroll_on_clear && s->grid == s->main) {
        /* As tmux: the lines down to the last one in use go into history. */
        int last = 0;
        for (int y = 0; y < s->rows; y++) {
            if (grid_line_const(s->grid, y)->used > 0)
                last = y + 1;
        }
        if (last > 0)
            grid_scroll_up(s->grid, 0, s->rows - 1, last, true, &s->pen);
    }
    grid_clear_lines(s->grid, 0, s->rows, &s->pen);
}

void screen_erase_history(struct screen *s)
{
    grid_clear_history(s->main);
}

void screen_erase_chars(struct screen *s, int n)
{
    s->wrap_pending = false;
    grid_clear_cells(s->grid, s->cx, s->cy, n, &s->pen);
}

/* ICH / DCH: the cells between the cursor and the right margin move; outside the
 * left/right margins nothing happens (as xterm). */
void screen_insert_chars(struct screen *s, int n)
{
    s->wrap_pending = false;
    if (!screen_cursor_in_columns(s))
        return;
    grid_insert_cells_in(s->grid, s->cx, s->cy, n, s->right + 1, &s->pen);
}

void screen_delete_chars(struct screen *s, int n)
{
    s->wrap_pending = false;
    if (!screen_cursor_in_columns(s))
        return;
    grid_delete_cells_in(s->grid, s->cx, s->cy, n, s->right + 1, &s->pen);
}

/* IL: lines from the cursor down to the region bottom move down (between the
 * left/right margins); outside the margins it does nothing. The cursor goes to the
 * left margin. */
void screen_insert_lines(struct screen *s, int n)
{
    if (!screen_cursor_in_rows(s) || !screen_cursor_in_columns(s))
        return;
    scroll_rows_down(s, s->cy, n);
    screen_carriage_return(s);
}

void screen_delete_lines(struct screen *s, int n)
{
    if (!screen_cursor_in_rows(s) || !screen_cursor_in_columns(s))
        return;
    scroll_rows_up(s, s->cy, n, false);
    screen_carriage_return(s);
}

void screen_scroll_up(struct screen *s, int n)
{
    scroll_region_up(s, n);
}

void screen_scroll_down(struct screen *s, int n)
{
    scroll_region_down(s, n);
}

/* DECSTBM with 0-based inclusive bounds; an invalid region is ignored. The cursor
 * goes home (to the region's top in origin mode). */
void screen_set_region(struct screen *s, int top, int bottom)
{
    top = clamp(top, 0, s->rows - 1);
    bottom = clamp(bottom, 0, s->rows - 1);
    if (top >= bottom)
        return;
    s->top = top;
    s->bottom = bottom;
    screen_cursor_to(s, 0, 0);
}

/* DECALN: fill the screen with 'E'; the margins go back to the screen's edges. */
void screen_alignment_fill(struct screen *s)
{
    s->top = 0;
    s->bottom = s->rows - 1;
    screen_reset_lr_margins(s);
    for (int y = 0; y < s->rows; y++) {
        struct grid_cell *c = grid_set_run(s->grid, 0, y, s->cols);
        for (int x = 0; x < s->cols; x++)
            c[x] = (struct grid_cell){ .ch = 'E', .wl = GRID_WL(1, 0) };
    }
    screen_cursor_to(s, 0, 0);
}

void screen_set_mode(struct screen *s, uint32_t mode, bool on)
{
    uint32_t old = s->modes;
    if (on)
        s->modes |= mode;
    else
        s->modes &= ~mode;
    if (mode & VT_MODE_WRAP)
        s->wrap_pending = false;
    sync_changed(s, old);
}

void screen_set_origin(struct screen *s, bool on)
{
    screen_set_mode(s, VT_MODE_ORIGIN, on);
    screen_cursor_to(s, 0, 0);
}

void screen_set_columns(struct screen *s, bool on)
{
    screen_set_mode(s, VT_MODE_COLUMN_132, on);
    s->top = 0;
    s->bottom = s->rows - 1;
    screen_reset_lr_margins(s);
    screen_erase_screen(s);
    screen_cursor_to(s, 0, 0);
}

/* The alternate screen's grid, made at its first use: most panes (shells) never show
 * it, and its lines and history were 1.5 KiB of each new pane (massif, 100 windows). */
struct grid *screen_alt_grid(struct screen *s)
{
    if (s->alt == NULL) {
        s->alt = grid_create(s->cols, s->rows, 0);
        grid_set_combs(s->alt, s->combs);
    }
    return s->alt;
}

void screen_enter_alt(struct screen *s, bool clear)
{
    if (s->grid != s->alt) { /* also when there is none yet */
        s->grid = screen_alt_grid(s);
        s->modes |= VT_MODE_ALT_SCREEN;
    }
    if (clear)
        grid_clear_lines(s->alt, 0, s->rows, &s->pen);
}

void screen_leave_alt(struct screen *s, bool clear)
{
    if (s->grid != s->alt)
        return;
    if (clear)
        grid_clear_lines(s->alt, 0, s->rows, &s->pen);
    s->grid = s->main;
    s->modes &= ~(uint32_t)VT_MODE_ALT_SCREEN;
}

void screen_designate_charset(struct screen *s, int g, enum screen_charset set)
{
    s->charset[g & 1] = (uint8_t)set;
}

void screen_shift_charset(struct screen *s, int g)
{
    s->gl = (uint8_t)(g & 1);
}

void screen_set_link(struct screen *s, const char *id, size_t idlen, const char *uri,
                     size_t urilen)
{
    s->link = links_intern(s->links, id, idlen, uri, urilen); /* "" closes: 0 */
}

void screen_bell(struct screen *s)
{
    if (s->ops->bell != NULL)
        s->ops->bell(s->ops_arg);
}

/* DECSTR, as xterm: IRM, DECOM, DECCKM, DECKPAM and reverse wraparound off, DECAWM
 * and the cursor on, cursor style default; pen (with DECSCA), all four margins and
 * charsets reset; the saved cursor goes home. Screen, tabs, other modes (DECLRMM
 * too) are kept. */
void screen_soft_reset(struct screen *s)
{
    s->modes &= ~(uint32_t)(VT_MODE_INSERT | VT_MODE_ORIGIN | VT_MODE_CURSOR_KEYS |
                            VT_MODE_KEYPAD | VT_MODE_REVERSE_WRAP);
    s->modes |= VT_MODE_WRAP | VT_MODE_CURSOR_VISIBLE;
    s->cursor_style = 0;
    reset_pen(s);
    s->top = 0;
    s->bottom = s->rows - 1;
    screen_reset_lr_margins(s);
    s->charset[0] = s->charset[1] = SCREEN_CHARSET_ASCII;
    s->gl = 0;
    s->wrap_pending = false;
    memset(saved_slot(s), 0, sizeof s->saved[0]);
}

/* RIS: back to the main screen, everything reset and cleared, history too (as
 * xterm; the screen is not pushed into history). The title and cwd are kept. */
void screen_full_reset(struct screen *s)
{
    uint32_t old = s->modes;
    screen_leave_alt(s, true);
    reset_state(s);
    keyboard_reset(&s->kbd);
    grid_clear_history(s->main);
    grid_clear_lines(s->main, 0, s->rows, NULL);
    if (s->alt != NULL)
        grid_clear_lines(s->alt, 0, s->rows, NULL);
    combs_clear(s->combs); /* no cell is left that names a sequence */
    sync_changed(s, old);
}

void screen_reinit(struct screen *s)
{
    uint32_t old = s->modes;
    screen_leave_alt(s, true);
    reset_state(s);
    keyboard_reset(&s->kbd);
    grid_clear_lines(s->main, 0, s->rows, NULL);
    if (s->alt != NULL)
        grid_clear_lines(s->alt, 0, s->rows, NULL);
    sync_changed(s, old);
}

/* Change the height of one grid keeping row 'cy' visible: when shrinking, lines
 * above are pushed off the top (into history for the main grid); when growing the
 * main grid, lines come back from history. Returns the new cursor row. */
static int resize_rows(struct screen *s, struct grid *g, int cy, int rows)
{
    int old = grid_rows(g);
    if (rows < old) {
        int push = cy - (rows - 1);
        if (push > 0) {
            grid_scroll_up(g, 0, old - 1, push, g == s->main, NULL);
            cy -= push;
        }
        grid_resize(g, grid_cols(g), rows);
    } else if (rows > old) {
        grid_resize(g, grid_cols(g), rows);
        if (g == s->main)
            cy += grid_pull_history(g, rows - old);
    }
    return cy;
}

void screen_resize(struct screen *s, int cols, int rows)
{
    cols = cols < 1 ? 1 : cols;
    rows = rows < 1 ? 1 : rows;
    bool alt = s->grid == s->alt;
    bool pending = false;
    struct screen_cursor *main_saved = &s->saved[0];
    int main_y = alt && main_saved->valid ? main_saved->y : s->cy;

    /* As tmux, the height changes first (at the old width), then the text is rewrapped
     * at the new width: a pane made narrower and taller at once shows the last lines of
     * the rewrapped text, as it does in tmux. */
    int moved = resize_rows(s, s->main, main_y, rows) - main_y;
    main_y += moved;
    int alt_y = s->alt != NULL ? resize_rows(s, s->alt, alt ? s->cy : 0, rows) : 0;
    if (alt && main_saved->valid)
        main_saved->y = main_y;
    else if (!alt) {
        s->cy = main_y;
        if (main_saved->valid)
            main_saved->y = clamp(main_saved->y + moved, 0, rows - 1);
    }

    if (cols != s->cols) {
        /* The main screen rewraps; the cursor (the saved one while the alternate
         * screen is shown) and the saved cursor follow their characters. */
        struct grid_pos pos[2];
        int npos = 1;
        pos[0] = (struct grid_pos){ .x = s->cx, .y = s->cy, .pending = s->wrap_pending };
        if (alt && main_saved->valid)
            pos[0] = (struct grid_pos){ .x = main_saved->x, .y = main_saved->y,
                                        .pending = main_saved->wrap_pending };
        else if (alt)
            pos[0].pending = false;
        if (!alt && main_saved->valid) {
            pos[1] = (struct grid_pos){ .x = main_saved->x, .y = main_saved->y,
                                        .pending = main_saved->wrap_pending };
            npos = 2;
        }
        grid_reflow(s->main, cols, pos, npos);
        if (alt && main_saved->valid) {
            main_saved->x = pos[0].x;
            main_saved->y = pos[0].y;
            main_saved->wrap_pending = pos[0].pending;
        } else if (!alt) {
            s->cx = pos[0].x;
            s->cy = pos[0].y;
            pending = pos[0].pending;
        }
        if (npos == 2) {
            main_saved->x = pos[1].x;
            main_saved->y = pos[1].y < 0 ? 0 : pos[1].y;
            main_saved->wrap_pending = pos[1].pending;
        }
        main_y = pos[0].y;
    }
    grid_resize(s->main, cols, rows);
    if (s->alt != NULL)
        grid_resize(s->alt, cols, rows);
    if (alt && main_saved->valid)
        main_saved->y = main_y;
    s->cy = alt ? alt_y : main_y;

    /* Tab stops are kept for columns that go away, in case they come back. */
    if (cols > s->tabs_cap) {
        int old_cap = s->tabs_cap;
        s->tabs = xrealloc(s->tabs, (size_t)cols);
        s->tabs_cap = cols;
        reset_tabs(s, old_cap);
    }
    s->cols = cols;
    s->rows = rows;
    for (int i = 0; i < 2; i++) {
        s->saved[i].x = clamp(s->saved[i].x, 0, cols - 1);
        s->saved[i].y = clamp(s->saved[i].y, 0, rows - 1);
    }
    s->top = 0;
    s->bottom = rows - 1;
    screen_reset_lr_margins(s);
    s->cx = clamp(s->cx, 0, cols - 1);
    s->cy = clamp(s->cy, 0, rows - 1);
    s->wrap_pending = pending && s->cx == cols - 1 && mode_on(s, VT_MODE_WRAP);
}
