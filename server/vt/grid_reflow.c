/* grid_reflow.c - rewrapping a grid's text to a new width: lines continued by autowrap
 * ('wrapped') are joined into logical lines, history included, and cut again; a wide
 * character is never split, and positions (the cursor, the saved cursor) follow their
 * characters. grid.c calls it with its rows and history; it works on them alone. */
#include "grid_reflow.h"

#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "xmalloc.h"

/* The cells of one logical line (physical lines joined where 'wrapped' is set). */
struct reflow_text {
    struct grid_cell *cells;
    int len, cap;
};

static void reflow_append(struct reflow_text *t, const struct grid_cell *c, int n)
{
    if (n <= 0)
        return;
    if (t->len + n > t->cap) {
        int cap = t->cap ? t->cap : 256;
        while (cap < t->len + n)
            cap *= 2;
        t->cells = xreallocarray(t->cells, (size_t)cap, sizeof *t->cells);
        t->cap = cap;
    }
    memcpy(t->cells + t->len, c, (size_t)n * sizeof *c);
    t->len += n;
}

/* Output lines of a reflow, grown as needed. */
struct reflow_out {
    struct grid_line *lines;
    int n, cap;
};

static struct grid_line *reflow_new_line(struct reflow_out *o)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 256;
        o->lines = xreallocarray(o->lines, (size_t)o->cap, sizeof *o->lines);
    }
    struct grid_line *l = &o->lines[o->n++];
    memset(l, 0, sizeof *l);
    return l;
}

/* Where the next line cut from t at 'start' ends: cols cells, one fewer when that
 * would split a wide character. A wide character on a one-column screen cannot be
 * shown and is blanked. */
static int reflow_cut_end(struct reflow_text *t, int start, int cols)
{
    int end = start + cols < t->len ? start + cols : t->len;
    if (end < t->len && end > start && grid_cell_width(&t->cells[end]) == 0)
        end--; /* the wide character at end-1 moves to the next line */
    if (end == start && start < t->len) {
        t->cells[start] = grid_blank_cell;
        if (start + 1 < t->len)
            t->cells[start + 1] = grid_blank_cell;
        end = start + 1;
    }
    return end;
}

/* Cut one logical line into lines of 'cols' cells (a wide character never split),
 * and place the positions that fall in it; its marks go on its first line. */
static void reflow_cut(struct reflow_out *o, struct reflow_text *t, int cols,
                       struct grid_pos *pos, const int *pos_off, int npos, uint8_t mark)
{
    int pos_start = 0;
    int start = 0;
    do {
        int end = reflow_cut_end(t, start, cols);
        struct grid_line *l = reflow_new_line(o);
        if (end > start) {
            l->cells = xreallocarray(NULL, (size_t)(end - start), sizeof *l->cells);
            memcpy(l->cells, t->cells + start, (size_t)(end - start) * sizeof *l->cells);
            l->used = l->size = end - start;
        }
        l->wrapped = end < t->len;
        l->mark = start == 0 ? mark : 0;
        for (int i = 0; i < npos; i++) {
            if (pos_off[i] >= start && pos_off[i] < end) {
                pos[i].y = o->n - 1;
                pos[i].x = pos_off[i] - start;
                pos[i].pending = false;
            }
        }
        pos_start = start;
        start = end;
    } while (start < t->len);
    /* Positions at or past the end of the text: on its last line. */
    for (int i = 0; i < npos; i++) {
        if (pos_off[i] >= t->len) {
            int x = pos_off[i] - pos_start;
            pos[i].y = o->n - 1;
            pos[i].pending = x >= cols && pos[i].pending;
            pos[i].x = x >= cols ? cols - 1 : x;
        }
    }
}

/* The history lines a logical line was made of: where each starts in its text, and
 * its sequence number, which the lines cut from it keep (they are as old). */
struct reflow_segs {
    struct { int off; uint64_t seq; } *v;
    int n, cap;
};

static void reflow_add_seg(struct reflow_segs *s, int off, uint64_t seq)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = xreallocarray(s->v, (size_t)s->cap, sizeof *s->v);
    }
    s->v[s->n].off = off;
    s->v[s->n++].seq = seq;
}

/* Cut a logical line lying wholly in history straight into history h. Returns the
 * number of lines cut. */
static int reflow_cut_history(struct history *h, struct reflow_text *t, int cols,
                              const struct reflow_segs *segs, uint8_t mark)
{
    int n = 0, seg = 0, start = 0;
    do {
        int end = reflow_cut_end(t, start, cols);
        while (seg + 1 < segs->n && segs->v[seg + 1].off <= start)
            seg++;
        struct grid_line l = {
            .cells = t->cells != NULL ? t->cells + start : NULL, /* an empty line has none */
            .used = end - start, .size = end - start,
            .wrapped = end < t->len,
            .mark = start == 0 ? mark : 0,
        };
        history_push_seq(h, &l, segs->v[seg].seq);
        n++;
        start = end;
    } while (start < t->len);
    return n;
}

/* The history is rebuilt as it is read: each old line is taken out (oldest first)
 * before the lines cut from it are added to a new history, so memory does not double.
 * Logical lines reaching the screen are cut into cell lines, placed after. */
void grid_reflow_lines(struct history *h, struct grid_line *visible, int rows, int cols,
                       struct grid_pos *user_pos, int npos)
{
    /* pos[0]: the top-left cell of the screen; then the caller's positions. */
    struct grid_pos pos[5];
    npos = npos > 4 ? 4 : (npos < 0 ? 0 : npos);
    pos[0] = (struct grid_pos){ 0, 0, false };
    memcpy(pos + 1, user_pos, (size_t)npos * sizeof *pos);
    npos++;

    int hist_n = history_size(h);
    int total = hist_n + rows;
    int limit = history_line_limit(h);
    /* Room for the lines that may come back to the screen; the real limits apply
     * when it replaces the old one. */
    struct history *nh = history_create();
    history_set_line_limit(nh, limit > 0 ? limit + rows : 0);
    history_set_links(nh, history_links(h));

    int pos_line[5];
    for (int i = 0; i < npos; i++)
        pos_line[i] = hist_n + pos[i].y;

    struct reflow_out out = { 0 };
    struct reflow_text text = { 0 };
    struct reflow_segs segs = { 0 };
    struct grid_line in = { 0 };
    int cut = 0; /* lines cut into nh, including any its limit dropped */
    for (int i = 0; i < total;) {
        text.len = 0;
        segs.n = 0;
        int lpos[5], here[5];
        int nhere = 0;
        uint8_t mark = 0; /* the marks of the logical line's first line */
        bool first = true;
        for (;;) {
            struct grid_line *l;
            if (i < hist_n) {
                uint64_t seq = 0;
                history_pop_oldest(h, &in, &seq);
                reflow_add_seg(&segs, text.len, seq);
                l = &in;
            } else {
                l = &visible[i - hist_n];
            }
            if (first)
                mark = l->mark;
            first = false;
            for (int k = 0; k < npos; k++) {
                if (pos_line[k] == i) {
                    here[nhere] = k;
                    lpos[nhere++] = text.len + pos[k].x + (pos[k].pending ? 1 : 0);
                }
            }
            reflow_append(&text, l->cells, l->used);
            bool more = l->wrapped && i + 1 < total;
            if (i >= hist_n)
                grid_line_release(l);
            i++;
            if (!more)
                break;
        }
        if (i <= hist_n) {
            cut += reflow_cut_history(nh, &text, cols, &segs, mark);
            continue;
        }
        struct grid_pos p[5];
        for (int k = 0; k < nhere; k++)
            p[k] = pos[here[k]];
        reflow_cut(&out, &text, cols, p, lpos, nhere, mark);
        for (int k = 0; k < nhere; k++)
            pos[here[k]] = p[k];
    }
    free(text.cells);
    free(segs.v);
    grid_line_release(&in);
    /* Every position is on the screen, so in 'out': number them after the history. */
    for (int i = 0; i < npos; i++)
        pos[i].y += cut;

    /* The screen shows the last rows lines of the rewrapped whole, as tmux: lines that
     * grow above push the top ones into history, lines that shrink bring history back
     * (blank lines at the bottom count as lines). The cursor stays on the screen. */
    int top = cut + out.n - rows;
    if (npos > 1) {
        int cursor_new = pos[1].y;
        if (cursor_new < top)
            top = cursor_new;
        if (cursor_new - (rows - 1) > top)
            top = cursor_new - (rows - 1);
    }
    if (top < 0)
        top = 0;
    /* Lines of 'out' above the top go to history, with new sequence numbers. */
    int first = top > cut ? top - cut : 0;
    for (int i = 0; i < first && i < out.n; i++) {
        history_push_seq(nh, &out.lines[i], history_next_seq(h));
        grid_line_release(&out.lines[i]);
    }
    /* History lines below the top come back (newest last on the screen). */
    int back = cut > top ? cut - top : 0;
    if (back > rows)
        back = rows;
    for (int y = back - 1; y >= 0; y--) {
        memset(&visible[y], 0, sizeof visible[y]);
        history_pop_newest(nh, &visible[y]);
        grid_line_truncate(&visible[y], cols);
    }
    for (int y = back; y < rows; y++) {
        int i = first + y - back;
        if (i < out.n)
            visible[y] = out.lines[i];
        else
            memset(&visible[y], 0, sizeof visible[y]);
    }
    for (int i = first + rows - back; i < out.n; i++)
        grid_line_release(&out.lines[i]);
    free(out.lines);
    history_adopt(h, nh);
    for (int i = 1; i < npos; i++) {
        user_pos[i - 1] = pos[i];
        user_pos[i - 1].y -= top;
    }
}
