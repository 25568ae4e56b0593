/* copy_mode_search.c - copy-mode search over history and screen, as tmux 3.3a's.
 *
 * search-forward and search-backward take a POSIX extended regular expression (one with
 * none of ^$*+()?[].\ is searched as plain text), the -text and incremental ones plain
 * text; both ignore case when the text has no upper-case letter (and, as tmux, no
 * non-ASCII character). Grid rows are searched one by one, each at its full width (the
 * blanks after the text are spaces, a wide character's right half holds no byte); a row
 * that autowrap continues is searched together with the rows after it, so a match may
 * run over them, but it starts on the row searched. Byte offsets from regexec are mapped
 * back to cells the way tmux maps them, quirks included (see cell_at, row_find_back and
 * covered). The matches shown are found again for the view each time they are drawn. */
#include "copy_mode_core.h"

#include <locale.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "regex_bound.h"
#include "utf8.h"
#include "xmalloc.h"

/* ---- The text searched for. ---------------------------------------------------------- */

/* One cell of plain search text: its UTF-8 (a character and its combining marks) and width. */
struct pcell {
    char b[8 + 4 * 8];
    int len, width;
};

struct pattern {
    bool regex;
    bool fold;          /* no upper-case letter: ignore case */
    bool context_free;  /* no ^ and no \: where a match starts does not depend on where
                           regexec starts looking (see find_regex) */
    regex_t re;
    struct pcell *cells; /* plain text as cells, a wide character followed by its half */
    int n;
};

/* tmux compiles and runs expressions in a UTF-8 locale whatever the user's: so does this. */
static locale_t utf8_locale(void)
{
    static locale_t loc;
    static bool tried;
    if (!tried) {
        tried = true;
        loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (loc == (locale_t)0)
            loc = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
    }
    return loc;
}

/* Whether case counts: an upper-case letter in the text or, as tmux 3.3a (which compares
 * each byte, as a signed char, with its lower case), any byte of a non-ASCII character. */
static bool case_counts(const char *s)
{
    for (; *s != '\0'; s++) {
        if ((*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0x80)
            return true;
    }
    return false;
}

/* The plain text as grid cells (what writing it to a screen gives). */
static void pattern_cells(struct pattern *pt, const char *text)
{
    size_t len = strlen(text);
    pt->cells = xcalloc(2 * len + 1, sizeof *pt->cells);
    pt->n = 0;
    int last = -1; /* the cell a combining mark joins */
    struct utf8_decoder d = {0};
    for (size_t i = 0; i < len; i++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, (uint8_t)text[i], &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            cp = 0xfffd;
            if (reprocess)
                i--;
        }
        int w = utf8_width((uint32_t)cp);
        if (w <= 0) {
            struct pcell *c = last >= 0 ? &pt->cells[last] : NULL;
            if (c != NULL && c->len + 4 <= (int)sizeof c->b)
                c->len += utf8_encode((uint32_t)cp, c->b + c->len);
            continue;
        }
        last = pt->n;
        struct pcell *c = &pt->cells[pt->n++];
        c->len = utf8_encode((uint32_t)cp, c->b);
        c->width = w;
        if (w == 2)
            pt->n++; /* the right half: no bytes, width 0 */
    }
}

/* Whether where a match starts, and its longest match there, cannot depend on the text
 * before it nor on where regexec started: no ^ (outside a bracket expression) and none
 * of GNU's word and buffer anchors (\b \B \< \> \` \'). */
static bool context_free(const char *re)
{
    for (const char *p = re; *p != '\0'; p++) {
        if (*p == '\\') {
            if (p[1] != '\0' && strchr("bB<>`'", p[1]) != NULL)
                return false;
            if (p[1] != '\0')
                p++;
        } else if (*p == '^') {
            return false;
        } else if (*p == '[') {
            const char *end = regex_bracket_end(p);
            if (end == NULL)
                return false; /* does not compile anyway */
            p = end - 1; /* on its ']' */
        }
    }
    return true;
}

/* Whether a search-forward/-backward text is a regular expression: as tmux, only when
 * it has one of ^$*+()?[].\ (else it is searched as plain text). */
static bool is_expression(const char *text)
{
    return text[strcspn(text, "^$*+()?[].\\")] != '\0';
}

static bool pattern_make(struct pattern *pt, const char *text, bool regex)
{
    memset(pt, 0, sizeof *pt);
    pt->fold = !case_counts(text);
    /* As tmux: an expression with no special character is plain text. */
    pt->regex = regex && is_expression(text);
    if (!pt->regex) {
        pattern_cells(pt, text);
        return pt->n > 0;
    }
    pt->context_free = context_free(text);
    locale_t loc = utf8_locale(), old = loc != (locale_t)0 ? uselocale(loc) : (locale_t)0;
    /* Bounded: a pattern that would make regcomp build millions of nodes ("(a{99}){99}")
     * does not compile, rather than stall the server (tools/compat-intended.md). */
    int rc = regcomp_bounded(&pt->re, text, REG_EXTENDED | (pt->fold ? REG_ICASE : 0));
    if (loc != (locale_t)0)
        uselocale(old);
    if (rc != 0) {
        pt->regex = false; /* nothing compiled: nothing to free */
        return false;      /* an invalid expression matches nothing */
    }
    return true;
}

static void pattern_free(struct pattern *pt)
{
    if (pt->regex)
        regfree(&pt->re);
    free(pt->cells);
}

/* ---- Rows joined by autowrap. -------------------------------------------------------- */

/* Rows [first, end) of the grid, a row and those autowrap continues it on, as the bytes
 * of their cells (cols cells a row) and the offset of each cell's first byte. */
struct chain {
    int64_t first, end;
    int cols;
    char *buf;
    size_t len, cap;
    size_t *off;       /* ncells + 1 */
    uint8_t *width;
    int ncells, cap_cells;
    bool last_empty;   /* the last cell holds no byte (a wide character's right half) */
    /* find_regex's memory, context-free expressions only: every byte a match starts at
     * before byte 'known' (each with its longest match's end), found once for the rows */
    bool listed;
    size_t *starts, *ends;
    int nstarts, cap_starts;
    size_t known;
    /* ...and for the others: the bytes handed to regexec for these rows so far */
    size_t scanned;
    /* covered's memory: reach[i] is the furthest cell (counted from the first row's
     * start) the matches of rows before row first + i run to, for i up to nreach */
    int64_t *reach;
    int nreach;
};

static bool row_wrapped(const struct grid *g, int64_t n)
{
    int64_t i = n - copy_first_line(g);
    int hist = grid_history_size(g);
    if (i < 0)
        return false;
    if (i < hist) {
        int used;
        bool wrapped = false;
        grid_history_info(g, (int)i, &used, &wrapped);
        return wrapped;
    }
    const struct grid_line *l = i - hist < grid_rows(g) ? grid_line_const(g, (int)(i - hist)) : NULL;
    return l != NULL && l->wrapped;
}

static void chain_add(struct chain *ch, const char *b, int n, int width)
{
    if (ch->len + (size_t)n + 1 > ch->cap) {
        ch->cap = (ch->len + (size_t)n + 1) * 2;
        ch->buf = xrealloc(ch->buf, ch->cap);
    }
    if (ch->ncells + 2 > ch->cap_cells) {
        ch->cap_cells = (ch->ncells + 2) * 2;
        ch->off = xreallocarray(ch->off, (size_t)ch->cap_cells, sizeof *ch->off);
        ch->width = xreallocarray(ch->width, (size_t)ch->cap_cells, 1);
    }
    ch->off[ch->ncells] = ch->len;
    ch->width[ch->ncells++] = (uint8_t)width;
    memcpy(ch->buf + ch->len, b, (size_t)n);
    ch->len += (size_t)n;
    ch->buf[ch->len] = '\0';
    ch->off[ch->ncells] = ch->len;
}

/* Make ch the rows joined by autowrap that hold row y (kept when it already does). */
static void chain_load(struct chain *ch, const struct grid *g, int64_t y, struct grid_line *l)
{
    if (ch->buf != NULL && y >= ch->first && y < ch->end)
        return;
    int64_t top = copy_first_line(g), last = copy_last_line(g);
    int64_t first = y;
    while (first > top && row_wrapped(g, first - 1))
        first--;
    ch->first = first;
    ch->cols = grid_cols(g);
    ch->len = 0;
    ch->ncells = 0;
    ch->listed = false;
    ch->scanned = 0;
    ch->nreach = 0;
    int64_t n = first;
    for (;;) {
        copy_line_fetch(g, n, l);
        for (int x = 0; x < ch->cols; x++) {
            const struct grid_cell *c = x < l->used ? &l->cells[x] : NULL;
            int w = c != NULL ? (int)grid_cell_width(c) : 1;
            char enc[8 + GRID_MARKS_UTF8_MAX];
            int len = 1;
            enc[0] = ' ';
            if (w == 0)
                len = 0;
            else if (c != NULL && c->ch != 0) {
                len = utf8_encode(c->ch, enc);
                if (c->comb != 0)
                    len += grid_cell_marks_utf8(g, c, enc + len);
            }
            chain_add(ch, enc, len, w);
        }
        n++;
        if (!l->wrapped || n > last)
            break;
    }
    ch->end = n;
    ch->last_empty = ch->ncells > 0 && ch->off[ch->ncells - 1] == ch->len;
}

static void chain_free(struct chain *ch)
{
    free(ch->reach);
    free(ch->starts);
    free(ch->ends);
    free(ch->buf);
    free(ch->off);
    free(ch->width);
}

/* The first cell, from cell 'from' on, whose first byte is at or after byte offset o
 * (ncells when none is). */
static int cell_from_offset(const struct chain *ch, int from, size_t o)
{
    int lo = from, hi = ch->ncells;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (ch->off[mid] < o)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The cell, from cell 'from' on, that byte offset o starts, as tmux finds it: the first
 * whose cells to the end give exactly the bytes from o on. So a match starting just after
 * a wide character starts on its right half, and none is found (ncells: past the end)
 * when the rows end with a wide character's right half, or o is the end. */
static int cell_at(const struct chain *ch, int from, size_t o)
{
    if (ch->last_empty || o >= ch->len)
        return ch->ncells;
    int c = cell_from_offset(ch, from, o);
    return c < ch->ncells && ch->off[c] == o ? c : ch->ncells;
}

/* regexec over bytes [from, to) of the rows. */
static bool run_regexec_to(const struct chain *ch, const struct pattern *pt, size_t from,
                           size_t to, int eflags, size_t *so, size_t *eo)
{
    /* REG_STARTEND: the length is known, regexec need not measure what is left */
    regmatch_t m = {.rm_so = 0, .rm_eo = (regoff_t)(to - from)};
    locale_t loc = utf8_locale(), old = loc != (locale_t)0 ? uselocale(loc) : (locale_t)0;
    bool found = regexec(&pt->re, ch->buf + from, 1, &m, eflags | REG_STARTEND) == 0;
    if (loc != (locale_t)0)
        uselocale(old);
    if (found) {
        *so = from + (size_t)m.rm_so;
        *eo = from + (size_t)m.rm_eo;
    }
    return found;
}

static bool run_regexec(const struct chain *ch, const struct pattern *pt, size_t from,
                        int eflags, size_t *so, size_t *eo)
{
    return run_regexec_to(ch, pt, from, ch->len, eflags, so, eo);
}

/* Bytes past a row's end an expression that depends on where regexec starts may match
 * into, once the rows' budget is spent (below). */
#define SEARCH_ROW_REACH 4096

/* An expression that depends on where regexec starts (^, \<, \b...) is run from each
 * row's start over the rest of the rows, as tmux runs it: over one long wrapped line
 * that is the square of its length (a 60 KB line took 0.8 s to find nothing, 1 MB would
 * hold every session for minutes). Up to a budget of 16 times the rows' length (and
 * 1 MiB) it is run so; beyond it, over the row and SEARCH_ROW_REACH bytes after, so a
 * match that starts on the row and runs further than that is not found there. */
static bool find_regex_bounded(struct chain *ch, const struct pattern *pt, size_t from,
                               int eflags, size_t *so, size_t *eo)
{
    size_t to = ch->len;
    if (ch->scanned >= 16 * ch->len + (1u << 20)) {
        /* the end of the row byte 'from' is on (the first cell at or after it) */
        int row_end = (cell_from_offset(ch, 0, from) / ch->cols + 1) * ch->cols;
        size_t end = ch->off[row_end < ch->ncells ? row_end : ch->ncells] + SEARCH_ROW_REACH;
        if (end < to)
            to = end;
    }
    ch->scanned += to - from;
    return run_regexec_to(ch, pt, from, to, eflags, so, eo);
}

/* List where matches of a context-free expression start in the rows (where one starts,
 * and how far its longest match goes, does not depend on where regexec started): one
 * regexec from each start on to the next. Within a budget of work, beyond which the
 * rest is left to regexec row by row. */
static void list_starts(struct chain *ch, const struct pattern *pt)
{
    ch->listed = true;
    ch->nstarts = 0;
    ch->known = 0;
    size_t at = 0, budget = 16 * ch->len + 4096, calls = 4 * (size_t)ch->ncells / (size_t)ch->cols + 256;
    size_t so, eo;
    while (at <= ch->len) {
        if (calls-- == 0 || budget == 0)
            return;
        if (!run_regexec(ch, pt, at, 0, &so, &eo)) {
            ch->known = ch->len + 1;
            return;
        }
        size_t cost = eo - at + 1;
        budget = cost < budget ? budget - cost : 0;
        if (ch->nstarts == ch->cap_starts) {
            ch->cap_starts = ch->cap_starts * 2 + 16;
            ch->starts = xreallocarray(ch->starts, (size_t)ch->cap_starts, sizeof *ch->starts);
            ch->ends = xreallocarray(ch->ends, (size_t)ch->cap_starts, sizeof *ch->ends);
        }
        ch->starts[ch->nstarts] = so;
        ch->ends[ch->nstarts++] = eo;
        /* on from the next character */
        at = so + 1;
        while (at < ch->len && ((unsigned char)ch->buf[at] & 0xc0) == 0x80)
            at++;
        ch->known = at;
    }
    ch->known = ch->len + 1;
}

/* The first match from byte 'from' of the rows (offsets back from there). For a
 * context-free expression from the list of starts: a search over a long wrapped line
 * does not run regexec from every row again (the square of its length). */
static bool find_regex(struct chain *ch, const struct pattern *pt, size_t from, int eflags,
                       size_t *so, size_t *eo)
{
    if (!pt->context_free)
        return find_regex_bounded(ch, pt, from, eflags, so, eo);
    if (!ch->listed)
        list_starts(ch, pt);
    if (from < ch->known) {
        int lo = 0, hi = ch->nstarts;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (ch->starts[mid] < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < ch->nstarts) {
            *so = ch->starts[lo];
            *eo = ch->ends[lo];
            return true;
        }
        if (ch->known > ch->len)
            return false;
    }
    return run_regexec(ch, pt, from, eflags, so, eo);
}

/* Whether the plain text's cells are at cell c onwards. */
static bool plain_at(const struct chain *ch, const struct pattern *pt, int c)
{
    if (c + pt->n > ch->ncells)
        return false;
    for (int i = 0; i < pt->n; i++) {
        const struct pcell *p = &pt->cells[i];
        const char *b = ch->buf + ch->off[c + i];
        int len = (int)(ch->off[c + i + 1] - ch->off[c + i]);
        if (len != p->len || ch->width[c + i] != p->width)
            return false;
        if (pt->fold && len == 1) {
            char a = *b >= 'A' && *b <= 'Z' ? (char)(*b + ('a' - 'A')) : *b;
            if (a != p->b[0])
                return false;
        } else if (memcmp(b, p->b, (size_t)len) != 0) {
            return false;
        }
    }
    return true;
}

/* The first match starting on row y (ch holds it) at a column in [first, cols): its
 * column and its length in cells (it may run over the rows after). */
static bool row_find(struct chain *ch, const struct pattern *pt, int64_t y, int first,
                     int *px, int *width)
{
    int cols = ch->cols, base = (int)(y - ch->first) * cols;
    if (first >= cols)
        return false;
    if (!pt->regex) {
        for (int x = first; x < cols; x++) {
            if (plain_at(ch, pt, base + x)) {
                *px = x;
                *width = pt->n;
                return true;
            }
        }
        return false;
    }
    size_t so, eo, from = ch->off[base + first];
    if (!find_regex(ch, pt, from, first != 0 ? REG_NOTBOL : 0, &so, &eo) || so == eo)
        return false; /* as tmux: an empty first match is no match on this row */
    int start = cell_at(ch, base + first, so);
    if (start >= base + cols)
        return false;
    *px = start - base;
    *width = cell_at(ch, start, eo) - start;
    return true;
}

/* The last match starting on row y before column 'last', as tmux finds it: its matches
 * one after the other from the row's start (regexec again where the last one ended; from
 * the third on with REG_NOTBOL, so ^ matches at most twice), stopping at an empty one;
 * one that starts before 'last' and ends at or after it (or on a later row) is taken. */
static bool row_find_back(struct chain *ch, const struct pattern *pt, int64_t y, int last,
                          int *px, int *width)
{
    int cols = ch->cols, base = (int)(y - ch->first) * cols;
    if (!pt->regex) {
        for (int x = last - 1; x >= 0; x--) {
            if (plain_at(ch, pt, base + x)) {
                *px = x;
                *width = pt->n;
                return true;
            }
        }
        return false;
    }
    size_t at = ch->off[base], so, eo;
    int from = base, tries = 0;
    bool saved = false;
    while (find_regex(ch, pt, at, tries++ >= 2 ? REG_NOTBOL : 0, &so, &eo) && so != eo) {
        int start = cell_at(ch, from, so);
        if (start >= base + cols || start - base >= last)
            break;
        int end = cell_at(ch, start, eo);
        *px = start - base;
        *width = end - start;
        if (end >= base + cols || end - base >= last)
            return true;
        saved = true;
        from = end;
        at = eo;
    }
    return saved;
}

/* Whether a match found at column x of row y lies inside one that starts on an earlier
 * row of the wrapped line (found as the matches are marked: each row's from its start,
 * one after the other). Searching down, tmux 3.3a does not stop at such a match: the
 * cursor would land inside a match the marks show as starting higher (nor inside one
 * that starts earlier on its row: covered_in_row). Searching up it
 * does, and the cursor goes on to that match's start (place_on_match), but for one at a
 * row's first column, which it passes over too. */
static bool covered(struct chain *ch, const struct pattern *pt, int64_t y, int x)
{
    int i = (int)(y - ch->first), cols = ch->cols;
    if (i == 0)
        return false;
    if (ch->reach == NULL)
        ch->reach = xreallocarray(NULL, (size_t)(ch->end - ch->first) + 1, sizeof *ch->reach);
    if (ch->nreach == 0) {
        ch->reach[0] = 0;
        ch->nreach = 1;
    }
    while (ch->nreach <= i) {
        int r = ch->nreach - 1, px = 0, width;
        int64_t far = ch->reach[r];
        while (row_find(ch, pt, ch->first + r, px, &px, &width)) {
            int64_t to = (int64_t)r * cols + px + width;
            if (to > far)
                far = to;
            px += width;
        }
        ch->reach[ch->nreach++] = far;
    }
    return ch->reach[i] > (int64_t)i * cols + x;
}

/* Whether a match found at column x of row y lies inside one that starts earlier on the
 * same row, the row's matches found one after the other from its start ("2" in "12"
 * for [0-9]+ searched from the "2"). */
static bool covered_in_row(struct chain *ch, const struct pattern *pt, int64_t y, int x)
{
    int px = 0, width;
    while (px < x && row_find(ch, pt, y, px, &px, &width) && px < x) {
        if (px + width > x)
            return true;
        px += width;
    }
    return false;
}

/* ---- Searching. ---------------------------------------------------------------------- */

/* One cell on, to the next row at a row's end; past the last cell, to the first when
 * wrapping (else nowhere). */
static void move_right(const struct grid *g, int *x, int64_t *y, bool wrap)
{
    if (*x < grid_cols(g) - 1) {
        (*x)++;
    } else if (*y < copy_last_line(g)) {
        *x = 0;
        (*y)++;
    } else if (wrap) {
        *x = 0;
        *y = copy_first_line(g);
    }
}

static void move_left(const struct grid *g, int *x, int64_t *y, bool wrap)
{
    if (*x > 0) {
        (*x)--;
    } else if (*y > copy_first_line(g)) {
        *x = grid_cols(g) - 1;
        (*y)--;
    } else if (wrap) {
        *x = grid_cols(g) - 1;
        *y = copy_last_line(g);
    }
}

/* The first match from (fx, fy) down to row 'end' (down), or the last one from there up
 * to row 'end'; then, when wrapping, from the other end of the history to fy. The row of
 * the first match passed over (covered) goes to *passed if it is still -1. */
static bool jump(const struct grid *g, const struct pattern *pt, int fx, int64_t fy, int64_t end,
                 bool wrap, bool down, int *px, int64_t *py, int *width, int64_t *passed)
{
    struct chain ch = {0};
    struct grid_line l = {0};
    bool found = false;
    int cols = grid_cols(g);
    for (int64_t y = fy; down ? y <= end : y >= end; y += down ? 1 : -1) {
        chain_load(&ch, g, y, &l);
        int from = fx + 1; /* down: the column searched from; up: before which */
        for (;;) {
            found = down ? row_find(&ch, pt, y, from - 1, px, width)
                         : row_find_back(&ch, pt, y, from, px, width);
            if (!found || (!down && *px > 0) ||
                (!covered(&ch, pt, y, *px) && !(down && covered_in_row(&ch, pt, y, *px))))
                break;
            if (*passed < 0)
                *passed = y;
            from = down ? *px + 2 : *px; /* on past it */
        }
        if (found) {
            *py = y;
            break;
        }
        fx = down ? 0 : cols - 1;
    }
    chain_free(&ch);
    copy_line_free(&l);
    if (!found && wrap)
        return jump(g, pt, down ? 0 : cols - 1, down ? copy_first_line(g) : copy_last_line(g),
                    fy, false, down, px, py, width, passed);
    return found;
}

/* The matches the history holds, as tmux counts them for its position indicator: each
 * row's from its start, one after the other. */
static int count_matches(const struct grid *g, const struct pattern *pt)
{
    struct chain ch = {0};
    struct grid_line l = {0};
    int n = 0;
    for (int64_t y = copy_first_line(g); y <= copy_last_line(g); y++) {
        chain_load(&ch, g, y, &l);
        int px = 0, width;
        while (row_find(&ch, pt, y, px, &px, &width)) {
            n++;
            px += width;
        }
    }
    chain_free(&ch);
    copy_line_free(&l);
    return n;
}

/* As tmux, a selection's dragged end goes where the match was found and stays there
 * (end_held) while the cursor goes to the start of the marked match it is in (one that
 * starts on an earlier row of a wrapped line may hold it), or with emacs keys searching
 * down (after) just past its end. Only a search that finds a match moves that end. */
static void place_on_match(const struct grid *g, struct copy_state *cs, bool after, int width)
{
    unsigned *marks = copy_search_view_marks(g, cs);
    int cols = grid_cols(g), rows = grid_rows(g);
    size_t total = (size_t)cols * (size_t)rows;
    size_t at = (size_t)(cs->cy - cs->top) * (size_t)cols + (size_t)cs->cx;
    bool wrap = !cs->no_wrap;
    int64_t found_y = cs->cy;
    int found_x = cs->cx;
    /* the dragged end to where the match was found, to stay there */
    copy_selection_follow(g, cs, false);
    cs->end_held = cs->selecting && cs->drag != COPY_DRAG_NONE;
    if (marks == NULL || at >= total || marks[at] == 0) {
        for (int i = 0; after && i < width; i++)
            move_right(g, &cs->cx, &cs->cy, wrap);
    } else {
        size_t start = at, end = at;
        while (start > 0 && marks[start - 1] == marks[at])
            start--;
        while (end + 1 < total && marks[end + 1] == marks[at])
            end++;
        size_t to = after ? end : start;
        cs->cy = cs->top + (int64_t)(to / (size_t)cols);
        cs->cx = (int)(to % (size_t)cols);
        if (after)
            move_right(g, &cs->cx, &cs->cy, wrap);
    }
    if (after && cs->cy >= cs->top + rows) {
        /* The match runs to the view's last cell: tmux 3.3a leaves its cursor below the
         * view (and its server dies reading #{copy_cursor_word} there). Here the cursor
         * goes past the match's real end and the view down to it. */
        cs->cy = found_y;
        cs->cx = found_x;
        for (int i = 0; i < width; i++)
            move_right(g, &cs->cx, &cs->cy, wrap);
        if (cs->cy >= cs->top + rows)
            cs->top = cs->cy - rows + 1;
    }
    free(marks);
    copy_clamp(g, cs);
}

static bool search_from(const struct grid *g, struct copy_state *cs, bool up)
{
    struct pattern pt;
    bool ok = pattern_make(&pt, cs->search, cs->search_regex);
    /* A search for other text than the last one (tmux: the pane's last) counts again. */
    bool regex = cs->search_regex && is_expression(cs->search);
    bool recount = cs->search_count < 0 || cs->searched == NULL ||
                   strcmp(cs->searched, cs->search) != 0 || cs->searched_regex != regex;
    if (cs->searched != cs->search) {
        free(cs->searched);
        cs->searched = xstrdup(cs->search);
    }
    cs->searched_regex = regex;
    bool wrap = !cs->no_wrap, found = false;
    int fx = cs->cx, px = 0, width = 0;
    int64_t fy = cs->cy, py = 0, passed = -1;
    if (ok) {
        if (up) {
            move_left(g, &fx, &fy, wrap);
        } else if (cs->vi) {
            /* vi keys leave the cursor on a match's start: from after the match under it
             * (tmux's marks), after the cursor when none are shown. */
            if (cs->marks != NULL)
                copy_search_after_match(g, cs, &fx, &fy);
            else
                move_right(g, &fx, &fy, wrap);
        }
        found = jump(g, &pt, fx, fy, up ? copy_first_line(g) : copy_last_line(g), wrap, !up,
                     &px, &py, &width, &passed);
        if (found && recount)
            cs->search_count = count_matches(g, &pt);
    }
    pattern_free(&pt);
    if (!found)
        return false;
    /* as tmux, which goes to a match it then passes over before it looks further */
    if (passed >= 0)
        copy_show_line(g, cs, passed);
    copy_show_line(g, cs, py);
    cs->cy = py;
    cs->cx = px;
    cs->end_held = false;
    if (cs->marks != cs->search) {
        free(cs->marks);
        cs->marks = xstrdup(cs->search);
    }
    cs->marks_regex = cs->search_regex;
    place_on_match(g, cs, !up && !cs->vi, width);
    return true;
}

bool copy_search(const struct grid *g, struct copy_state *cs, const char *text, bool up,
                 bool regex)
{
    if (cs->search != text) {
        free(cs->search);
        cs->search = xstrdup(text);
    }
    cs->search_up = up;
    cs->search_regex = regex;
    return search_from(g, cs, up);
}

bool copy_search_again(const struct grid *g, struct copy_state *cs, bool reverse)
{
    if (cs->search == NULL)
        return false;
    return search_from(g, cs, reverse ? !cs->search_up : cs->search_up);
}

void copy_search_refresh(struct copy_state *cs)
{
    if (cs->marks == NULL || cs->search == NULL ||
        (strcmp(cs->marks, cs->search) == 0 && cs->marks_regex == cs->search_regex))
        return;
    struct pattern pt;
    /* an expression that does not compile (no plain text cells then): the marks stay */
    bool invalid = !pattern_make(&pt, cs->search, cs->search_regex) && pt.cells == NULL;
    pattern_free(&pt);
    if (invalid)
        return;
    free(cs->marks);
    cs->marks = xstrdup(cs->search);
    cs->marks_regex = cs->search_regex;
}

void copy_search_hide(struct copy_state *cs)
{
    free(cs->marks);
    cs->marks = NULL;
}

/* ---- The matches shown. -------------------------------------------------------------- */

unsigned *copy_search_view_marks(const struct grid *g, const struct copy_state *cs)
{
    if (cs->marks == NULL)
        return NULL;
    int cols = grid_cols(g), rows = grid_rows(g);
    unsigned *marks = xcalloc((size_t)cols * (size_t)rows, sizeof *marks);
    struct pattern pt;
    if (pattern_make(&pt, cs->marks, cs->marks_regex)) {
        struct chain ch = {0};
        struct grid_line l = {0};
        int64_t last = copy_last_line(g);
        size_t total = (size_t)cols * (size_t)rows;
        unsigned gen = 1;
        /* Each row from its start: a match marks its cells (the ones an earlier match
         * has not), down into the rows after when it runs over; then on after it. */
        for (int r = 0; r < rows && cs->top + r <= last; r++) {
            int64_t y = cs->top + r;
            chain_load(&ch, g, y, &l);
            int px = 0, width;
            while (row_find(&ch, &pt, y, px, &px, &width)) {
                size_t b = (size_t)r * (size_t)cols + (size_t)px;
                for (size_t i = b; i < b + (size_t)width && i < total; i++) {
                    if (marks[i] == 0)
                        marks[i] = gen;
                }
                gen++;
                px += width;
            }
        }
        chain_free(&ch);
        copy_line_free(&l);
    }
    pattern_free(&pt);
    return marks;
}

void copy_search_after_match(const struct grid *g, const struct copy_state *cs, int *x,
                             int64_t *y)
{
    unsigned *marks = copy_search_view_marks(g, cs);
    if (marks == NULL)
        return;
    int cols = grid_cols(g), rows = grid_rows(g);
    bool wrap = !cs->no_wrap;
    unsigned gen = 0;
    while (*y >= cs->top && *y < cs->top + rows) {
        unsigned at = marks[(size_t)(*y - cs->top) * (size_t)cols + (size_t)*x];
        if (gen == 0)
            gen = at;
        if (gen == 0 || at != gen)
            break;
        if (!wrap && *x == cols - 1 && *y == copy_last_line(g))
            break;
        int64_t oy = *y;
        int ox = *x;
        move_right(g, x, y, wrap);
        if (*x == ox && *y == oy)
            break;
    }
    free(marks);
}

char *copy_search_match(const struct grid *g, const struct copy_state *cs)
{
    unsigned *marks = copy_search_view_marks(g, cs);
    if (marks == NULL)
        return xstrdup("");
    int cols = grid_cols(g);
    size_t total = (size_t)cols * (size_t)grid_rows(g);
    size_t at = (size_t)(cs->cy - cs->top) * (size_t)cols + (size_t)cs->cx;
    /* The match under the cursor, or (as tmux) the one just before it. */
    if (at < total && marks[at] == 0 && at > 0)
        at--;
    if (at >= total || marks[at] == 0) {
        free(marks);
        return xstrdup("");
    }
    size_t start = at, end = at;
    while (start > 0 && marks[start - 1] == marks[at])
        start--;
    while (end + 1 < total && marks[end + 1] == marks[at])
        end++;
    struct chain ch = {0};
    struct grid_line l = {0};
    size_t len = 0;
    char *text = xmalloc(1);
    for (size_t i = start; i <= end; i++) {
        int64_t y = cs->top + (int64_t)(i / (size_t)cols);
        chain_load(&ch, g, y, &l);
        int c = (int)(y - ch.first) * cols + (int)(i % (size_t)cols);
        size_t n = ch.off[c + 1] - ch.off[c];
        text = xrealloc(text, len + n + 1);
        memcpy(text + len, ch.buf + ch.off[c], n);
        len += n;
    }
    text[len] = '\0';
    chain_free(&ch);
    copy_line_free(&l);
    free(marks);
    return text;
}

unsigned copy_search_current(const struct grid *g, const struct copy_state *cs,
                             const unsigned *marks)
{
    int cols = grid_cols(g);
    size_t at = (size_t)(cs->cy - cs->top) * (size_t)cols + (size_t)cs->cx;
    /* emacs keys, after a search down, the cursor is just after the match: that one */
    if (!cs->vi && !cs->search_up && at > 0 && marks[at - 1] != 0)
        return marks[at - 1];
    return marks[at];
}
