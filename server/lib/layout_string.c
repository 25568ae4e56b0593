/* layout_string.c - layout strings as tmux prints and accepts them (window_layout,
 * select-layout): "csum,WxH,X,Y,ID" for a pane, "{...}" for cells side by side,
 * "[...]" for stacked cells, csum a 16-bit rotating checksum of the rest. Parsing is
 * for untrusted text: bounded depth and count, every size checked. */
#include "layout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define LAYOUT_MAX_DEPTH 32
#define LAYOUT_MAX_CELLS 1024
#define LAYOUT_MAX_SIZE 10000

/* Appends to a bounded buffer, counting what did not fit. */
struct out {
    char *buf;
    size_t size, len;
};

static void out_add(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_add(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->size ? o->size - o->len : 0;
    int n = vsnprintf(room > 0 ? o->buf + o->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n;
}

static void dump_cell(const struct layout_cell *lc, layout_pane_id_fn pane_id, struct out *o)
{
    out_add(o, "%dx%d,%d,%d", lc->sx, lc->sy, lc->xoff, lc->yoff);
    if (lc->type == LAYOUT_PANE) {
        out_add(o, ",%u", lc->pane != NULL ? pane_id(lc->pane) : 0);
        return;
    }
    out_add(o, "%c", lc->type == LAYOUT_LEFTRIGHT ? '{' : '[');
    const struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        dump_cell(child, pane_id, o);
        if (TAILQ_NEXT(child, entry) != NULL)
            out_add(o, ",");
    }
    out_add(o, "%c", lc->type == LAYOUT_LEFTRIGHT ? '}' : ']');
}

static unsigned checksum(const char *s)
{
    unsigned csum = 0;
    for (; *s != '\0'; s++) {
        csum = (csum >> 1) + ((csum & 1) << 15);
        csum = (csum + (unsigned char)*s) & 0xffff;
    }
    return csum;
}

size_t layout_dump(const struct layout_cell *root, layout_pane_id_fn pane_id, char *buf,
                   size_t size)
{
    struct out body = {.buf = NULL, .size = 0, .len = 0};
    dump_cell(root, pane_id, &body); /* measure */
    body.buf = xmalloc(body.len + 1);
    body.size = body.len + 1;
    body.len = 0;
    dump_cell(root, pane_id, &body);
    int n = snprintf(buf, size, "%04x,%s", checksum(body.buf), body.buf);
    free(body.buf);
    return n > 0 ? (size_t)n : 0;
}

struct parser {
    const char *p;
    int cells;
    char *err;
    size_t errsize;
};

static bool parse_number(struct parser *ps, int *out)
{
    if (*ps->p < '0' || *ps->p > '9') {
        snprintf(ps->err, ps->errsize, "expected a number at \"%.20s\"", ps->p);
        return false;
    }
    long v = 0;
    while (*ps->p >= '0' && *ps->p <= '9') {
        v = v * 10 + (*ps->p++ - '0');
        if (v > 1000000000L) {
            snprintf(ps->err, ps->errsize, "number too large");
            return false;
        }
    }
    *out = (int)v;
    return true;
}

static bool expect(struct parser *ps, char c)
{
    if (*ps->p != c) {
        snprintf(ps->err, ps->errsize, "expected '%c' at \"%.20s\"", c, ps->p);
        return false;
    }
    ps->p++;
    return true;
}

static struct layout_cell *parse_cell(struct parser *ps, int depth)
{
    if (depth > LAYOUT_MAX_DEPTH || ++ps->cells > LAYOUT_MAX_CELLS) {
        snprintf(ps->err, ps->errsize, "layout nested too deep or too many panes");
        return NULL;
    }
    int sx, sy, x, y;
    if (!parse_number(ps, &sx) || !expect(ps, 'x') || !parse_number(ps, &sy) ||
        !expect(ps, ',') || !parse_number(ps, &x) || !expect(ps, ',') || !parse_number(ps, &y))
        return NULL;
    if (sx < 1 || sy < 1 || sx > LAYOUT_MAX_SIZE || sy > LAYOUT_MAX_SIZE) {
        snprintf(ps->err, ps->errsize, "bad cell size %dx%d", sx, sy);
        return NULL;
    }
    struct layout_cell *lc = layout_create(sx, sy, NULL);
    lc->xoff = x;
    lc->yoff = y;
    if (*ps->p == ',') {
        ps->p++;
        int id;
        if (!parse_number(ps, &id)) {
            layout_free(lc);
            return NULL;
        }
        return lc;
    }
    char close;
    if (*ps->p == '{') {
        lc->type = LAYOUT_LEFTRIGHT;
        close = '}';
    } else if (*ps->p == '[') {
        lc->type = LAYOUT_TOPBOTTOM;
        close = ']';
    } else {
        snprintf(ps->err, ps->errsize, "expected ',', '{' or '[' at \"%.20s\"", ps->p);
        layout_free(lc);
        return NULL;
    }
    ps->p++;
    for (;;) {
        struct layout_cell *child = parse_cell(ps, depth + 1);
        if (child == NULL) {
            layout_free(lc);
            return NULL;
        }
        child->parent = lc;
        TAILQ_INSERT_TAIL(&lc->children, child, entry);
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        if (!expect(ps, close)) {
            layout_free(lc);
            return NULL;
        }
        return lc;
    }
}

/* Sizes add up: children fill their parent exactly, with one-cell borders. */
static bool check_cell(const struct layout_cell *lc, char *err, size_t errsize)
{
    if (lc->type == LAYOUT_PANE)
        return true;
    int n = 0, total = 0;
    const struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        n++;
        bool across = lc->type == LAYOUT_LEFTRIGHT;
        if ((across ? child->sy : child->sx) != (across ? lc->sy : lc->sx)) {
            snprintf(err, errsize, "cell %dx%d does not fit its parent %dx%d", child->sx,
                     child->sy, lc->sx, lc->sy);
            return false;
        }
        total += across ? child->sx : child->sy;
        if (!check_cell(child, err, errsize))
            return false;
    }
    int want = lc->type == LAYOUT_LEFTRIGHT ? lc->sx : lc->sy;
    if (n < 2 || total + n - 1 != want) {
        snprintf(err, errsize, "cells of %dx%d do not add up to its size", lc->sx, lc->sy);
        return false;
    }
    return true;
}

struct layout_cell *layout_parse(const char *text, char *err, size_t errsize)
{
    unsigned csum;
    int used = 0;
    if (sscanf(text, "%4x,%n", &csum, &used) != 1 || used != 5) {
        snprintf(err, errsize, "invalid layout \"%.40s\" (list-windows -F '#{window_layout}' "
                 "prints one)", text);
        return NULL;
    }
    if (checksum(text + 5) != csum) {
        snprintf(err, errsize, "layout checksum mismatch (%04x expected, the layout "
                 "was changed by hand?)", checksum(text + 5));
        return NULL;
    }
    char why[128] = "";
    struct parser ps = {.p = text + 5, .err = why, .errsize = sizeof why};
    struct layout_cell *root = parse_cell(&ps, 0);
    if (root != NULL && *ps.p != '\0') {
        snprintf(why, sizeof why, "unexpected \"%.20s\" at the end", ps.p);
        layout_free(root);
        root = NULL;
    }
    if (root != NULL && !check_cell(root, why, sizeof why)) {
        layout_free(root);
        root = NULL;
    }
    if (root == NULL) {
        snprintf(err, errsize, "invalid layout: %s", why);
        return NULL;
    }
    layout_fix_offsets(root, 0, 0);
    return root;
}
