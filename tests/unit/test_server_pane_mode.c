/* test_server_pane_mode.c - a pane's stack of modes (pane_mode.h), with two made-up
 * modes that count what is done to them: entering one over another keeps the one below
 * and shows it again when the top one leaves, entering a mode that is below brings it
 * back with its state, every state is freed once (also when the pane goes), resizes
 * reach the top mode (and a mode coming back to the top), and a mode acting for a
 * client leaves with it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"
#include "pane.h"
#include "pane_mode.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"
#include "test_server_helpers.h"

/* The state of a made-up mode: what it saw. */
struct counts {
    int freed;
    int resized, cols, rows;
    uint32_t owner;
};

static void count_free(struct pane *p, void *data)
{
    (void)p;
    ((struct counts *)data)->freed++;
}

static void count_resize(struct pane *p, int cols, int rows)
{
    struct counts *c = p->mode_data;
    c->resized++;
    c->cols = cols;
    c->rows = rows;
}

static bool owned_by(void *data, uint32_t client_id)
{
    return ((struct counts *)data)->owner == client_id;
}

static const struct pane_mode mode_a = {.name = "a-mode", .free = count_free,
                                        .resize = count_resize, .client_gone = owned_by};
static const struct pane_mode mode_b = {.name = "b-mode", .free = count_free,
                                        .resize = count_resize, .client_gone = owned_by};

struct fixture {
    struct server srv;
    struct session *s;
    struct window *w;
    struct pane *p;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    test_server_init(&f->srv);
    f->s = session_create(&f->srv, "s", "/", NULL, 0, 20, 10);
    f->w = window_create(f->s, "w");
    session_link_window(f->s, f->w, 0);
    f->p = xcalloc(1, sizeof *f->p);
    f->p->server = &f->srv;
    f->p->window = f->w;
    f->p->fd = -1;
    f->p->cols = 20;
    f->p->rows = 10;
    f->p->vt = vt_create(20, 10, 100);
    window_add_first_pane(f->w, f->p);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    if (f->s != NULL)
        session_free(f->s);
    test_server_free_options(&f->srv);
    free(f);
    return 0;
}

static void test_a_mode_over_another_shows_it_again(void **state)
{
    struct fixture *f = *state;
    struct pane *p = f->p;
    struct counts a = {0}, b = {0};
    assert_int_equal(pane_mode_depth(p), 0);
    pane_mode_push(p, &mode_a, &a);
    pane_mode_push(p, &mode_b, &b);
    assert_ptr_equal(p->mode, &mode_b);
    assert_ptr_equal(p->mode_data, &b);
    assert_int_equal(pane_mode_depth(p), 2);
    assert_ptr_equal(pane_mode_data(p, &mode_a), &a);

    /* Resizes reach the top mode only; the one below catches up when it is back. */
    p->cols = 30;
    pane_mode_resize(p);
    assert_int_equal(b.resized, 1);
    assert_int_equal(a.resized, 0);
    pane_mode_pop(p);
    assert_int_equal(b.freed, 1);
    assert_ptr_equal(p->mode, &mode_a);
    assert_ptr_equal(p->mode_data, &a);
    assert_int_equal(a.resized, 1);
    assert_int_equal(a.cols, 30);
    pane_mode_pop(p);
    assert_int_equal(a.freed, 1);
    assert_null(p->mode);
    assert_null(p->mode_data);
    pane_mode_pop(p); /* nothing to leave */
    assert_int_equal(pane_mode_depth(p), 0);
}

static void test_entering_a_mode_below_brings_it_back(void **state)
{
    struct fixture *f = *state;
    struct pane *p = f->p;
    struct counts a = {0}, b = {0};
    assert_false(pane_mode_raise(p, &mode_a));
    pane_mode_push(p, &mode_a, &a);
    assert_true(pane_mode_raise(p, &mode_a)); /* on top already */
    pane_mode_push(p, &mode_b, &b);
    assert_true(pane_mode_raise(p, &mode_a));
    assert_ptr_equal(p->mode, &mode_a);
    assert_ptr_equal(p->mode_data, &a); /* with its state */
    assert_int_equal(pane_mode_depth(p), 2);
    assert_int_equal(a.freed + b.freed, 0);
    /* Removing the one below frees it and leaves the top alone. */
    pane_mode_remove(p, &mode_b);
    assert_int_equal(b.freed, 1);
    assert_ptr_equal(p->mode, &mode_a);
    assert_int_equal(pane_mode_depth(p), 1);
    pane_mode_remove(p, &mode_b); /* not there: nothing */
    assert_int_equal(b.freed, 1);
    pane_mode_free_all(p);
    assert_int_equal(a.freed, 1);
    assert_null(p->mode);
}

static void test_modes_acting_for_a_client_leave_with_it(void **state)
{
    struct fixture *f = *state;
    struct pane *p = f->p;
    struct counts a = {.owner = 7}, b = {.owner = 8};
    pane_mode_push(p, &mode_a, &a);
    pane_mode_push(p, &mode_b, &b);
    assert_false(pane_mode_client_gone(&f->srv, 9));
    assert_int_equal(pane_mode_depth(p), 2);
    /* The one below goes; the top stays. */
    assert_true(pane_mode_client_gone(&f->srv, 7));
    assert_int_equal(a.freed, 1);
    assert_ptr_equal(p->mode, &mode_b);
    assert_true(pane_mode_client_gone(&f->srv, 8));
    assert_int_equal(b.freed, 1);
    assert_null(p->mode);
}

/* States freed by mode_freeing, counted across the pane's end. */
static int freed_states;

static void free_state(struct pane *p, void *data)
{
    (void)p;
    free(data);
    freed_states++;
}

static const struct pane_mode mode_freeing = {.name = "freeing", .free = free_state};

static void test_a_pane_going_away_frees_every_mode(void **state)
{
    struct fixture *f = *state;
    freed_states = 0;
    pane_mode_push(f->p, &mode_freeing, xcalloc(1, 16));
    pane_mode_push(f->p, &mode_a, &(struct counts){0});
    pane_mode_remove(f->p, &mode_a);
    pane_mode_push(f->p, &mode_freeing, xcalloc(1, 16)); /* two of one mode: both freed */
    assert_int_equal(pane_mode_depth(f->p), 2);
    /* The session goes with its window and pane (pane_free). */
    session_free(f->s);
    f->s = NULL;
    assert_int_equal(freed_states, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_mode_over_another_shows_it_again, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_entering_a_mode_below_brings_it_back, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_modes_acting_for_a_client_leave_with_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_pane_going_away_frees_every_mode, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
