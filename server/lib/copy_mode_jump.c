/* copy_mode_jump.c - copy-mode motions over characters of the grid: jumps to a
 * character on the line (f F t T ; ,), paragraphs ({ }), matching brackets (%), the
 * word under the cursor (select-word), the mark (X, M-x), the line's end selected. */
#include "copy_mode_core.h"

#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

/* Put the cursor at (x, line y) and keep it in the view. */
static void place(const struct grid *g, struct copy_state *cs, int64_t y, int x)
{
    int rows = grid_rows(g);
    cs->cy = y;
    cs->cx = x;
    if (cs->cy < cs->top)
        cs->top = cs->cy;
    if (cs->cy > cs->top + rows - 1)
        cs->top = cs->cy - rows + 1;
    copy_clamp(g, cs);
}

/* The character of cell x of l (blank: ' '), or 0 past its end. */
static uint32_t char_at(const struct grid_line *l, int x)
{
    if (x < 0 || x >= l->used)
        return 0;
    uint32_t ch = l->cells[x].ch;
    return ch == 0 ? ' ' : ch;
}

/* The first character of UTF-8 text s. */
static uint32_t first_char(const char *s)
{
    struct utf8_decoder d = {0};
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        int again = 0;
        int32_t cp = utf8_decode_byte(&d, *p, &again);
        if (cp >= 0)
            return (uint32_t)cp;
        if (cp == UTF8_INVALID)
            return 0;
    }
    return 0;
}

/* The character of cell x of l as a jump sees it: blank past the line's end, 0 (never
 * matched) on a wide character's right half and, as tmux 3.3a (which compares the whole
 * cell with the one character it jumps to), on a cell with combining marks. */
static uint32_t cell_char(const struct grid_line *l, int x)
{
    if (x >= l->used)
        return ' ';
    if (grid_cell_width(&l->cells[x]) == 0 || l->cells[x].comb != 0)
        return 0;
    return l->cells[x].ch == 0 ? ' ' : l->cells[x].ch;
}

static bool wrapped(const struct grid *g, int64_t y)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    bool w = l.wrapped;
    copy_line_free(&l);
    return w;
}


/* One cell left, as tmux: off a wide character's right half first; from the first
 * column onto the end of the row above when that row continues on this one. */
static void step_left(const struct grid *g, int64_t *y, int *x)
{
    struct grid_line l = {0};
    copy_line_fetch(g, *y, &l);
    while (*x > 0 && *x < l.used && grid_cell_width(&l.cells[*x]) == 0)
        (*x)--;
    copy_line_free(&l);
    if (*x == 0 && *y > copy_first_line(g) && wrapped(g, *y - 1)) {
        (*y)--;
        *x = copy_row_length(g, *y);
    } else if (*x > 0)
        (*x)--;
}

/* One cell right, as tmux: up to the line's end, then onto the next line's start. */
static void step_right(const struct grid *g, int64_t *y, int *x)
{
    struct grid_line l = {0};
    copy_line_fetch(g, *y, &l);
    int len = copy_line_length(&l);
    if (*x >= len && *y < copy_last_line(g)) {
        *x = 0;
        (*y)++;
    } else if (*x < len) {
        (*x)++;
        while (*x < len && grid_cell_width(&l.cells[*x]) == 0)
            (*x)++;
    }
    copy_line_free(&l);
}

/* From (*x, *y) on, the next ch on the line, rows joined by autowrap included. */
static bool find_forward(const struct grid *g, int64_t *y, int *x, uint32_t ch)
{
    struct grid_line l = {0};
    int px = *x;
    bool found = false;
    for (int64_t py = *y;; py++) {
        copy_line_fetch(g, py, &l);
        for (int len = copy_line_length(&l); px < len; px++) {
            if (cell_char(&l, px) == ch) {
                *y = py;
                *x = px;
                found = true;
                break;
            }
        }
        if (found || py >= copy_last_line(g) || !l.wrapped)
            break;
        px = 0;
    }
    copy_line_free(&l);
    return found;
}

/* From (*x, *y) back, the previous ch on the line, rows joined by autowrap included. */
static bool find_backward(const struct grid *g, int64_t *y, int *x, uint32_t ch)
{
    struct grid_line l = {0};
    int px = *x;
    bool found = false;
    for (int64_t py = *y;; py--) {
        copy_line_fetch(g, py, &l);
        for (; px >= 0; px--) {
            if (cell_char(&l, px) == ch) {
                *y = py;
                *x = px;
                found = true;
                break;
            }
        }
        if (found || py <= copy_first_line(g) || !wrapped(g, py - 1))
            break;
        px = copy_row_length(g, py - 1) - 1;
    }
    copy_line_free(&l);
    return found;
}

/* f F t T, as tmux 3.3a: t stops a cell before the match (at the end of the row above
 * when the match starts a row), T a cell after it. */
static bool jump(const struct grid *g, struct copy_state *cs, int type, uint32_t ch)
{
    int64_t y = cs->cy;
    int x = cs->cx;
    bool found = false;
    switch (type) {
    case COPY_JUMP_FORWARD:
        x++;
        found = find_forward(g, &y, &x, ch);
        break;
    case COPY_JUMP_TO_FORWARD:
        x += 2;
        if ((found = find_forward(g, &y, &x, ch)))
            step_left(g, &y, &x);
        break;
    case COPY_JUMP_BACKWARD:
        step_left(g, &y, &x);
        found = find_backward(g, &y, &x, ch);
        break;
    case COPY_JUMP_TO_BACKWARD:
        step_left(g, &y, &x);
        step_left(g, &y, &x);
        if ((found = find_backward(g, &y, &x, ch)))
            step_right(g, &y, &x);
        break;
    }
    if (found)
        place(g, cs, y, x);
    return found;
}

bool copy_jump(const struct grid *g, struct copy_state *cs, int type, const char *ch)
{
    uint32_t c = first_char(ch);
    if (c == 0)
        return false;
    cs->jump_type = type;
    cs->jump_char = c;
    return jump(g, cs, type, c);
}

bool copy_jump_again(const struct grid *g, struct copy_state *cs, bool reverse)
{
    int type = cs->jump_type;
    if (reverse) {
        static const int opposite[] = {
            [COPY_JUMP_NONE] = COPY_JUMP_NONE,
            [COPY_JUMP_FORWARD] = COPY_JUMP_BACKWARD,
            [COPY_JUMP_BACKWARD] = COPY_JUMP_FORWARD,
            [COPY_JUMP_TO_FORWARD] = COPY_JUMP_TO_BACKWARD,
            [COPY_JUMP_TO_BACKWARD] = COPY_JUMP_TO_FORWARD,
        };
        type = opposite[type];
    }
    return type != COPY_JUMP_NONE && jump(g, cs, type, cs->jump_char);
}

/* Whether line y holds nothing but blanks. */
static bool line_empty(const struct grid *g, int64_t y)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    bool empty = copy_line_length(&l) == 0;
    copy_line_free(&l);
    return empty;
}

void copy_next_paragraph(const struct grid *g, struct copy_state *cs)
{
    int64_t y = cs->cy, last = copy_last_line(g);
    while (y < last && line_empty(g, y))
        y++;
    while (y < last && !line_empty(g, y))
        y++;
    cs->cy = y;
    cs->cx = copy_row_length(g, y);
    copy_show_line(g, cs, y);
    copy_clamp(g, cs);
}

void copy_previous_paragraph(const struct grid *g, struct copy_state *cs)
{
    int64_t y = cs->cy, first = copy_first_line(g);
    while (y > first && line_empty(g, y))
        y--;
    while (y > first && !line_empty(g, y))
        y--;
    cs->cy = y;
    cs->cx = 0;
    copy_show_line(g, cs, y);
}

/* The bracket matching c, and whether c opens (searching forward). */
static uint32_t bracket_match(uint32_t c, bool *opens)
{
    static const char pairs[] = "()[]{}";
    const char *p = c < 0x80 ? strchr(pairs, (int)c) : NULL;
    if (p == NULL || c == 0)
        return 0;
    size_t i = (size_t)(p - pairs);
    *opens = i % 2 == 0;
    return (uint32_t)pairs[*opens ? i + 1 : i - 1];
}

/* From the bracket at (x, y), to its match, counting nested ones, across lines. */
static void to_match(const struct grid *g, struct copy_state *cs, int64_t y, int x)
{
    struct grid_line l = {0};
    copy_line_fetch(g, y, &l);
    uint32_t c = char_at(&l, x);
    bool opens = false;
    uint32_t want = bracket_match(c, &opens);
    int depth = 0;
    int64_t first = copy_first_line(g), last = copy_last_line(g);
    for (;;) {
        uint32_t here = char_at(&l, x);
        if (here == c)
            depth++;
        else if (here == want && --depth == 0) {
            copy_line_free(&l);
            place(g, cs, y, x);
            return;
        }
        if (opens) {
            if (++x >= l.used) {
                if (y >= last)
                    break;
                copy_line_fetch(g, ++y, &l);
                x = 0;
                if (l.used == 0)
                    x = -1;
            }
        } else {
            if (--x < 0) {
                if (y <= first)
                    break;
                copy_line_fetch(g, --y, &l);
                x = l.used - 1;
            }
        }
    }
    copy_line_free(&l);
}

static void matching_bracket(const struct grid *g, struct copy_state *cs, bool next)
{
    struct grid_line l = {0};
    copy_line_fetch(g, cs->cy, &l);
    int len = copy_line_length(&l), x = cs->cx;
    bool opens;
    /* Not on a bracket: the first one after (before) the cursor on the line. */
    while (x >= 0 && x < len && bracket_match(char_at(&l, x), &opens) == 0)
        x += next ? 1 : -1;
    bool found = x >= 0 && x < len;
    copy_line_free(&l);
    if (found)
        to_match(g, cs, cs->cy, x);
}

static bool is_blank_char(uint32_t c)
{
    return c == 0 || c == ' ' || c == '\t';
}

/* Whether c is an opening (closing) bracket. */
static bool is_bracket(uint32_t c, bool opening)
{
    bool opens;
    return bracket_match(c, &opens) != 0 && opens == opening;
}

/* emacs keys (M-C-f), as tmux: on an opening bracket, or just before one, to its match;
 * else forward to the next opening bracket or the end of a word, on the lines below if
 * this one has none. */
static void emacs_next_bracket(const struct grid *g, struct copy_state *cs)
{
    struct grid_line l = {0};
    int64_t y = cs->cy, last = copy_last_line(g);
    copy_line_fetch(g, y, &l);
    int x = cs->cx, len = copy_line_length(&l);
    if (is_bracket(char_at(&l, x), true) || (x + 1 < len && is_bracket(char_at(&l, x + 1), true))) {
        int at = is_bracket(char_at(&l, x), true) ? x : x + 1;
        copy_line_free(&l);
        to_match(g, cs, y, at);
        return;
    }
    for (int p = x + 1;; p++) {
        if (p > len) {
            if (y >= last)
                break;
            copy_line_fetch(g, ++y, &l);
            len = copy_line_length(&l);
            p = -1;
            continue;
        }
        uint32_t c = p < len ? char_at(&l, p) : 0;
        if (is_bracket(c, true) || (is_blank_char(c) && p > 0 && !is_blank_char(char_at(&l, p - 1)))) {
            copy_line_free(&l);
            place(g, cs, y, p);
            return;
        }
    }
    copy_line_free(&l);
}

/* emacs keys (M-C-b), as tmux: on a closing bracket, or just after one, to its match;
 * else back to the previous closing bracket or the start of a word on the line. */
static void emacs_previous_bracket(const struct grid *g, struct copy_state *cs)
{
    struct grid_line l = {0};
    copy_line_fetch(g, cs->cy, &l);
    int x = cs->cx;
    if (is_bracket(char_at(&l, x), false) || (x > 0 && is_bracket(char_at(&l, x - 1), false))) {
        int at = is_bracket(char_at(&l, x), false) ? x : x - 1;
        copy_line_free(&l);
        to_match(g, cs, cs->cy, at);
        return;
    }
    int p = x - 1;
    for (; p > 0; p--) {
        uint32_t c = char_at(&l, p), before = char_at(&l, p - 1);
        if (is_bracket(c, false) ||
            (!is_blank_char(c) && (is_blank_char(before) || is_bracket(before, false))))
            break;
    }
    copy_line_free(&l);
    place(g, cs, cs->cy, p > 0 ? p : 0);
}

void copy_next_matching_bracket(const struct grid *g, struct copy_state *cs)
{
    if (cs->vi)
        matching_bracket(g, cs, true);
    else
        emacs_next_bracket(g, cs);
}

void copy_previous_matching_bracket(const struct grid *g, struct copy_state *cs)
{
    if (cs->vi)
        matching_bracket(g, cs, false);
    else
        emacs_previous_bracket(g, cs);
}

/* 0 blank, 1 a separator (word-separators), 2 a word character. */
static int char_class(const struct copy_state *cs, uint32_t ch)
{
    if (ch == 0 || ch == ' ' || ch == '\t')
        return 0;
    if (ch >= 0x80)
        return 2;
    const char *sep = cs->separators != NULL ? cs->separators
                                             : "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~";
    return strchr(sep, (int)ch) != NULL ? 1 : 2;
}

/* As tmux: from the start of the word under the cursor (or of the one before, from a
 * blank) to its end; a one-character word stays as it is. Moving the cursor on then
 * takes whole words. */
void copy_select_word(const struct grid *g, struct copy_state *cs)
{
    cs->line_flag = COPY_LINES_DOWN;
    cs->rectangle = false;
    cs->unit = COPY_UNIT_WORD;
    cs->anchor_x = cs->cx;
    cs->anchor_y = cs->cy;
    int64_t y = cs->cy, old_y = cs->cy, old_top = cs->top;
    int x = cs->cx, old_x = cs->cx;
    copy_word_start_pos(g, cs, &y, &x);
    place(g, cs, y, x);
    /* as tmux, scrolling up to the word's start can swap the ends of the selection there
     * was: select-line's way of running stays */
    copy_remember_scrolled(g, cs, old_x, old_y, old_top);
    copy_selection_follow(g, cs, false);
    cs->reset_x = x;
    cs->reset_y = y;
    cs->selecting = true;
    cs->sel_x = cs->end_x = x;
    cs->sel_y = cs->end_y = y;
    cs->drag = COPY_DRAG_END;
    copy_selection_follow(g, cs, false);
    int64_t ny = y;
    int nx = x + 1;
    if (wrapped(g, ny) && nx > grid_cols(g) - 1) {
        nx = 0;
        ny++;
    }
    struct grid_line l = {0};
    copy_line_fetch(g, ny, &l);
    bool blank_next = cell_char(&l, nx) == ' ';
    copy_line_free(&l);
    if (x >= copy_row_length(g, y) || !blank_next) {
        old_x = cs->cx;
        old_y = cs->cy;
        old_top = cs->top;
        copy_next_word_end(g, cs);
        copy_remember_scrolled(g, cs, old_x, old_y, old_top);
    } else
        place(g, cs, y, x);
    copy_selection_follow(g, cs, true);
    cs->reset_end_x = cs->cx;
    cs->reset_end_y = cs->cy;
    if (cs->anchor_y > cs->reset_end_y) {
        cs->anchor_y = cs->reset_end_y;
        cs->anchor_x = cs->reset_end_x;
    } else if (cs->anchor_x > cs->reset_end_x)
        cs->anchor_x = cs->reset_end_x;
}

/* Put ASCII text over the right end of line l, as wide as the grid. */
static void overlay_line(const struct grid *g, struct grid_line *l, const char *text)
{
    int cols = grid_cols(g), n = (int)strlen(text);
    if (n > cols)
        n = cols;
    if (l->size < cols) {
        l->cells = xreallocarray(l->cells, (size_t)cols, sizeof *l->cells);
        l->size = cols;
    }
    for (; l->used < cols; l->used++)
        l->cells[l->used] = grid_blank_cell;
    for (int i = 0; i < n; i++) {
        struct grid_cell *c = &l->cells[cols - n + i];
        *c = grid_blank_cell;
        c->ch = (unsigned char)text[i];
    }
}

/* Whether cell x of l ends a word for #{copy_cursor_word}: a blank or a separator (past
 * the line's end too); 'half' set on a wide character's right half, which ends it too. */
static bool word_stop(const struct copy_state *cs, const struct grid_line *l, int x, bool *half)
{
    *half = x < l->used && grid_cell_width(&l->cells[x]) == 0;
    return *half || char_class(cs, x < l->used ? char_at(l, x) : ' ') != 2;
}

/* As tmux 3.3a: back from the cursor to a separator (the word starts after it) or to a
 * wide character's right half (then there is none), then on to the next separator,
 * right half or the line's end. Row by row: rows autowrap joined are not. */
char *copy_cursor_word(const struct grid *g, const struct copy_state *cs, const char *overlay)
{
    struct grid_line l = {0};
    copy_line_fetch(g, cs->cy, &l);
    if (overlay != NULL && cs->cy == cs->top)
        overlay_line(g, &l, overlay);
    int len = copy_line_length(&l), x = cs->cx;
    bool half, found = false;
    for (;;) {
        if (word_stop(cs, &l, x, &half)) {
            found = !half;
            break;
        }
        if (x == 0)
            break;
        x--;
    }
    char *out = xmalloc((size_t)(len > 0 ? len : 0) * (8 + GRID_MARKS_UTF8_MAX) + 1);
    size_t n = 0;
    for (;;) {
        if (found) {
            if (len == 0 || x >= len - 1)
                break;
            x++;
        }
        found = true;
        if (word_stop(cs, &l, x, &half))
            break;
        n += (size_t)utf8_encode(char_at(&l, x), out + n);
        if (l.cells[x].comb != 0) /* its combining marks too, as tmux */
            n += (size_t)grid_cell_marks_utf8(g, &l.cells[x], out + n);
    }
    out[n] = '\0';
    copy_line_free(&l);
    return out;
}

void copy_set_mark(const struct grid *g, struct copy_state *cs)
{
    (void)g;
    cs->mark_set = true;
    cs->mark_y = cs->cy;
    cs->mark_x = cs->cx;
}

void copy_jump_to_mark(const struct grid *g, struct copy_state *cs)
{
    if (!cs->mark_set)
        return;
    int64_t y = cs->mark_y;
    int x = cs->mark_x;
    cs->mark_y = cs->cy;
    cs->mark_x = cs->cx;
    place(g, cs, y, x);
}

/* copy-end-of-line, as tmux: from the cursor (whatever select-word or select-line left
 * in force) to the end of its line. */
void copy_select_to_end_of_line(const struct grid *g, struct copy_state *cs)
{
    cs->selecting = true;
    cs->sel_x = cs->end_x = cs->cx;
    cs->sel_y = cs->end_y = cs->cy;
    cs->drag = COPY_DRAG_END;
    copy_selection_follow(g, cs, false);
    copy_end_of_line(g, cs);
    copy_selection_follow(g, cs, false);
}

void copy_select_whole_line(const struct grid *g, struct copy_state *cs)
{
    cs->unit = COPY_UNIT_CHAR;
    copy_start_of_line(g, cs);
    copy_select_to_end_of_line(g, cs);
}
