/* test_server_quiet.c - quiet.h: work that may hold the loop (building the snapshot's
 * records) runs on the same turn when nobody typed lately; after a key it waits for the
 * next frame (another key before it runs: for that key's frame), or runs at the latest a
 * bounded time later when no frame comes; asked twice it runs once; cancelled, never. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <event2/event.h>

#include "quiet.h"
#include "server_state.h"

struct fixture {
    struct server s;
    struct event *work;
    int runs;
};

static void work_cb(evutil_socket_t fd, short events, void *arg)
{
    struct fixture *f = arg;
    (void)fd;
    (void)events;
    f->runs++;
    event_base_loopbreak(f->s.base);
}

static int setup(void **state)
{
    static struct fixture f;
    memset(&f, 0, sizeof f);
    f.s.base = event_base_new();
    f.work = event_new(f.s.base, -1, 0, work_cb, &f);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    quiet_free(&f->s);
    event_free(f->work);
    event_base_free(f->s.base);
    return 0;
}

/* One turn of the loop, without waiting for any timer. */
static void turn(struct fixture *f)
{
    event_base_loop(f->s.base, EVLOOP_NONBLOCK);
}

static void test_work_runs_at_once_when_nobody_typed(void **state)
{
    struct fixture *f = *state;
    quiet_run(&f->s, f->work);
    turn(f);
    assert_int_equal(f->runs, 1);
}

static void test_after_a_key_work_waits_for_the_next_frame(void **state)
{
    struct fixture *f = *state;
    quiet_typed(&f->s);
    quiet_run(&f->s, f->work);
    turn(f);
    assert_int_equal(f->runs, 0);
    /* The frame went: the work follows it (the work breaks the loop). */
    quiet_frame_sent(&f->s);
    event_base_dispatch(f->s.base);
    assert_int_equal(f->runs, 1);
}

static void test_a_key_after_the_frame_waits_for_its_own_frame(void **state)
{
    struct fixture *f = *state;
    quiet_typed(&f->s);
    quiet_run(&f->s, f->work);
    quiet_frame_sent(&f->s);
    quiet_typed(&f->s);
    turn(f);
    assert_int_equal(f->runs, 0);
    quiet_frame_sent(&f->s);
    event_base_dispatch(f->s.base);
    assert_int_equal(f->runs, 1);
}

static void test_after_a_key_with_no_frame_work_still_runs(void **state)
{
    struct fixture *f = *state;
    quiet_typed(&f->s);
    quiet_run(&f->s, f->work);
    turn(f);
    assert_int_equal(f->runs, 0);
    /* Nothing draws: the loop waits for the bound, then the work breaks it. */
    event_base_dispatch(f->s.base);
    assert_int_equal(f->runs, 1);
}

static void test_work_asked_twice_runs_once(void **state)
{
    struct fixture *f = *state;
    quiet_typed(&f->s);
    quiet_run(&f->s, f->work);
    quiet_run(&f->s, f->work);
    quiet_frame_sent(&f->s);
    event_base_dispatch(f->s.base);
    /* Nothing else is left for the loop. */
    assert_int_equal(event_base_dispatch(f->s.base), 1);
    assert_int_equal(f->runs, 1);
}

static void test_cancelled_work_never_runs(void **state)
{
    struct fixture *f = *state;
    quiet_typed(&f->s);
    quiet_run(&f->s, f->work);
    quiet_cancel(&f->s, f->work);
    quiet_frame_sent(&f->s);
    turn(f);
    assert_int_equal(f->runs, 0);
    /* Nothing is left for the loop to wait for. */
    assert_int_equal(event_base_dispatch(f->s.base), 1);
    assert_int_equal(f->runs, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_work_runs_at_once_when_nobody_typed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_after_a_key_work_waits_for_the_next_frame, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_key_after_the_frame_waits_for_its_own_frame,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_after_a_key_with_no_frame_work_still_runs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_work_asked_twice_runs_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancelled_work_never_runs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
