/* test_server_frame_damage.c - a frame costs what changed: after a first full frame, a
 * client whose window only had pane output composes only the rows whose lines changed
 * (the canvas says which: dirty rows) and the renderer looks at those alone. Checked on
 * a window of two panes side by side with a border and a status line: one echoed
 * character is one dirty row and a few bytes; and for a long script of output of every
 * kind (text, scrolling, erasing, insert/delete, scroll regions, the alternate screen,
 * DECSCNM, wide characters), the canvas composed from changes alone is cell for cell the
 * one a full compose makes, and a model terminal fed the frames shows it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "client_state.h"
#include "compose.h"
#include "layout.h"
#include "options.h"
#include "proto.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

#include "test_render_helpers.h"
#include "test_server_helpers.h"

#define COLS 40
#define ROWS 12

struct fixture {
    struct server srv;
    struct session *s;
    struct window *w;
    struct pane *left, *right;
    struct client c;    /* with a renderer: frames from changes */
    struct client full; /* without: every frame composed whole */
    struct vt *model;   /* the terminal of c */
};

static struct pane *new_pane(struct fixture *f)
{
    struct pane *p = xcalloc(1, sizeof *p);
    p->server = &f->srv;
    p->window = f->w;
    p->id = f->srv.next_pane_id++;
    p->fd = -1;
    p->vt = vt_create(COLS, ROWS - 1, 100);
    return p;
}

static void client_init(struct fixture *f, struct client *c)
{
    c->server = &f->srv;
    c->session = f->s;
    c->cols = COLS;
    c->rows = ROWS;
    c->flags = IDENT_UTF8;
    c->status_row = -1;
}

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    test_server_init(&f->srv);
    f->s = session_create(&f->srv, "work", "/", NULL, 0, COLS, ROWS - 1);
    f->w = window_create(f->s, "w");
    session_link_window(f->s, f->w, 0);
    f->left = new_pane(f);
    window_add_first_pane(f->w, f->left);
    f->right = new_pane(f);
    struct layout_cell *leaf = layout_split(f->left->cell, LAYOUT_LEFTRIGHT, -1, false, NULL);
    assert_non_null(leaf);
    f->w->layout = layout_root(leaf);
    window_insert_pane(f->w, f->right, leaf, f->left, false);
    client_init(f, &f->c);
    client_init(f, &f->full);
    f->c.render = render_create(term_caps("xterm-256color"), true);
    f->model = vt_create(COLS, ROWS, 0);
    *state = f;
    return 0;
}

static void client_free(struct client *c)
{
    compose_forget(c);
    canvas_free(&c->canvas);
    free(c->status_cache);
    free(c->status_cache_title);
    free(c->status_ranges);
    if (c->render != NULL)
        render_free(c->render);
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    session_free(f->s);
    client_free(&f->c);
    client_free(&f->full);
    vt_free(f->model);
    test_server_free_options(&f->srv);
    free(f);
    return 0;
}

static int dirty_rows(const struct canvas *cv)
{
    if (cv->all_dirty)
        return cv->rows;
    int n = 0;
    for (int y = 0; y < cv->rows; y++)
        n += cv->dirty[y] != 0;
    return n;
}

/* A frame for c, fed to its model terminal; returns the bytes written. */
static size_t draw(struct fixture *f)
{
    compose_client(&f->c);
    frame(f->c.render, &f->c.canvas);
    vt_feed(f->model, out_buf, out_len);
    return out_len;
}

/* The canvas composed from changes is the full one, and the model terminal shows it. */
static void assert_same_as_full(struct fixture *f, const char *step)
{
    compose_client(&f->full);
    const struct canvas *a = &f->c.canvas, *b = &f->full.canvas;
    for (int y = 0; y < ROWS; y++) {
        for (int x = 0; x < COLS; x++) {
            const struct grid_cell *ca = &a->cells[y * COLS + x], *cb = &b->cells[y * COLS + x];
            if (memcmp(ca, cb, sizeof *ca) != 0)
                fail_msg("after %s: cell %d,%d is %u, a full frame has %u", step, x, y, ca->ch,
                         cb->ch);
            const struct grid_cell *m = vt_cell(f->model, x, y);
            uint32_t want = cb->ch == ' ' ? 0 : cb->ch, got = m->ch == ' ' ? 0 : m->ch;
            if (grid_cell_width(cb) != 0 && got != want)
                fail_msg("after %s: the terminal shows %u at %d,%d, not %u", step, got, x, y,
                         want);
        }
    }
    assert_int_equal(a->cx, b->cx);
    assert_int_equal(a->cy, b->cy);
    assert_int_equal(a->cursor_visible, b->cursor_visible);
}

static void test_one_cell_is_one_row(void **state)
{
    struct fixture *f = *state;
    window_set_active(f->w, f->right); /* the cursor is there */
    vt_feed(f->left->vt, "left", 4);
    vt_feed(f->right->vt, "right", 5);
    draw(f);
    assert_int_equal(dirty_rows(&f->c.canvas), ROWS); /* the first frame: everything */
    f->c.needs_redraw = false;

    vt_feed(f->right->vt, "x", 1);
    size_t n = draw(f);
    assert_false(f->c.canvas.all_dirty);
    assert_int_equal(dirty_rows(&f->c.canvas), 1);
    assert_true(f->c.canvas.dirty[f->right->yoff]);
    /* The character alone (the cursor is already there), in at most a pen reset. */
    if (n < 1 || n > 4)
        fail_msg("%zu bytes: %s", n, out_buf);
    assert_int_equal(out_buf[n - 1], 'x');
    assert_same_as_full(f, "one character");

    /* Nothing changed: nothing composed, nothing sent. */
    assert_int_equal(draw(f), 0);
    assert_int_equal(dirty_rows(&f->c.canvas), 0);

    /* A status redraw asked: the whole canvas again (nothing differs, nothing sent). */
    f->c.needs_redraw = true;
    assert_int_equal(draw(f), 0);
    assert_true(f->c.canvas.all_dirty);
    f->c.needs_redraw = false;

    /* The active pane changes: its borders change colour, a full frame. */
    window_set_active(f->w, f->left);
    draw(f);
    assert_true(f->c.canvas.all_dirty);
    assert_same_as_full(f, "select-pane");
}

/* Output of every kind into both panes, a frame after each: the canvas made from changes
 * equals a full compose every time. */
static void test_changes_equal_full_frames(void **state)
{
    struct fixture *f = *state;
    /* Which pane, what it writes, and whether the frame after it must be full (the
     * pane's screen or its look changed as a whole). */
    static const struct {
        bool left;
        const char *text;
        bool full;
    } script[] = {
        {true, "hello\r\nworld", false},
        {false, "\033[31mred\033[m \033[7mrev\033[m", false},
        {true, "\r\n1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7\r\n8\r\n9\r\n10\r\n11\r\n12", false},
        {true, "\033[3;1H\033[2K", false},                       /* erase a line */
        {false, "\033[2;3H\033[2@ab\033[3P", false},            /* insert, delete chars */
        {true, "\033[2;6r\033[6;1H\nscrolled\033[r", false},   /* a scroll region */
        {false, "\033[4;1H\033[2L\033[1M", false},              /* insert, delete lines */
        {true, "\033[11S", false},                                /* a whole page up */
        {true, "\033[5;1Hfive\033[5;5r\033[5;1H\n\033[r", false}, /* a one-line region */
        {true, "\xe4\xb8\xad\xe6\x96\x87 wide", false},        /* wide characters */
        {false, "\033[?1049h\033[Halt screen", true},            /* the alternate screen */
        {false, "more", false},
        {false, "\033[?1049l", true},
        {true, "\033[?5h", true},                                 /* DECSCNM */
        {true, "reversed", false},
        {true, "\033[?5l", true},
        {false, "\033]4;1;rgb:12/34/56\033\\", true},           /* the palette (OSC 4) */
        {false, "\033[31mpalette\033[m", false},
        {false, "\033]11;rgb:00/00/40\033\\", true},            /* the background (OSC 11) */
        {false, "\033[H\033[2J", false},                         /* clear */
        {false, "\033[?25l", false},                              /* cursor hidden */
        {true, "\033[10;10Hend", false},
        {false, "\033[?25h", false},
    };
    vt_feed(f->left->vt, "start", 5);
    draw(f);
    f->c.needs_redraw = false;
    for (size_t i = 0; i < sizeof script / sizeof *script; i++) {
        struct pane *p = script[i].left ? f->left : f->right;
        vt_feed(p->vt, script[i].text, strlen(script[i].text));
        draw(f);
        char step[64];
        snprintf(step, sizeof step, "step %zu", i);
        if (script[i].full != f->c.canvas.all_dirty)
            fail_msg("%s: a %s frame", step, f->c.canvas.all_dirty ? "full" : "partial");
        assert_same_as_full(f, step);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_one_cell_is_one_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changes_equal_full_frames, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
