/* test_vt_helpers.h - a vt with its replies captured and its other events (vt_ops.h)
 * counted, for the test_vt_*.c files. */
#ifndef TMX_TEST_VT_HELPERS_H
#define TMX_TEST_VT_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "grid.h"
#include "vt.h"

struct term {
    struct vt *vt;
    char reply[4096];
    size_t reply_len;
    int bells;        /* calls of vt_ops.bell, window_name, sync(true), sync(false) */
    int window_names;
    int sync_on, sync_off;
};

static inline void capture_reply(void *arg, const char *buf, size_t len)
{
    struct term *t = arg;
    if (t->reply_len + len < sizeof t->reply) {
        memcpy(t->reply + t->reply_len, buf, len);
        t->reply_len += len;
        t->reply[t->reply_len] = '\0';
    }
}

static inline void count_bell(void *arg)
{
    ((struct term *)arg)->bells++;
}

static inline void count_window_name(void *arg)
{
    ((struct term *)arg)->window_names++;
}

static inline void count_sync(void *arg, bool on)
{
    struct term *t = arg;
    if (on)
        t->sync_on++;
    else
        t->sync_off++;
}

/* Everything but OSC 52 (test_vt_xterm.c registers its own for that). */
static const struct vt_ops term_ops = {
    .reply = capture_reply,
    .bell = count_bell,
    .window_name = count_window_name,
    .sync = count_sync,
};

static inline struct term *term_new(int cols, int rows, int history)
{
    struct term *t = calloc(1, sizeof *t);
    t->vt = vt_create(cols, rows, history);
    vt_set_ops(t->vt, &term_ops, t);
    return t;
}

/* Bells, and ESC k names, since the last call (then 0), as an owner counts them. */
static inline int take_bells(struct term *t)
{
    int n = t->bells;
    t->bells = 0;
    return n;
}

static inline int take_window_names(struct term *t)
{
    int n = t->window_names;
    t->window_names = 0;
    return n;
}

static inline void term_free(struct term *t)
{
    vt_free(t->vt);
    free(t);
}

static inline void feed(struct term *t, const char *s)
{
    vt_feed(t->vt, s, strlen(s));
}

static inline void clear_reply(struct term *t)
{
    t->reply_len = 0;
    t->reply[0] = '\0';
}

static inline const char *row_text(struct term *t, int y)
{
    static char buf[4096];
    vt_line_text(t->vt, y, buf, sizeof buf);
    return buf;
}

#define ASSERT_ROW(t, y, s) assert_string_equal(row_text((t), (y)), (s))

#define ASSERT_CURSOR(t, x, y)                  \
    do {                                        \
        int cx_, cy_;                           \
        vt_cursor((t)->vt, &cx_, &cy_);         \
        assert_int_equal(cx_, (x));             \
        assert_int_equal(cy_, (y));             \
    } while (0)

#define CELL(t, x, y) vt_cell((t)->vt, (x), (y))

/* Cells got[0, n) must be want[0, n), every field; 'what' names them in the message. */
static inline void assert_cells_equal(const char *what, const struct grid_cell *want,
                                      const struct grid_cell *got, int n)
{
    for (int x = 0; x < n; x++) {
        const struct grid_cell *a = &want[x], *b = &got[x];
        if (memcmp(a, b, sizeof *a) != 0)
            fail_msg("%s: cell %d: want U+%04X comb %x fg %08x bg %08x attr %04x width %u ul %x "
                     "link %u, got U+%04X comb %x fg %08x bg %08x attr %04x width %u ul %x link %u",
                     what, x, a->ch, a->comb, a->fg, a->bg, a->attr, grid_cell_width(a), a->ul,
                     grid_cell_link(a), b->ch, b->comb, b->fg, b->bg, b->attr, grid_cell_width(b),
                     b->ul, grid_cell_link(b));
    }
}
#define ASSERT_REPLY(t, s) assert_string_equal((t)->reply, (s))
#define MODES(t) vt_modes((t)->vt)
#define HISTORY(t) grid_history_size(vt_main_grid((t)->vt))

#endif
