/* render_motion.c - cursor motion: the shortest way from where the terminal's cursor is
 * to where the next bytes go, among absolute addressing, home, one-step or
 * parametrised relative moves, carriage return, and rewriting the plain cells in
 * between. */
#include "render_motion.h"

#include <stdint.h>
#include <string.h>

#include "render_pen.h"

/* Unchanged cells are rewritten instead of skipped over if there are at most this many. */
#define REWRITE_MAX 8

struct seq {
    char buf[160];
    size_t len;
    bool ok;
};

static void seq_add(struct seq *s, const char *str, size_t n)
{
    if (!s->ok || s->len + n >= sizeof s->buf) {
        s->ok = false;
        return;
    }
    memcpy(s->buf + s->len, str, n);
    s->len += n;
}

/* Move n (> 0) in one direction: one-step cap repeated or parametrised cap, shorter. */
static void seq_step(const struct render_state *rs, struct seq *s, enum render_cap one,
                     enum render_cap many, int n)
{
    const char *c1 = cap(rs, one), *cn = cap(rs, many);
    if (c1 != NULL && one == RENDER_CAP_CUD1 && strcmp(c1, "\n") == 0)
        c1 = NULL; /* a line feed may become CR LF if the tty post-processes output */
    char tmp[64];
    size_t nlen = cn != NULL ? render_tparm(tmp, sizeof tmp, cn, n, 0) : 0;
    size_t len1 = c1 != NULL ? strlen(c1) * (size_t)n : SIZE_MAX;
    if (cn == NULL && c1 == NULL) {
        s->ok = false;
        return;
    }
    if (c1 != NULL && (cn == NULL || len1 <= nlen)) {
        for (int i = 0; i < n; i++)
            seq_add(s, c1, strlen(c1));
    } else {
        seq_add(s, tmp, nlen);
    }
}

/* Rewriting the cells between the cursor and x on row y is an alternative to moving
 * over them when they are plain ASCII in the current pen. */
static bool seq_rewrite(const struct render_state *rs, struct seq *s, int y, int from,
                        int to)
{
    if (!rs->pen_known || to - from > REWRITE_MAX)
        return false;
    const struct grid_cell *row = &rs->front[(size_t)y * (size_t)rs->cols];
    for (int x = from; x < to; x++) {
        const struct grid_cell *c = &row[x];
        uint32_t ch = c->ch == 0 ? ' ' : c->ch;
        if (grid_cell_width(c) != 1 || ch >= 0x7f || ch < 0x20 || c->comb != 0)
            return false;
        struct render_pen p;
        render_cell_pen(rs, c, &p);
        if (p.attr != rs->pen.attr || p.fg != rs->pen.fg || p.bg != rs->pen.bg ||
            grid_cell_link(c) != rs->link)
            return false;
        char b = (char)ch;
        seq_add(s, &b, 1);
    }
    return s->ok;
}

static void seq_horizontal(const struct render_state *rs, struct seq *s, int y, int from,
                           int to)
{
    if (to > from) {
        struct seq r = { .len = 0, .ok = true };
        struct seq m = { .len = 0, .ok = true };
        seq_step(rs, &m, RENDER_CAP_CUF1, RENDER_CAP_CUF, to - from);
        if (seq_rewrite(rs, &r, y, from, to) && (!m.ok || r.len <= m.len))
            seq_add(s, r.buf, r.len);
        else if (m.ok)
            seq_add(s, m.buf, m.len);
        else
            s->ok = false;
    } else if (to < from) {
        seq_step(rs, s, RENDER_CAP_CUB1, RENDER_CAP_CUB, from - to);
    }
}

static void seq_vertical(const struct render_state *rs, struct seq *s, int from, int to)
{
    if (to > from)
        seq_step(rs, s, RENDER_CAP_CUD1, RENDER_CAP_CUD, to - from);
    else if (to < from)
        seq_step(rs, s, RENDER_CAP_CUU1, RENDER_CAP_CUU, from - to);
}

/* Put the terminal's cursor at (x, y) by the shortest of: absolute addressing, home,
 * relative moves from where it is, or carriage return plus relative moves. */
void render_move_to(struct render_state *rs, int x, int y)
{
    if (rs->tx == x && rs->ty == y)
        return;

    struct seq best = { .len = 0, .ok = true };
    char tmp[64];
    size_t n = render_tparm(tmp, sizeof tmp, cap(rs, RENDER_CAP_CUP), y, x);
    seq_add(&best, tmp, n);

    const char *home = cap(rs, RENDER_CAP_HOME);
    if (x == 0 && y == 0 && home != NULL && strlen(home) < best.len) {
        best.len = 0;
        seq_add(&best, home, strlen(home));
    }
    if (rs->ty >= 0 && rs->tx >= 0) {
        struct seq s = { .len = 0, .ok = true };
        seq_vertical(rs, &s, rs->ty, y);
        seq_horizontal(rs, &s, y, rs->tx, x);
        if (s.ok && s.len < best.len)
            best = s;
    }
    const char *cr = cap(rs, RENDER_CAP_CR);
    if (rs->ty >= 0 && cr != NULL) {
        struct seq s = { .len = 0, .ok = true };
        seq_add(&s, cr, strlen(cr));
        seq_vertical(rs, &s, rs->ty, y);
        seq_horizontal(rs, &s, y, 0, x);
        if (s.ok && s.len < best.len)
            best = s;
    }
    out_bytes(rs, best.buf, best.len);
    rs->tx = x;
    rs->ty = y;
}
