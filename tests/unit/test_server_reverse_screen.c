/* test_server_reverse_screen.c - DECSCNM (mode 5) is shown: a window of two panes side
 * by side with a border and a status line is composed for a client; the pane that set
 * reverse screen must look as xterm shows it (default colours exchanged, reverse-video
 * cells normal), on the composed canvas and on a model terminal (tmx's own vt) fed the
 * bytes the renderer writes; the other pane, the border and the status line must not
 * change. Copy mode over the pane shows it reversed too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "compose.h"
#include "copy_mode.h"
#include "layout.h"
#include "options.h"
#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

#include "test_render_helpers.h"
#include "test_server_helpers.h"

#define COLS 30
#define ROWS 6

/* The outer terminal's own default colours, as seen by the user (not COLOUR_*). */
#define TERM_FG 0xfe000001u
#define TERM_BG 0xfe000002u

struct fixture {
    struct server srv;
    struct session *s;
    struct window *w;
    struct pane *left, *right;
    struct client c;
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
    assert_true(f->left->cols < COLS / 2 + 1 && f->right->xoff > f->left->cols);
    f->c.server = &f->srv;
    f->c.session = f->s;
    f->c.cols = COLS;
    f->c.rows = ROWS;
    f->c.flags = IDENT_UTF8;
    f->c.status_row = -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    session_free(f->s);
    canvas_free(&f->c.canvas);
    free(f->c.status_cache);
    free(f->c.status_cache_title);
    free(f->c.status_ranges);
    test_server_free_options(&f->srv);
    free(f);
    return 0;
}

static void pane_feed(struct pane *p, const char *s)
{
    vt_feed(p->vt, s, strlen(s));
}

/* The colours a cell shows on a terminal in normal video: text, then background. */
static void shown(const struct grid_cell *c, uint32_t *text, uint32_t *back)
{
    uint32_t fg = c->fg == COLOUR_DEFAULT ? TERM_FG : c->fg;
    uint32_t bg = c->bg == COLOUR_DEFAULT ? TERM_BG : c->bg;
    bool rev = (c->attr & ATTR_REVERSE) != 0;
    *text = rev ? bg : fg;
    *back = rev ? fg : bg;
}

/* What xterm shows for a cell of a screen in DECSCNM: its default colours exchanged
 * (text in the default background colour, on the default foreground colour), then the
 * cell's own reverse attribute applied. */
static void shown_reversed_by_xterm(const struct grid_cell *c, uint32_t *text,
                                    uint32_t *back)
{
    uint32_t fg = c->fg == COLOUR_DEFAULT ? TERM_BG : c->fg;
    uint32_t bg = c->bg == COLOUR_DEFAULT ? TERM_FG : c->bg;
    bool rev = (c->attr & ATTR_REVERSE) != 0;
    *text = rev ? bg : fg;
    *back = rev ? fg : bg;
}

static uint16_t other_attrs(const struct grid_cell *c)
{
    return c->attr & (uint16_t)~ATTR_REVERSE;
}

/* Every cell of pane p on canvas cv looks as xterm shows p's screen, reversed when
 * 'reversed'. */
static void assert_pane_shown(const struct canvas *cv, struct pane *p, bool reversed)
{
    const struct grid *g = vt_grid(p->vt);
    for (int y = 0; y < p->rows; y++) {
        for (int x = 0; x < p->cols; x++) {
            const struct grid_cell *want = grid_get(g, x, y);
            const struct grid_cell *got = &cv->cells[(p->yoff + y) * cv->cols + p->xoff + x];
            uint32_t wt, wb, gt, gb;
            if (reversed)
                shown_reversed_by_xterm(want, &wt, &wb);
            else
                shown(want, &wt, &wb);
            shown(got, &gt, &gb);
            if (got->ch != want->ch || wt != gt || wb != gb ||
                other_attrs(got) != other_attrs(want))
                fail_msg("pane %u cell %d,%d: ch %u/%u text %x/%x back %x/%x", p->id, x, y,
                         got->ch, want->ch, gt, wt, gb, wb);
        }
    }
}

static struct canvas copy_canvas(const struct canvas *cv)
{
    struct canvas c;
    canvas_init(&c, cv->cols, cv->rows);
    memcpy(c.cells, cv->cells, (size_t)cv->cols * (size_t)cv->rows * sizeof *c.cells);
    return c;
}

/* Cells outside pane p are the same on both canvases (borders, status, other pane). */
static void assert_same_outside(const struct canvas *a, const struct canvas *b,
                                const struct pane *p)
{
    for (int y = 0; y < a->rows; y++) {
        for (int x = 0; x < a->cols; x++) {
            if (x >= p->xoff && x < p->xoff + p->cols && y >= p->yoff && y < p->yoff + p->rows)
                continue;
            const struct grid_cell *ca = &a->cells[y * a->cols + x];
            const struct grid_cell *cb = &b->cells[y * b->cols + x];
            if (memcmp(ca, cb, sizeof *ca) != 0)
                fail_msg("cell %d,%d outside the reversed pane changed", x, y);
        }
    }
}

/* The model terminal shows what the canvas asks for, cell by cell (as the user sees
 * it: character, colours after reverse video, other attributes). */
static void assert_model_shows(struct vt *model, const struct canvas *cv)
{
    for (int y = 0; y < cv->rows; y++) {
        for (int x = 0; x < cv->cols; x++) {
            const struct grid_cell *want = &cv->cells[y * cv->cols + x];
            const struct grid_cell *got = vt_cell(model, x, y);
            uint32_t wt, wb, gt, gb;
            shown(want, &wt, &wb);
            shown(got, &gt, &gb);
            uint32_t wch = want->ch == ' ' ? 0 : want->ch, gch = got->ch == ' ' ? 0 : got->ch;
            if (gch != wch || wt != gt || wb != gb || other_attrs(got) != other_attrs(want))
                fail_msg("model cell %d,%d: ch %u/%u text %x/%x back %x/%x", x, y, gch, wch,
                         gt, wt, gb, wb);
        }
    }
}

static const char left_text[] = "plain \033[7mrev\033[27m \033[31;42mcol\033[m\r\n"
                                "\033[7m\033[34mblue rev\033[m end";

static void test_reverse_screen_on_canvas_only_for_its_pane(void **state)
{
    struct fixture *f = *state;
    pane_feed(f->left, left_text);
    pane_feed(f->right, "right \033[7mpane\033[m");
    compose_client(&f->c);
    struct canvas normal = copy_canvas(&f->c.canvas);
    assert_pane_shown(&f->c.canvas, f->left, false);
    assert_pane_shown(&f->c.canvas, f->right, false);

    pane_feed(f->left, "\033[?5h");
    f->c.needs_redraw = true;
    compose_client(&f->c);
    assert_pane_shown(&f->c.canvas, f->left, true);
    assert_pane_shown(&f->c.canvas, f->right, false);
    assert_same_outside(&normal, &f->c.canvas, f->left);
    /* Concretely: a plain blank of the reversed pane has the reverse attribute, the
     * cell written in reverse video has not. */
    const struct grid_cell *blank =
        &f->c.canvas.cells[(f->left->yoff + 3) * COLS + f->left->xoff + 2];
    assert_true(blank->attr & ATTR_REVERSE);
    const struct grid_cell *rev = &f->c.canvas.cells[f->left->yoff * COLS + f->left->xoff + 6];
    assert_int_equal(rev->ch, 'r');
    assert_false(rev->attr & ATTR_REVERSE);

    /* Back to normal. */
    pane_feed(f->left, "\033[?5l");
    compose_client(&f->c);
    assert_pane_shown(&f->c.canvas, f->left, false);
    canvas_free(&normal);
}

static void test_reverse_screen_reaches_the_terminal(void **state)
{
    struct fixture *f = *state;
    char err[256];
    const struct render_caps *caps = render_caps_get("xterm-256color", false, err, sizeof err);
    if (caps == NULL)
        fail_msg("%s", err);
    struct render_state *rs = render_create(caps, true);
    struct vt *model = vt_create(COLS, ROWS, 0);

    pane_feed(f->left, left_text);
    pane_feed(f->right, "right \033[7mpane\033[m");
    compose_client(&f->c);
    frame(rs, &f->c.canvas);
    vt_feed(model, out_buf, out_len);
    assert_model_shows(model, &f->c.canvas);

    /* The program turns reverse screen on: the next frame repaints its pane. */
    pane_feed(f->left, "\033[?5h");
    compose_client(&f->c);
    frame(rs, &f->c.canvas);
    vt_feed(model, out_buf, out_len);
    assert_model_shows(model, &f->c.canvas);
    assert_pane_shown(&f->c.canvas, f->left, true);
    /* The model terminal itself is not in reverse screen: tmx draws it. */
    assert_false(vt_modes(model) & VT_MODE_REVERSE_VIDEO);

    /* More output while reversed, then back to normal, incrementally. */
    pane_feed(f->left, "\r\n\033[1mbold\033[m");
    compose_client(&f->c);
    frame(rs, &f->c.canvas);
    vt_feed(model, out_buf, out_len);
    assert_model_shows(model, &f->c.canvas);
    assert_pane_shown(&f->c.canvas, f->left, true);

    pane_feed(f->left, "\033[?5l");
    compose_client(&f->c);
    frame(rs, &f->c.canvas);
    vt_feed(model, out_buf, out_len);
    assert_model_shows(model, &f->c.canvas);
    assert_pane_shown(&f->c.canvas, f->left, false);
    assert_pane_shown(&f->c.canvas, f->right, false);

    vt_free(model);
    render_free(rs);
}

static void test_copy_mode_over_reversed_pane(void **state)
{
    struct fixture *f = *state;
    pane_feed(f->left, "\033[?5hhello");
    copy_mode_enter(f->left, false);
    compose_client(&f->c);
    const struct grid_cell *h = &f->c.canvas.cells[f->left->yoff * COLS + f->left->xoff];
    assert_int_equal(h->ch, 'h');
    assert_true(h->attr & ATTR_REVERSE);
    const struct grid_cell *blank =
        &f->c.canvas.cells[(f->left->yoff + 2) * COLS + f->left->xoff + 1];
    assert_true(blank->attr & ATTR_REVERSE);
    copy_mode_leave(f->left);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reverse_screen_on_canvas_only_for_its_pane,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_reverse_screen_reaches_the_terminal, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_copy_mode_over_reversed_pane, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
